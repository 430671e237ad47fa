#include "input/member_scenario.hpp"

#include "input/diagnostics.hpp"
#include "input/parameter_paths.hpp"
#include "input/quantity.hpp"
#include "input/scenario_builder.hpp"
#include "input/scenario_validator.hpp"
#include "model/errors.hpp"

#include <cmath>

namespace steelpath::input {

namespace {

const Origin kMember{"(ensemble member)", 0, 0};

SourceNode number_node(double v) {
  return SourceNode::make_scalar(format_double(v), kMember);
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1)
    parts.push_back(path.substr(start, dot - start));
  parts.push_back(path.substr(start));
  return parts;
}

const SourceNode* find_path(const SourceNode& doc, const std::vector<std::string>& parts, std::size_t n) {
  const SourceNode* node = &doc;
  for (std::size_t i = 0; i < n && node; ++i)
    node = node->is_map() ? node->find(parts[i]) : nullptr;
  return node;
}

// The value `factor` x (the value at `path` in `doc`), ready for apply_override.
SourceNode scaled_value(const SourceNode& doc, const std::string& path, double factor) {
  std::string why;
  const auto target = resolve_parameter(doc, path, why);
  if (!target) throw InputError(path + ": " + why);
  const auto parts = split(path);
  const bool point = target->year || !target->series_part.empty();
  const SourceNode* node = find_path(doc, parts, parts.size() - (point ? 1 : 0));
  if (!node) throw InputError(path + ": scale: true needs a value in the scenario to scale, found none");
  SourceNode value = *node;
  if (point) { // a constant series scales as a whole; a written point scales alone
    if (node->is_map()) {
      const SourceNode* p = node->find(parts.back());
      if (!p)
        throw InputError(path + ": scale: true needs the value written at " + parts.back() +
                         " (the series has no such point)");
      value = *p;
    }
  }
  if (!scale_node(value, factor))
    throw InputError(path + ": scale: true needs a number or series, found a non-numeric value");
  return value;
}

} // namespace

bool scale_node(SourceNode& node, double factor) {
  if (node.is_scalar()) {
    const auto v = plain_number(node);
    if (!v) return false;
    node = SourceNode::make_scalar(format_double(*v * factor), node.origin());
    return true;
  }
  if (!node.is_map()) return false;
  if (SourceNode* base = node.find("base_value")) return scale_node(*base, factor); // a growth series
  for (auto& e : node.entries())
    if (!scale_node(e.value, factor)) return false;
  return true;
}

ScenarioFactory::ScenarioFactory(const LoadedScenario& base)
    : resolved_(base.resolved), units_(base.scenario.units) {}

Scenario ScenarioFactory::make(const std::vector<ParameterSetting>& settings) const {
  SourceNode doc = resolved_;
  std::string why;
  for (const auto& s : settings) {
    const SourceNode value = !s.value.is_null() ? s.value
                             : s.scale          ? scaled_value(doc, s.path, s.number)
                                                : number_node(s.number);
    if (!std::isfinite(s.number)) throw InputError(s.path + ": the sampled value is not finite");
    if (!apply_override(doc, s.path, value, why)) throw InputError(s.path + ": " + why);
  }
  Diagnostics diag;
  const SourceNode resolved = validate_document(doc, diag);
  if (!diag.empty()) {
    // Member settings have no file position: name the key and the value.
    std::string msg;
    for (const auto& d : diag.items())
      msg += (msg.empty() ? "" : "; ") + d.path + ": " + d.message;
    throw InputError(msg);
  }
  Scenario s = build_scenario(resolved);
  s.units = units_;
  const auto problems = check_consistency(s);
  if (!problems.empty()) throw InputError(problems.front());
  return s;
}

} // namespace steelpath::input
