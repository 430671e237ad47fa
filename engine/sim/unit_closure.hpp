// Closure for losses outside decision points (docs/model.md, "Closure for
// losses"): each year, after the accounts, a unit whose route in its region
// has lost money on its avoidable costs for `closure_loss_years` years running
// closes, the largest loss first, while its region keeps the capacity it
// needs. The avoidable costs are those a unit stops paying when it closes:
// its output's marginal cost and its fixed opex; debt is sunk (it stays with
// the company).
//
// Money in USD per t of capacity (USD per (t/yr) per year) and USD/t; output
// in Mt; capacity in Mt/yr.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace steelpath {

/// One supply block (a route in a region) as the closure rule sees it:
/// units of a block share its output in proportion to their capacity.
struct ClosureBlock {
  double production = 0.0; ///< this year's output, Mt
  double capacity = 0.0;   ///< operating capacity, Mt/yr (shrinks as its units close)
  double margin = 0.0;     ///< steel price less the block's marginal cost, USD/t
  double opex_fixed = 0.0; ///< fixed opex, USD per (t/yr) per year
};

/// A unit that may close for losses: its block has lost for long enough.
struct ClosureCandidate {
  std::size_t unit = 0;       ///< index in the fleet
  std::size_t block = 0;      ///< index of its block in the blocks passed with it
  double capacity = 0.0;      ///< Mt/yr
  int build_year = 0;         ///< year of its last (re)build: the oldest closes first
  std::uint32_t tiebreak = 0; ///< then the smaller of these (a hash of its id: not its row)
};

/// The loss a unit of block `b` makes per t of capacity when the block has
/// capacity `capacity` (Mt/yr) and the same output: fixed opex less the
/// margin on its share of output, at most `max_utilisation` of its capacity,
/// USD per (t/yr) per year. Positive: closing saves money. A block without
/// capacity loses its fixed opex.
[[nodiscard]] double avoidable_loss(const ClosureBlock& b, double capacity, double max_utilisation);

/// Chooses the closures of one region, in order: repeatedly, the block whose
/// units lose most per t of capacity (at its capacity after the closures so
/// far) closes its next unit (oldest build year first, then smallest
/// tiebreak), unless the region's capacity without it would fall below
/// `needed` (Mt/yr): that unit stays and the block's next one is tried. Stops
/// when no block with units left loses money. `blocks`' capacities are
/// reduced by the closures; `candidates` are reordered. Appends the closing
/// units' fleet indices to `closed`; returns the capacity closed, Mt/yr.
double choose_closures(std::span<ClosureBlock> blocks, std::span<ClosureCandidate> candidates,
                       double region_capacity, double needed, double max_utilisation,
                       std::vector<std::size_t>& closed);

/// The capacity (Mt/yr) a region needs to keep: its largest demand `peak`
/// over the years ahead, Mt, plus the reserve margin, at the largest
/// utilisation.
[[nodiscard]] double capacity_needed(double peak, double reserve_margin, double max_utilisation);

} // namespace steelpath
