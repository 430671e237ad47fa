// Per-member metrics and ensemble statistics, computed in a final pass over
// the members' statistics inputs (StatisticsInputs, member_fields.hpp), which
// a journal record carries uncompressed: one member's series or one group of
// years across one setting's members at a time, never the ensemble.
#pragma once

#include "output/ensemble_writer.hpp"
#include "output/group_writer.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace steelpath {

/// Writes cumulative_emissions, near_zero_year and the `statistics` group.
/// `status`: member_status as written.
/// `target_met`: [member][target] as written (1 met, 0 not, NaN failed).
/// `discount_rate`: the present-value metrics' (Scenario::metrics), 1/yr.
/// `source`: where each done member's statistics inputs are read (twice).
/// `stop`: asked before each lever setting of each pass; when it says yes,
/// throws Interrupted.
void write_member_statistics(hid_t file, GroupWriter& root, const EnsembleDesignTable& design,
                             const std::vector<std::int32_t>& status, const std::vector<double>& target_met,
                             double discount_rate, MemberSource& source, const StopRequested& stop = {});

/// Quantile p of `values` (sorted in place) by linear interpolation between
/// order statistics (numpy's default, Hyndman and Fan type 7); NaN if empty.
[[nodiscard]] double quantile_sorted(std::span<const double> sorted, double p);

} // namespace steelpath
