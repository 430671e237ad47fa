// The registry of a member's yearly series: every array of MemberResult that
// a results file stores, with its schema name, dimensions, unit, long_name,
// the value reset() fills it with and whether it must be finite. reset(),
// the writer (output/member_fields.cpp), the schema rows
// (output/schema.hpp), the journal payload's layout hash
// (output/member_payload.cpp), the non-finite check (sim/finite_check.hpp,
// after every member), the statistics' lookup by name
// (output/member_statistics.cpp) and the tests' comparison
// (tests/support/result_compare.hpp) all iterate this table.
//
// To add a yearly output series:
//   1. a field in MemberResult (sim/member_result.hpp), with its unit;
//   2. a row in member_series() below (the position is its place in the file);
//   3. its computation in the simulation (engine/sim), or for a series
//      derived from others a `derive` function here;
//   4. a row in docs/output.md's single-run table and ensemble table (a test
//      compares them with the schema), and bump schema::kSchemaVersion
//      (output/schema.hpp).
// Nothing else: the file, the ensemble file, the journal payload (its layout
// hash changes by itself), the non-finite check and the tests follow.
#pragma once

#include "sim/member_result.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace steelpath {

/// The dimensions of a series, year first, row-major.
enum class SeriesDims {
  year,
  year_region,
  year_region_technology,
  year_company,
  year_contract,
  year_technology
};

/// The dimension names of `d`, as the schema and the file name them.
[[nodiscard]] std::span<const std::string_view> dimension_names(SeriesDims d);

/// Values of a series with dimensions `d` in a result sized by reset().
[[nodiscard]] std::size_t series_size(const MemberResult& r, SeriesDims d);

/// Which values other than finite numbers a series may legitimately hold.
/// Anything else (an infinity anywhere, NaN where a value is needed) fails
/// the member (sim/finite_check.hpp).
enum class NonFinite : std::uint8_t {
  none, ///< every value is a finite number: quantities, money flows, prices set by the scenario
  nan   ///< NaN, meaning "no value" (a price where nothing was produced); never an infinity
};

/// One yearly series of a member.
struct MemberSeries {
  std::string_view name;                    ///< schema name (the file's variable)
  std::vector<double> MemberResult::*field; ///< the stored array; nullptr: derived
  SeriesDims dims;                          ///< its dimensions
  std::string_view units;                   ///< the `units` attribute
  std::string_view long_name;               ///< the `long_name` attribute
  NonFinite non_finite;                     ///< which non-finite values are legitimate
  double initial = 0.0;                     ///< what reset() fills the array with
  /// A derived series (field == nullptr): computes it from the others into
  /// `out` (resized by the callee).
  void (*derive)(const MemberResult& r, std::vector<double>& out) = nullptr;
};

/// Every yearly series, in the file's order.
[[nodiscard]] std::span<const MemberSeries> member_series();

/// The series named `name`; throws std::out_of_range if there is none.
[[nodiscard]] const MemberSeries& find_member_series(std::string_view name);

/// The values of series `s` in `r`: the field itself, or `scratch` filled by
/// its derive function.
[[nodiscard]] std::span<const double> series_values(const MemberSeries& s, const MemberResult& r,
                                                    std::vector<double>& scratch);

} // namespace steelpath
