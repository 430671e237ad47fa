// The journal payload of one ensemble member: its arrays (member_fields())
// compressed by the worker thread that simulated it, or a failed member's
// reason. Layout, little-endian:
//   done:   u32 version (1), f64 unit-years, u32 fields,
//           per field: u64 values, u64 bytes, encode_chunk() bytes
//   failed: the reason, UTF-8
#pragma once

#include "sim/member_result.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace steelpath {

[[nodiscard]] std::vector<std::byte> encode_member(const MemberResult& result);
/// Throws OutputError when the payload is not a version-1 member record.
void decode_member(std::span<const std::byte> payload, std::vector<std::vector<double>>& fields,
                   double& unit_years);

} // namespace steelpath
