// Capacity replacement when a fleet unit starts (docs/model.md, "Capacity
// replacement"; the rule itself in sim/capacity_replacement.hpp).
#include "sim/capacity_replacement.hpp"
#include "sim/member_simulation.hpp"

#include <algorithm>
#include <limits>

namespace steelpath {

// The units of the scenario's fleet that started this year (started_), in
// the order of their ids' hashes, each retire `capacity_replacement` times
// their capacity in their region, if it asks for replacement.
void MemberSimulation::replace_capacity(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  const int year = s.horizon.year(y);
  std::sort(started_.begin(), started_.end(), [&](std::size_t a, std::size_t b) {
    return std::make_pair(fleet_.stream_id[a], a) < std::make_pair(fleet_.stream_id[b], b);
  });
  for (const std::size_t n : started_) {
    const auto r = static_cast<std::size_t>(fleet_.region[n]);
    const double ratio = s.regions[r].capacity_replacement;
    if (ratio <= 0.0) continue;
    const RegionRoom room = region_room(r, y, y);
    if (!(room.capacity > room.needed)) continue; // the region can spare nothing
    replacement_candidates_.clear();
    for (const std::size_t i : fleet_.units_of_region[r])
      if (fleet_.status[i] == UnitStatus::operating && fleet_.pending_technology[i] < 0 &&
          fleet_.start_year[i] < year)
        replacement_candidates_.push_back({i, fleet_.company[i] == fleet_.company[n], fleet_.capacity[i],
                                           fleet_.build_year[i], fleet_.stream_id[i]});
    closing_.clear();
    (void)choose_replacements(replacement_candidates_, ratio * fleet_.capacity[n], room.capacity, room.needed,
                              closing_);
    for (const std::size_t i : closing_) {
      out.decision_lcos.resize(out.decision_lcos.size() + T_, std::numeric_limits<double>::quiet_NaN());
      close_unit(i, y, DecisionReason::replacement, std::numeric_limits<double>::quiet_NaN(), out);
    }
  }
}

} // namespace steelpath
