// SHA-256 digests (OpenSSL) of scenario texts and data files, stored in
// results so that every result says exactly what produced it.
#pragma once

#include <string>

namespace steelpath::input {

/// Lower-case hexadecimal SHA-256 of `data`.
[[nodiscard]] std::string sha256_hex(const std::string& data);

} // namespace steelpath::input
