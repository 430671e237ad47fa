// The journal payload of one ensemble member: its arrays (member_fields())
// compressed by the worker thread that simulated it, the series the
// statistics read uncompressed (so the final pass decompresses nothing), or a
// failed member's reason. Layout, little-endian:
//   done:   u64 layout (member_payload_layout()), f64 unit-years, u32 fields,
//           per field: u64 values, u64 bytes, encode_chunk() bytes,
//           u32 targets, per target: f64 (1: met, 0: not; target_outcomes.hpp),
//           u32 statistics series (statistics_series_names(), member_fields.hpp),
//           per series: u64 values, ceil(values / 8) bytes of mask (bit i: value i
//           is not +0.0), then those values as f64
//   failed: the reason, UTF-8
#pragma once

#include "output/member_fields.hpp"
#include "sim/member_result.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace steelpath {

/// One array as the ensemble file stores it: one HDF5 chunk (the member's
/// whole array) after the shuffle and deflate filters.
struct EncodedField {
  std::uint64_t values = 0;     ///< doubles in the array
  std::vector<std::byte> bytes; ///< encode_chunk() of them (empty when values is 0)
};

/// The deflate level of the stored chunks: 1 compresses shuffled doubles
/// nearly as well as 4 at a fraction of the time (docs/performance.md).
inline constexpr int kMemberDeflateLevel = 1;

/// Bump when the payload's framing (not its series) changes: the layout hash
/// follows the series registry by itself.
inline constexpr std::string_view kPayloadFraming = "steelpath member payload 3";

/// A hash (FNV-1a, 64 bits) of kPayloadFraming and every series' name and
/// dimensions (sim/member_series.hpp): adding, removing, renaming or
/// reshaping a series changes it, and a journal written before is refused.
[[nodiscard]] std::uint64_t member_payload_layout();

/// `companies`: include the [year][company] series (member_fields());
/// `targets`: whether the member met each company target.
[[nodiscard]] std::vector<std::byte> encode_member(const MemberResult& result, bool companies = true,
                                                   std::span<const double> targets = {});
/// Throws OutputError when the payload is not a member record of this
/// member_payload_layout() (the message says so and how to start afresh).
void decode_member(std::span<const std::byte> payload, std::vector<EncodedField>& fields, double& unit_years,
                   std::vector<double>& targets);
/// The statistics' series of a done member's payload, uncompressed.
void decode_statistics_inputs(std::span<const std::byte> payload, StatisticsInputs& out);
/// The member's arrays, decompressed.
void decode_member(std::span<const std::byte> payload, std::vector<std::vector<double>>& fields,
                   double& unit_years);

} // namespace steelpath
