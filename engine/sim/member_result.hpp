// Everything one simulated member produces, in memory, before an output sink
// (HDF5) writes it. Yearly arrays are year-major: element [y * n + i].
#pragma once

#include "model/horizon.hpp"

#include <cstddef>
#include <vector>

namespace steelpath {

/// One investment decision taken at a unit's decision point.
struct Decision {
  int year = 0;            ///< calendar year of the decision
  int unit = 0;            ///< index into Scenario::units
  int from_technology = 0; ///< route before
  int to_technology = 0;   ///< route chosen (== from_technology for a relining)
  double lcos_chosen = 0.0; ///< levelized cost of the chosen option, USD/t
  double lcos_reline = 0.0; ///< levelized cost of relining as is, USD/t
};

struct MemberResult {
  Horizon horizon;
  std::size_t n_technologies = 0;
  std::size_t n_regions = 0;

  std::vector<double> production;   ///< Mt crude steel, [year][technology]
  std::vector<double> capacity;     ///< Mt/yr operating nameplate capacity, [year][technology]
  std::vector<double> emissions;    ///< direct CO2 emitted, Mt CO2, [year][technology]
  std::vector<double> captured;     ///< CO2 captured, Mt CO2, [year][technology]
  std::vector<double> demand;       ///< Mt crude steel, [year][region]
  std::vector<double> unmet_demand; ///< Mt crude steel, [year][region]
  std::vector<double> steel_price;  ///< USD/t, marginal unit's cost, [year][region]
  std::vector<double> scrap_used;   ///< Mt scrap, [year][region]
  std::vector<double> carbon_price; ///< USD/t CO2, [year]
  std::vector<Decision> decisions;  ///< in the order taken (year, then unit)
  std::size_t unit_years = 0;       ///< units x years simulated (for throughput figures)

  /// Sizes every array for a horizon and zeroes it; keeps allocated memory.
  void reset(const Horizon& horizon, std::size_t n_technologies, std::size_t n_regions);

  /// Total direct emissions in year index y, Mt CO2.
  [[nodiscard]] double total_emissions(std::size_t y) const;
  /// Total production in year index y, Mt.
  [[nodiscard]] double total_production(std::size_t y) const;
};

} // namespace steelpath
