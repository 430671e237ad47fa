// What an ensemble runs, without YAML: the lever axes (values as numbers and
// text) and packages, the uncertainties, and the `ensemble:` settings. The
// ensemble layer (engine/ensemble) schedules members from this plan; only the
// input layer (member_scenario.hpp) turns a lever setting into a Scenario.
//
// Lever settings are the full factorial of the axes inside each package,
// numbered package-major with the first axis varying slowest: setting s has
// package s / A and, for axis a, value (s / stride_a) % n_a, where A is the
// product of the axis sizes n_a and stride_a the product of the sizes after a.
#pragma once

#include "input/ensemble_spec.hpp"

#include <string>
#include <vector>

namespace steelpath::input {

/// One lever axis of an ensemble plan: a parameter path and the values it takes.
struct LeverAxisPlan {
  std::string path;                ///< parameter path
  std::vector<double> values;      ///< each value as a number (NaN for a series)
  std::vector<std::string> texts;  ///< each value as resolved (YAML flow style for a series)
  std::vector<std::string> labels; ///< each value as a setting's label shows it
};

/// One combination of lever values (an axis value each, and a package).
struct LeverSetting {
  std::string label;                   ///< e.g. "policies.carbon_price.2035=60"
  std::string package;                 ///< the package's name ("" without packages)
  std::vector<double> axis_values;     ///< per axis: the value (NaN for a series)
  std::vector<std::string> axis_texts; ///< per axis: the value as resolved
};

/// What an ensemble runs, without YAML: lever axes, packages, uncertainties and the `ensemble:` settings.
struct EnsemblePlan : EnsembleSettings {
  /// lever axes, crossed in full inside each package
  std::vector<LeverAxisPlan> axes;
  std::vector<std::string> packages; ///< package names (empty: no packages)
  /// the sampled inputs, one dimension each
  std::vector<Uncertainty> uncertainties;

  /// Number of lever settings, as a double (checked against limits before listing).
  [[nodiscard]] double setting_count() const;
  /// Setting s's package (index into `packages`; 0 without packages).
  [[nodiscard]] std::size_t package_of(std::size_t s) const;
  /// Setting s's value index on axis a.
  [[nodiscard]] std::size_t value_of(std::size_t s, std::size_t a) const;
  /// Setting s with its label and values. Precondition: s < setting_count().
  [[nodiscard]] LeverSetting setting(std::size_t s) const;
};

/// The plan of a spec (the spec's values turned into numbers and text).
[[nodiscard]] EnsemblePlan ensemble_plan(const EnsembleSpec& spec);

} // namespace steelpath::input
