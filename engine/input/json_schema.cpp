#include "input/json_schema.hpp"

#include "input/quantity.hpp"
#include "input/scenario_spec.hpp"

#include <limits>
#include <sstream>
#include <vector>

namespace steelpath::input {

namespace {

// A number written with a unit, e.g. "872 EUR/(t/yr)" (the unit is checked by steelpath).
const char* kQuantityPattern = "^\\s*[-+]?[0-9.]+([eE][-+]?[0-9]+)?\\s+\\S.*$";

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

class Writer {
public:
  explicit Writer(bool strict) : strict_(strict) {}

  std::string schema(const Spec& s) {
    switch (s.kind) {
    case SpecKind::record:
      return record(s);
    case SpecKind::map_of:
      return obj({{"type", quote("object")},
                  {"description", quote(s.doc)},
                  {"additionalProperties", nullable(schema(s.entry.front()))}},
                 strict_ && s.required ? R"("minProperties": 1)" : "");
    case SpecKind::ref_map:
      return obj({{"type", quote("object")},
                  {"description", quote(s.doc)},
                  {"additionalProperties", nullable(schema(s.entry.front()))}});
    case SpecKind::number:
      return number(s);
    case SpecKind::integer:
      return obj({{"type", quote("integer")}, {"description", quote(s.doc + unit_note(s))}}, bounds(s));
    case SpecKind::series:
      return series(s);
    case SpecKind::levers:
      return obj(
          {{"type", quote("object")},
           {"description", quote(s.doc)},
           {"properties",
            R"({"packages": {"type": "object", "additionalProperties": {"type": ["object", "null"]}}})"},
           {"additionalProperties", R"({"type": "array", "minItems": 1})"}});
    case SpecKind::uncertainties:
      return obj(
          {{"type", quote("object")},
           {"description", quote(s.doc)},
           {"additionalProperties",
            R"({"type": "object", "required": ["distribution"], "additionalProperties": false, )"
            R"("properties": {"distribution": {"enum": ["uniform", "normal", "triangular", "lognormal", "discrete"]}, )"
            R"("low": {"type": "number"}, "high": {"type": "number"}, "mode": {"type": "number"}, )"
            R"("mean": {"type": "number"}, "sd": {"type": "number"}, "mu": {"type": "number"}, )"
            R"("sigma": {"type": "number"}, "scale": {"type": "boolean"}, )"
            R"("values": {"type": "array", "items": {"type": "number"}, "minItems": 1}, )"
            R"("weights": {"type": "array", "items": {"type": "number"}}}})"}});
    case SpecKind::ref_list:
      return obj(
          {{"type", quote("array")}, {"items", R"({"type": "string"})"}, {"description", quote(s.doc)}});
    case SpecKind::path:
      if (&s == scenario_spec().field("extends"))
        return obj({{"description", quote(s.doc)},
                    {"oneOf", R"([{"type": "string"}, {"type": "array", "items": {"type": "string"}}])"}});
      [[fallthrough]];
    default:
      if (s.choices == std::vector<std::string>{"true", "false"})
        return obj({{"type", quote("boolean")}, {"description", quote(s.doc)}});
      if (!s.choices.empty()) {
        std::string list;
        for (const auto& c : s.choices)
          list += (list.empty() ? "" : ", ") + quote(c);
        return obj({{"enum", "[" + list + "]"}, {"description", quote(s.doc)}});
      }
      return obj({{"type", quote("string")}, {"description", quote(s.doc)}});
    }
  }

private:
  static std::string unit_note(const Spec& s) {
    return s.unit.empty() || s.unit == "1" ? std::string{} : " [" + s.unit + "]";
  }

  static std::string bounds(const Spec& s) {
    std::string b;
    if (s.bounds.lo > -std::numeric_limits<double>::max()) b += R"("minimum": )" + format_double(s.bounds.lo);
    if (s.bounds.hi < std::numeric_limits<double>::max())
      b += (b.empty() ? "" : ", ") + std::string(R"("maximum": )") + format_double(s.bounds.hi);
    return b;
  }

  std::string number(const Spec& s) {
    return obj({{"description", quote(s.doc + unit_note(s))},
                {"oneOf", "[" + obj({{"type", quote("number")}}, bounds(s)) +
                              R"(, {"type": "string", "pattern": )" + quote(kQuantityPattern) + "}]"}});
  }

  std::string series(const Spec& s) {
    Spec point = s;
    point.kind = SpecKind::number;
    const std::string v = number(point);
    return obj(
        {{"description", quote(s.doc + unit_note(s) +
                               ": a number, {year: value, ...}, or {base_year, base_value, growth_rate}")},
         {"oneOf", "[" + v +
                       R"(, {"type": "object", "minProperties": 1, "additionalProperties": false, )"
                       R"("patternProperties": {"^[0-9]{4}$": )" +
                       v +
                       R"(}}, )"
                       R"({"type": "object", "additionalProperties": false, )"
                       R"("required": ["base_year", "base_value", "growth_rate"], "properties": {)"
                       R"("base_year": {"type": "integer"}, "base_value": )" +
                       v + R"(, "growth_rate": {"type": "number"}}}])"}});
  }

  std::string record(const Spec& s) {
    std::string props = "{";
    std::string required;
    for (const auto& [name, f] : s.fields) {
      props += (props.size() > 1 ? ", " : "") + quote(name) + ": " + nullable(schema(f));
      if (f.required && strict_) required += (required.empty() ? "" : ", ") + quote(name);
    }
    props += "}";
    return obj({{"type", quote("object")},
                {"description", quote(s.doc)},
                {"properties", props},
                {"additionalProperties", "false"}},
               required.empty() ? "" : R"("required": [)" + required + "]");
  }

  // Outside strict mode a file may write `key: ~` to remove what it extends.
  std::string nullable(const std::string& schema) const {
    return strict_ ? schema : R"({"anyOf": [)" + schema + R"(, {"type": "null"}]})";
  }

  static std::string obj(const std::vector<std::pair<std::string, std::string>>& members,
                         const std::string& extra = "") {
    std::string s = "{";
    for (const auto& [k, v] : members)
      s += (s.size() > 1 ? ", " : "") + quote(k) + ": " + v;
    if (!extra.empty()) s += (s.size() > 1 ? ", " : "") + extra;
    return s + "}";
  }

  bool strict_;
};

} // namespace

std::string scenario_json_schema() {
  const Spec& root = scenario_spec();
  std::ostringstream os;
  os << "{\n"
     << R"(  "$schema": "http://json-schema.org/draft-07/schema#",)"
     << "\n"
     << R"(  "$id": "https://steelpath.example/scenario.schema.json",)"
     << "\n"
     << R"(  "title": "steelpath scenario",)"
     << "\n"
     << R"(  "description": "Generated by `steelpath schema` from engine/input/scenario_spec.cpp; do not edit.",)"
     << "\n"
     << R"(  "if": {"required": ["extends"]},)"
     << "\n"
     << R"(  "then": {"$ref": "#/definitions/partial"},)"
     << "\n"
     << R"(  "else": {"$ref": "#/definitions/complete"},)"
     << "\n"
     << R"(  "definitions": {)"
     << "\n"
     << R"(    "complete": )" << Writer(true).schema(root) << ",\n"
     << R"(    "partial": )" << Writer(false).schema(root) << "\n"
     << "  }\n}\n";
  return os.str();
}

} // namespace steelpath::input
