// Closure for losses outside decision points (docs/model.md, "Closure for
// losses"; the rule itself in sim/unit_closure.hpp).
#include "sim/member_simulation.hpp"
#include "sim/unit_closure.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace steelpath {

// What region r keeps: capacity that can produce next year (operating, or
// ready next year), less the capacity of scrap routes that its scrap cannot
// feed (as expansion counts it); what it needs: its peak demand over the
// years from index `from` to y + 4 (the builders look three years ahead from
// next year), with the reserve margin, at the largest utilisation.
MemberSimulation::RegionRoom MemberSimulation::region_room(std::size_t r, std::size_t y,
                                                           std::size_t from) const {
  const Scenario& s = scenario_;
  const Region& reg = s.regions[r];
  const int year = s.horizon.year(y);
  const double max_u = s.market.max_utilisation;
  const std::size_t last = std::min(y + 4, s.horizon.size() - 1);
  double peak = 0.0;
  for (std::size_t yy = std::min(from, last); yy <= last; ++yy)
    peak = std::max(peak, region_demand(reg, yy));
  RegionRoom room{0.0, capacity_needed(peak, s.behaviour.reserve_margin, max_u)};
  for (const std::size_t i : fleet_.units_of_region[r])
    if (ready_by_next_year(i, year)) room.capacity += fleet_.capacity[i];
  room.capacity -= unfed_scrap_capacity(r, std::min(y + 1, s.horizon.size() - 1));
  return room;
}

// After the accounts of year y: each block's run of loss years is counted;
// in each region, units of blocks that lost for closure_loss_years years
// running close, the largest loss first, while the region keeps the capacity
// that its peak demand over the builders' look-ahead needs.
void MemberSimulation::close_loss_makers(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  const int years = s.behaviour.closure_loss_years;
  if (years <= 0) return;
  const int year = s.horizon.year(y);
  const double max_u = s.market.max_utilisation;
  for (std::size_t r = 0; r < R_; ++r) {
    const double price = out.steel_price[y * R_ + r];
    bool any = false;
    for (std::size_t k = 0; k < T_; ++k) {
      ClosureBlock& b = closure_blocks_[k];
      // Green premiums and offtake contracts' premiums are part of the margin.
      b = {block_production_[r * T_ + k], out.capacity[out.at(y, r, k)],
           price - blocks_[r * T_ + k].marginal_cost + premium_earned(r, k), s.technologies[k].opex_fixed};
      const bool lost =
          b.capacity > 0.0 && std::isfinite(price) && avoidable_loss(b, b.capacity, max_u) > 0.0;
      int& run = loss_years_[r * T_ + k];
      run = lost ? run + 1 : 0;
      any = any || run >= years;
    }
    if (!any) continue;
    // What the region keeps and needs (region_room), and the candidates.
    const RegionRoom room = region_room(r, y, y + 1);
    closure_candidates_.clear();
    for (const std::size_t i : fleet_.units_of_region[r]) {
      const auto k = static_cast<std::size_t>(fleet_.technology[i]);
      // A unit converting, or one that invested this year, does not close.
      if (fleet_.status[i] != UnitStatus::operating || fleet_.pending_technology[i] >= 0 ||
          fleet_.last_investment_year[i] == year || loss_years_[r * T_ + k] < years)
        continue;
      closure_candidates_.push_back({i, k, fleet_.capacity[i], fleet_.build_year[i], fleet_.stream_id[i]});
    }
    closing_.clear();
    (void)choose_closures(closure_blocks_, closure_candidates_, room.capacity, room.needed, max_u, closing_);
    for (const std::size_t i : closing_) {
      out.decision_lcos.resize(out.decision_lcos.size() + T_, std::numeric_limits<double>::quiet_NaN());
      close_unit(i, y, DecisionReason::losses, std::numeric_limits<double>::quiet_NaN(), out);
    }
  }
}

} // namespace steelpath
