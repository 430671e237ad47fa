// A commodity a steel route consumes (coal, gas, hydrogen, electricity, scrap,
// iron ore, ...). Each commodity has its own physical unit (t, GJ, kg, MWh),
// and technology inputs are stated per tonne of crude steel in that unit.
#pragma once

#include "model/year_series.hpp"

#include <string>

namespace steelpath {

/// A commodity steel routes consume: its price path (USD per unit) and CO2 factors (t CO2 per unit).
struct Commodity {
  std::string id;               ///< key used in scenarios, e.g. "coking_coal"
  std::string unit;             ///< physical unit of one quantity of it, e.g. "t", "GJ", "kg", "MWh"
  YearSeries price;             ///< USD per unit (real USD)
  double emission_factor = 0.0; ///< direct (combustion) CO2, t CO2 per unit; 0 for electricity
  /// Upstream CO2 counted as indirect, t CO2 per unit (grid electricity: the
  /// region's grid intensity overrides it).
  double indirect_emission_factor = 0.0;
};

} // namespace steelpath
