// The journal payload of one ensemble member: its arrays (member_fields())
// compressed by the worker thread that simulated it, or a failed member's
// reason. Layout, little-endian:
//   done:   u32 version (2), f64 unit-years, u32 fields,
//           per field: u64 values, u64 bytes, encode_chunk() bytes,
//           u32 targets, per target: f64 (1: met, 0: not; target_outcomes.hpp)
//   failed: the reason, UTF-8
#pragma once

#include "sim/member_result.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
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

/// `companies`: include the [year][company] series (member_fields());
/// `targets`: whether the member met each company target.
[[nodiscard]] std::vector<std::byte> encode_member(const MemberResult& result, bool companies = true,
                                                   std::span<const double> targets = {});
/// Throws OutputError when the payload is not a version-2 member record.
void decode_member(std::span<const std::byte> payload, std::vector<EncodedField>& fields, double& unit_years,
                   std::vector<double>& targets);
/// The same, decompressed.
void decode_member(std::span<const std::byte> payload, std::vector<std::vector<double>>& fields,
                   double& unit_years);

} // namespace steelpath
