// What investors expect the allowance price to be (docs/model.md, "ETS:
// what investors expect"). The cleared price of a year is endogenous and
// can sit at the floor in a year the market is long although the cap
// tightens behind it; an investor who reads the announced cap asks instead
// what price the fleet operating now would need to meet the cap (or, under
// intensity trading, the benchmarks) of `expectation_years` ahead, at that
// year's demand and costs. That is a price without anyone's abatement after
// today, so it is an upper reading of the announced path, as the clearing
// of that year will be lower if others invest.
#include "sim/member_simulation.hpp"

#include <algorithm>

namespace steelpath {

double MemberSimulation::expected_allowance_price(std::size_t y) {
  const Scenario& s = scenario_;
  if (!s.policy.ets) return 0.0;
  const EmissionsTrading& ets = *s.policy.ets;
  if (ets.expectation == EmissionsTrading::Expectation::last) return y == 0 ? ets.price_floor : allowance_;
  const std::size_t read =
      std::min(y + static_cast<std::size_t>(ets.expectation_years), s.horizon.size() - 1);
  kept_market_.blocks = blocks_;
  kept_market_.block_production = block_production_;
  kept_market_.scrap_price = scrap_price_;
  kept_market_.demand = demand_;
  // The clearing dispatches only the covered regions: their blocks hold the
  // capacity operating now (summed in fleet order, as clear_market sums it).
  for (auto& b : blocks_)
    b.capacity = 0.0;
  for (std::size_t r = 0; r < R_; ++r)
    if (route_cost_.covered(r))
      for (const std::size_t i : fleet_.units_of_region[r])
        if (fleet_.status[i] == UnitStatus::operating)
          blocks_[r * T_ + static_cast<std::size_t>(fleet_.technology[i])].capacity +=
              fleet_.capacity[i] * s.market.max_utilisation;
  for (std::size_t r = 0; r < R_; ++r)
    demand_[r] = region_demand(s.regions[r], read);
  const double price = clear_allowances(read).price;
  blocks_.swap(kept_market_.blocks);
  block_production_.swap(kept_market_.block_production);
  scrap_price_.swap(kept_market_.scrap_price);
  demand_.swap(kept_market_.demand);
  return price;
}

} // namespace steelpath
