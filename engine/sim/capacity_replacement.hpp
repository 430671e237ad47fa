// Capacity replacement (docs/model.md, "Capacity replacement"): where a
// region requires it, as China's Implementation Measures for Capacity
// Replacement in the Iron and Steel Industry do (MIIT [2021] No. 46), a unit
// of the fleet that starts production retires existing capacity of `ratio`
// times its own: its company's oldest operating units first, then (capacity
// quotas bought) the region's other oldest units, never taking the region
// below the capacity it needs.
//
// Capacity in Mt/yr.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace steelpath {

/// An operating unit that a starting unit's replacement may retire.
struct ReplacementCandidate {
  std::size_t unit = 0;       ///< index in the fleet
  bool own = false;           ///< of the starting unit's company: retired before others'
  double capacity = 0.0;      ///< Mt/yr
  int build_year = 0;         ///< year of its last (re)build: the oldest retires first
  std::uint32_t tiebreak = 0; ///< then the smaller of these (a hash of its id: not its row)
};

/// Chooses the units a starting unit retires: the company's own first, then
/// oldest build year, then smallest tiebreak; whole units, until the retired
/// capacity reaches `required` (Mt/yr: ratio x the new unit's capacity; the
/// last unit may overshoot it). A unit whose retirement would take the
/// region's capacity `region_capacity` below `needed` (Mt/yr) stays and the
/// next is tried. `candidates` are reordered; the retired units' fleet
/// indices are appended to `retired`. Returns the capacity retired, Mt/yr.
double choose_replacements(std::span<ReplacementCandidate> candidates, double required,
                           double region_capacity, double needed, std::vector<std::size_t>& retired);

} // namespace steelpath
