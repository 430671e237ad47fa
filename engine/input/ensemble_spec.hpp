// The `levers:` and `uncertainties:` sections of a scenario: what an ensemble
// crosses and samples, addressed by parameter paths (parameter_paths.hpp).
//
//   levers:
//     policies.carbon_price.2035: [50, 100, 150]       # crossed, full factorial
//     packages:                                       # or named policy packages
//       current: {}
//       ambitious: {policies.carbon_price.2035: 150, finance.discount_rate: 0.06}
//   uncertainties:
//     commodities.hydrogen.price: {distribution: triangular, low: 0.7, mode: 1, high: 1.5, scale: true}
//     finance.discount_rate: {distribution: uniform, low: 0.06, high: 0.12}
//
// Distributions: uniform (low, high), normal (mean, sd), triangular (low, mode,
// high), lognormal (mu, sigma of the log), discrete (values, optional weights).
// With `scale: true` the sample multiplies the value (a whole series scales).
#pragma once

#include "input/source_node.hpp"

#include <map>
#include <string>
#include <vector>

namespace steelpath::input {

/// One lever axis of `levers:`: a parameter path and the values it is crossed over.
struct LeverAxis {
  /// parameter path, e.g. "policies.carbon_price.2035"
  std::string path;
  std::vector<SourceNode> values; ///< resolved values (documented units)
};

/// A named policy package of `levers.packages`: values set together.
struct LeverPackage {
  /// the package's name, e.g. "ambitious"
  std::string name;
  std::vector<std::pair<std::string, SourceNode>> settings; ///< path -> resolved value
};

/// One entry of `uncertainties:`: a parameter path and the distribution it is sampled from.
struct Uncertainty {
  /// parameter path, e.g. "finance.discount_rate"
  std::string path;
  std::string distribution;             ///< uniform, normal, triangular, lognormal, discrete
  std::map<std::string, double> params; ///< low/high/mean/sd/mode/mu/sigma
  std::vector<double> values;           ///< discrete: the values
  std::vector<double> weights;          ///< discrete: their weights (empty: equal)
  bool scale = false;                   ///< the sample multiplies the value
};

/// The `ensemble:` section (defaults in scenario_spec.cpp).
struct EnsembleSettings {
  std::size_t samples = 100;                ///< base samples of the uncertainties per lever setting
  std::string sampling = "latin_hypercube"; ///< latin_hypercube, monte_carlo, sobol or saltelli
  std::size_t replicates = 1;               ///< runs of the agents' own randomness per sample
  bool company_series = false;              ///< store each member's [year][company] series
  std::string reference;                    ///< label of the reference lever setting ("" the first)
  std::string reference_origin;             ///< where `reference` was written (for messages)
};

/// The `levers:`, `uncertainties:` and `ensemble:` sections of a scenario, as read.
struct EnsembleSpec : EnsembleSettings {
  /// lever axes, crossed in full
  std::vector<LeverAxis> axes;
  /// named policy packages (empty: none)
  std::vector<LeverPackage> packages;
  /// the sampled inputs
  std::vector<Uncertainty> uncertainties;
  /// Whether the scenario has no levers and no uncertainties (a single run).
  [[nodiscard]] bool empty() const { return axes.empty() && packages.empty() && uncertainties.empty(); }
};

/// Reads and checks both sections of a merged document against its
/// parameter paths; problems go to `diagnostics`. A path may be set by one
/// lever axis or package only, and a lever and an uncertainty may not touch
/// the same number (one would silently undo the other). The `ensemble:`
/// settings are read from the resolved document by the loader.
[[nodiscard]] EnsembleSpec read_ensemble_spec(const SourceNode& doc, Diagnostics& diagnostics);

} // namespace steelpath::input
