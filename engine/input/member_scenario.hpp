// Builds the Scenario of one ensemble member: the base scenario's resolved
// document with the member's lever settings and sampled values applied,
// validated and built like any scenario. The fleet is read once and shared.
#pragma once

#include "input/scenario_loader.hpp"
#include "input/source_node.hpp"
#include "model/scenario.hpp"

#include <string>
#include <vector>

namespace steelpath::input {

/// One parameter set for a member: a lever value (`scale` false), a sampled
/// value (`scale` false) or a sampled factor on the base value (`scale` true).
struct ParameterSetting {
  std::string path;
  SourceNode value;    ///< the value in the documented unit (lever settings)
  double number = 0.0; ///< the sampled value or factor (when `value` is null)
  bool scale = false;  ///< `number` multiplies the value found at `path`
};

class ScenarioFactory {
public:
  /// Keeps a copy of the loaded scenario's resolved document and fleet.
  explicit ScenarioFactory(const LoadedScenario& base);

  /// The member's scenario. Throws InputError when a setting makes the
  /// scenario invalid (e.g. a sampled share above 1): the member fails with
  /// that message, the ensemble goes on.
  [[nodiscard]] Scenario make(const std::vector<ParameterSetting>& settings) const;

  /// What differs between `s` and the base in the shape of the results
  /// (horizon, routes, regions, companies, contracts); empty when nothing.
  [[nodiscard]] std::string shape_difference(const Scenario& s) const;

private:
  SourceNode resolved_;
  std::vector<PlantUnit> units_;
  Horizon horizon_;
  std::size_t technologies_ = 0, regions_ = 0, companies_ = 0, contracts_ = 0;
};

/// Problems of an ensemble that reading the sections cannot see: a `scale:
/// true` uncertainty with nothing to scale at its path, or a --set value
/// (`overrides`, "PATH=VALUE") on a number a lever or an uncertainty
/// (without `scale`) sets per member. Each as "key: what is wrong"; empty when none.
[[nodiscard]] std::vector<std::string> ensemble_problems(const LoadedScenario& loaded,
                                                         const std::vector<std::string>& overrides);

/// Multiplies the number or series at `node` by `factor` (a growth series:
/// its base value). Returns false when `node` is not numeric.
bool scale_node(SourceNode& node, double factor);

} // namespace steelpath::input
