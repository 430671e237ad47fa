#include "input/spec_reference.hpp"

#include "input/scenario_spec.hpp"

#include <limits>
#include <vector>

namespace steelpath::input {

namespace {

std::string kind_name(const Spec& s) {
  switch (s.kind) {
  case SpecKind::record:
    return "section";
  case SpecKind::map_of:
    return "mapping of ids";
  case SpecKind::ref_map:
    return "mapping of " + s.entry_name + " ids";
  case SpecKind::number:
    return "number";
  case SpecKind::integer:
    return "whole number";
  case SpecKind::series:
    return "yearly series";
  case SpecKind::path:
    return "file path";
  case SpecKind::ref:
    return "id in `" + s.ref + "`";
  case SpecKind::ref_list:
    return "list of ids in `" + s.ref + "`";
  case SpecKind::levers:
    return "levers";
  case SpecKind::uncertainties:
    return "uncertainties";
  default:
    if (s.choices == std::vector<std::string>{"true", "false"}) return "true/false";
    if (!s.choices.empty()) {
      std::string list;
      for (const auto& c : s.choices)
        list.append(list.empty() ? "" : ", ").append(c);
      return "one of " + list;
    }
    return "text";
  }
}

void rows(const Spec& s, const std::string& path, std::string& out) {
  const bool numeric =
      s.kind == SpecKind::number || s.kind == SpecKind::integer || s.kind == SpecKind::series;
  std::string range;
  if (numeric &&
      (s.bounds.lo > -std::numeric_limits<double>::max() || s.bounds.hi < std::numeric_limits<double>::max()))
    range = s.bounds.describe().substr(9); // drop "a number "
  const std::string unit = s.unit.empty() ? "" : "`" + s.unit + "`";
  const std::string def = s.required ? "required" : s.default_text ? "`" + *s.default_text + "`" : "optional";
  if (!path.empty())
    out += "| `" + path + "` | " + kind_name(s) + " | " + unit + " | " + range + " | " + def + " | " + s.doc +
           " |\n";
  switch (s.kind) {
  case SpecKind::record:
    for (const auto& [name, f] : s.fields)
      rows(f, path.empty() ? name : path + "." + name, out);
    break;
  case SpecKind::map_of:
  case SpecKind::ref_map:
    rows(s.entry.front(), path + ".<" + s.entry_name + ">", out);
    break;
  default:
    break;
  }
}

} // namespace

std::string scenario_reference_markdown() {
  std::string out = "| key | kind | unit | range | default | meaning |\n|---|---|---|---|---|---|\n";
  rows(scenario_spec(), "", out);
  return out;
}

} // namespace steelpath::input
