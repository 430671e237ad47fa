// A market region: steel demand is met by the region's own plants, scrap
// routes share the region's scrap pool, gas-based direct reduction its gas
// for DRI, and regional prices,
// grid electricity, carbon prices and intensity standards apply.
#pragma once

#include "model/green_market.hpp"
#include "model/year_series.hpp"

#include <optional>
#include <string>
#include <vector>

namespace steelpath {

/// A market region: steel demand and scrap supply (Mt/yr), and its own prices, grid and policies.
struct Region {
  std::string id;          ///< e.g. "CHN"
  YearSeries demand;       ///< crude steel demand before material efficiency, Mt/yr
  YearSeries scrap_supply; ///< scrap that can be collected (obsolete, home and prompt), Mt/yr
  /// Natural gas available to direct-reduction routes, bcm/yr; empty: no limit.
  std::optional<YearSeries> dri_gas_supply;
  /// Regional price paths, one slot per commodity (or none at all); an empty
  /// slot: the commodity's own path.
  std::vector<std::optional<YearSeries>> prices;
  std::optional<YearSeries> carbon_price;   ///< USD/t CO2; empty: policies.carbon_price
  std::optional<YearSeries> grid_intensity; ///< t CO2 per MWh of grid electricity (indirect emissions)
  YearSeries demand_reduction;              ///< material efficiency: share of demand avoided, 0..1 (empty: 0)
  std::optional<YearSeries> intensity_standard; ///< maximum direct intensity, t CO2/t crude steel
  double intensity_penalty = 0.0;               ///< USD per t CO2 above the standard
  /// capacity a fleet unit that starts must retire per t/yr of its own, t/t (0: no replacement)
  double capacity_replacement = 0.0;
  /// Price of the clean-power contract of the region's electrolysers, USD/MWh; empty: HydrogenSupply's.
  std::optional<YearSeries> h2_contract_price;
  /// Multiplies HydrogenSupply::electrolyser_capex in this region (e.g. Chinese alkaline systems), 1.
  double h2_capex_factor = 1.0;
  /// Buyers of near-zero steel and the premiums they pay (none by default).
  GreenBuyers green_buyers;
};

/// Region `reg`'s demand in year index y after material efficiency, Mt.
[[nodiscard]] inline double region_demand(const Region& reg, std::size_t y) {
  return reg.demand[y] * (1.0 - (reg.demand_reduction.size() ? reg.demand_reduction[y] : 0.0));
}

} // namespace steelpath
