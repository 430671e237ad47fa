// Merit-order dispatch of one regional market in one year. Supply blocks
// (in the simulation: all units of one route in the region, which share a
// marginal cost) are used cheapest first until demand is met; routes that use
// scrap are also limited by the region's scrap supply, and routes that burn
// gas for direct reduction by the region's gas supply for DRI. Output that
// offtake contracts take is dispatched first (must-take); output that earns a
// green premium is offered at its marginal cost less the premium.
#pragma once

#include <cstddef>
#include <limits>
#include <span>

namespace steelpath {

/// Supply offered to a regional market: capacity (Mt) at a marginal cost (USD/t).
struct SupplyBlock {
  double capacity = 0.0;        ///< producible crude steel this year, Mt (nameplate x max utilisation)
  double marginal_cost = 0.0;   ///< USD/t crude steel, incl. carbon cost
  double scrap_intensity = 0.0; ///< t scrap per t crude steel (EAF charge and converter charge alike)
  double gas_intensity = 0.0;   ///< GJ of gas counted against the gas supply per t crude steel (DRI routes)
  /// USD/t its output earns above the market price (a green premium): it is
  /// offered at marginal_cost - premium, and a marginal block sets that price.
  double premium = 0.0;
  /// Mt of its capacity that offtake contracts take whatever the merit order (at most capacity).
  double must_take = 0.0;
  /// The price the block is offered at, USD/t.
  [[nodiscard]] double offer() const { return marginal_cost - premium; }
};

/// What a regional market's dispatch gives: production, unmet demand and scrap (Mt), price (USD/t).
struct DispatchOutcome {
  double produced = 0.0;   ///< Mt crude steel
  double unmet = 0.0;      ///< demand not met for lack of capacity, scrap or gas, Mt
  double scrap_used = 0.0; ///< Mt scrap
  double gas_used = 0.0;   ///< PJ of gas for DRI (Mt x GJ/t)
  /// USD/t: the offer of the most expensive block the merit order dispatched
  /// (must-take output alone: the highest offer among it); NaN when nothing
  /// was produced (no demand, or no capacity): there is no price then.
  double price = 0.0;
  /// True when the scrap supply cut a block's output: more scrap would have been used.
  bool scrap_bound = false;
};

/// Fills `production` (Mt per block, same order as `blocks`): first each
/// block's must-take output (in merit order, within the scrap and gas
/// supplies), then the merit order of offers on the capacity left. `order` is
/// scratch space of at least blocks.size() entries, so the year loop does not
/// allocate. Ties in cost are broken by block index, so results are
/// deterministic. With several scrap routes the greedy order is exact for the
/// merit order and an approximation of the least-cost solution (docs/model.md).
/// `scrap_supply` in Mt, `gas_supply` in PJ (infinite: no gas limit).
DispatchOutcome dispatch(std::span<const SupplyBlock> blocks, double demand, double scrap_supply,
                         std::span<double> production, std::span<std::size_t> order,
                         double gas_supply = std::numeric_limits<double>::infinity());

} // namespace steelpath
