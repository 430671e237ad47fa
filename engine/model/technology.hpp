// A steelmaking route (BF-BOF, scrap-EAF, H2-DRI-EAF, ...): what it consumes per
// tonne of crude steel, what it emits, what it costs to build or reline, and
// when it can be chosen.
#pragma once

#include <string>
#include <vector>

namespace steelpath {

struct Technology {
  std::string id;   ///< key used in scenarios and results, e.g. "bf_bof"
  std::string name; ///< readable name, e.g. "BF-BOF (average)"

  /// Inputs per tonne of crude steel, one entry per scenario commodity, each
  /// in that commodity's unit (t, GJ, kg, MWh per t crude steel).
  std::vector<double> inputs;

  double process_emissions = 0.0; ///< t CO2 per t crude steel not tied to a commodity (fluxes, electrodes)
  double capture_rate = 0.0;      ///< share of direct CO2 captured, 0..1
  double capex_greenfield = 0.0;  ///< USD per (t/yr) of capacity, new build or conversion
  double capex_reline = 0.0;      ///< USD per (t/yr), reinvestment at the end of a campaign
  double opex_fixed = 0.0;        ///< USD per (t/yr) per year
  int campaign_years = 20;        ///< years between reinvestment decisions
  int available_from = 0;         ///< first calendar year the route can be chosen
};

} // namespace steelpath
