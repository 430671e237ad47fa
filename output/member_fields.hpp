// The fixed-shape arrays of one member's result under their schema names,
// and the coordinates they are indexed by: shared by the single-member file
// (one member) and the ensemble file (a `member` dimension in front).
#pragma once

#include "model/scenario.hpp"
#include "output/group_writer.hpp"
#include "output/member_metrics.hpp"
#include "sim/member_result.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace steelpath {

struct MemberField {
  std::string_view name;          ///< schema name (schema::variables())
  std::span<const double> values; ///< row-major, year first
};

/// Every root variable of the schema whose first dimension is `year`, in
/// schema order; `scratch` holds the ones computed from others (total
/// emissions). Without `companies`, the [year][company] series are left out
/// (an ensemble's default: with the real fleet they are 90 % of the volume).
[[nodiscard]] std::vector<MemberField> member_fields(const MemberResult& r, std::vector<double>& scratch,
                                                     bool companies = true);

/// The schema names member_fields() returns, in order.
[[nodiscard]] std::vector<std::string_view> member_field_names(bool companies = true);

/// The inputs of compute_metrics() (member_metrics.hpp): `shape`'s first
/// year and sizes, viewing the series in `fields`.
[[nodiscard]] MetricInputs metric_inputs(MetricInputs shape, const std::vector<MemberField>& fields);
/// The first year and sizes of a scenario's series, for metric_inputs().
[[nodiscard]] MetricInputs metric_shape(const Scenario& s);

/// Writes the coordinates year, technology, region, company, contract and
/// their readable names.
void write_coordinates(GroupWriter& root, const Scenario& s);

} // namespace steelpath
