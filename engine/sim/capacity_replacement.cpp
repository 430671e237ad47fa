#include "sim/capacity_replacement.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

namespace steelpath {

double choose_replacements(std::span<ReplacementCandidate> candidates, double required,
                           double region_capacity, double needed, std::vector<std::size_t>& retired) {
  // Nothing to retire, or no unit the region could spare: no order needed
  // (the common case, a region short of room; the sort was 19 % of a world run).
  double smallest = std::numeric_limits<double>::infinity();
  for (const ReplacementCandidate& c : candidates)
    smallest = std::min(smallest, c.capacity);
  if (!(required > 0.0) || !(region_capacity - smallest >= needed)) return 0.0;
  std::sort(candidates.begin(), candidates.end(),
            [](const ReplacementCandidate& a, const ReplacementCandidate& b) {
              return std::make_tuple(!a.own, a.build_year, a.tiebreak, a.unit) <
                     std::make_tuple(!b.own, b.build_year, b.tiebreak, b.unit);
            });
  double done = 0.0;
  for (const ReplacementCandidate& c : candidates) {
    if (done >= required) break;
    if (region_capacity - c.capacity < needed) continue; // the region needs it: it stays
    region_capacity -= c.capacity;
    done += c.capacity;
    retired.push_back(c.unit);
  }
  return done;
}

} // namespace steelpath
