// Builds the Scenario of one ensemble member: its lever setting resolved
// through the document once, its sampled values set in place.
#pragma once

#include "input/ensemble_plan.hpp"
#include "input/scenario_loader.hpp"
#include "input/source_node.hpp"
#include "model/scenario.hpp"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace steelpath::input {

/// Builds the Scenario of each ensemble member from a loaded scenario (thread-safe).
class ScenarioFactory {
public:
  /// Keeps a copy of the loaded scenario's resolved document, its lever
  /// settings and uncertainties, and shares its fleet.
  explicit ScenarioFactory(const LoadedScenario& base);
  ~ScenarioFactory();
  ScenarioFactory(const ScenarioFactory&) = delete;
  ScenarioFactory& operator=(const ScenarioFactory&) = delete;

  /// The scenario of a member: lever setting `setting` (as numbered by
  /// ensemble_plan) with `sample` (one value or factor per uncertainty, in
  /// order). The setting is resolved through the document once (by the
  /// first member that needs it, on any thread); each member is a copy of
  /// its Scenario with the samples set in place (parameter_slot.hpp).
  /// Throws InputError when a value makes the scenario invalid (e.g. a
  /// sampled share above 1), naming key and bound: the member fails with
  /// that message, the ensemble goes on.
  [[nodiscard]] Scenario make(std::size_t setting, std::span<const double> sample) const;

  /// The same member built through the document: the setting's lever values
  /// and the samples written into the resolved document, validated and
  /// built like any scenario. make() falls back on it for what it cannot set
  /// in place; tests compare the two.
  [[nodiscard]] Scenario make_from_document(std::size_t setting, std::span<const double> sample) const;

  /// Whether members of `setting` are patched in place (false: each is built
  /// through the document, e.g. two uncertainties on the same series).
  [[nodiscard]] bool patched(std::size_t setting) const;

  /// What differs between `s` and the base in the shape of the results
  /// (horizon, routes, regions, companies, contracts); empty when nothing.
  [[nodiscard]] std::string shape_difference(const Scenario& s) const;

private:
  struct Setting;
  const Setting& setting(std::size_t s) const;
  [[nodiscard]] SourceNode lever_document(std::size_t setting) const;

  SourceNode resolved_;
  EnsembleSpec spec_;
  EnsemblePlan plan_;
  UnitList units_; ///< the base fleet, shared by every member
  Horizon horizon_;
  std::size_t technologies_ = 0, regions_ = 0, companies_ = 0, contracts_ = 0;
  std::vector<std::unique_ptr<Setting>> settings_;
};

/// Problems of an ensemble that reading the sections cannot see: a `scale:
/// true` uncertainty with nothing to scale at its path, or a --set value
/// (`overrides`, "PATH=VALUE") on a number a lever or an uncertainty
/// (without `scale`) sets per member. Each as "key: what is wrong"; empty when none.
[[nodiscard]] std::vector<std::string> ensemble_problems(const LoadedScenario& loaded,
                                                         const std::vector<std::string>& overrides);

/// Where a sampled value was written, for messages.
inline const Origin kSampleOrigin{"(ensemble member)", 0, 0};

/// A sampled value as a document node: the shortest text that reads back
/// as exactly `v`.
[[nodiscard]] SourceNode sample_node(double v);

/// Multiplies the number or series at `node` by `factor` (a growth series:
/// its base value). Returns false when `node` is not numeric.
bool scale_node(SourceNode& node, double factor);

} // namespace steelpath::input
