#include "sim/unit_closure.hpp"

#include <algorithm>
#include <tuple>

namespace steelpath {

double avoidable_loss(const ClosureBlock& b, double capacity, double max_utilisation) {
  if (capacity <= 0.0) return b.opex_fixed;
  const double utilisation = std::min(max_utilisation, b.production / capacity);
  return b.opex_fixed - utilisation * b.margin;
}

double capacity_needed(double peak, double reserve_margin, double max_utilisation) {
  return peak * (1.0 + reserve_margin) / max_utilisation;
}

double choose_closures(std::span<ClosureBlock> blocks, std::span<ClosureCandidate> candidates,
                       double region_capacity, double needed, double max_utilisation,
                       std::vector<std::size_t>& closed) {
  // Each block's units in closing order; next[b] is the first not yet tried.
  std::sort(candidates.begin(), candidates.end(), [](const ClosureCandidate& a, const ClosureCandidate& b) {
    return std::tie(a.block, a.build_year, a.tiebreak, a.unit) <
           std::tie(b.block, b.build_year, b.tiebreak, b.unit);
  });
  std::vector<std::size_t> next(blocks.size(), candidates.size()), end(blocks.size(), 0);
  for (std::size_t n = candidates.size(); n-- > 0;) {
    next[candidates[n].block] = n;
    end[candidates[n].block] = std::max(end[candidates[n].block], n + 1);
  }
  double closed_capacity = 0.0;
  for (;;) {
    std::size_t worst = blocks.size();
    double worst_loss = 0.0;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      if (next[b] >= end[b]) continue;
      const double loss = avoidable_loss(blocks[b], blocks[b].capacity, max_utilisation);
      if (loss > worst_loss) {
        worst_loss = loss;
        worst = b;
      }
    }
    if (worst == blocks.size()) return closed_capacity;
    const ClosureCandidate& unit = candidates[next[worst]++];
    if (region_capacity - unit.capacity < needed) continue; // the region needs it: it stays
    region_capacity -= unit.capacity;
    blocks[worst].capacity -= unit.capacity;
    closed_capacity += unit.capacity;
    closed.push_back(unit.unit);
  }
}

} // namespace steelpath
