// The ensemble results file schema: the single-member variables with a
// `member` dimension in front, the design table (lever settings, uncertainty
// samples, each member's coordinates in the design), per-member metrics and
// the statistics group. docs/output.md documents the same table.
#pragma once

#include "output/schema.hpp"

#include <vector>

namespace steelpath::schema {

/// Every variable of an ensemble file, coordinates first.
[[nodiscard]] const std::vector<Variable>& ensemble_variables();

/// The quantiles the statistics group reports.
inline constexpr double kQuantiles[] = {0.05, 0.25, 0.5, 0.75, 0.95};

/// member_status values.
inline constexpr int kMemberDone = 1;
/// member_status of a failed member.
inline constexpr int kMemberFailed = 2;

} // namespace steelpath::schema
