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

/// One yearly series of a member's result, by schema name.
struct MemberField {
  std::string_view name;          ///< schema name (schema::variables())
  std::span<const double> values; ///< row-major, year first
};

/// Every yearly series of the registry (sim/member_series.hpp), in its
/// order, which is the schema's; `scratch` holds the ones derived from others
/// (total emissions), one array each. Without `companies`, the
/// [year][company] series are left out (an ensemble's default: with the real
/// fleet they are 90 % of the volume).
[[nodiscard]] std::vector<MemberField>
member_fields(const MemberResult& r, std::vector<std::vector<double>>& scratch, bool companies = true);

/// The schema names member_fields() returns, in order.
[[nodiscard]] std::vector<std::string_view> member_field_names(bool companies = true);

/// The series the metrics and the ensemble statistics read (metric_inputs()),
/// by schema name: what a journal record carries uncompressed for the
/// statistics pass (member_payload.hpp).
[[nodiscard]] std::span<const std::string_view> statistics_series_names();

/// One member's statistics_series_names() series, owned.
struct StatisticsInputs {
  std::vector<std::vector<double>> values; ///< [series][...] in statistics_series_names() order
  /// Views of `values` under their names.
  [[nodiscard]] std::vector<MemberField> fields() const;
};

/// The inputs of compute_metrics() (member_metrics.hpp): `shape`'s first
/// year and sizes, viewing the series in `fields` (looked up by name).
[[nodiscard]] MetricInputs metric_inputs(MetricInputs shape, const std::vector<MemberField>& fields);
/// The first year and sizes of a scenario's series, for metric_inputs().
[[nodiscard]] MetricInputs metric_shape(const Scenario& s);

/// Writes the coordinates year, technology, region, company, contract and
/// their readable names.
void write_coordinates(GroupWriter& root, const Scenario& s);

} // namespace steelpath
