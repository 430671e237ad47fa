// The limits on the size of what steelpath reads: scenario files, the
// documents they expand to, and fleet CSV files. Each is far above what a
// real scenario or the world's fleet needs (docs/scenarios.md, "Limits", says
// by how much) and far below what would exhaust memory or the stack, so a
// hostile or broken file is refused at once, with its place, instead of
// crashing or hanging the program.
#pragma once

#include <cstddef>
#include <cstdint>

namespace steelpath::input {

/// The limits on input size; a file beyond one is refused with a located InputError (exit 2).
struct InputLimits {
  /// Nesting of mappings and sequences in a YAML document, aliases expanded
  /// (the top-level mapping is depth 1; the shipped scenarios reach 6).
  std::size_t max_depth = 64;
  /// Values and keys in one YAML document, aliases expanded (the largest
  /// shipped file has 173; settings for each of the world fleet's 578
  /// companies with two yearly series of 36 points are about 90,000). It also
  /// bounds yaml-cpp's tree, which takes a few hundred bytes per value.
  std::size_t max_nodes = 100'000;
  /// Bytes of text (keys and scalars) in one YAML document, aliases expanded:
  /// the same as the largest scenario file, so only aliases can exceed it.
  std::size_t max_expanded_bytes = std::size_t{16} << 20;
  /// Bytes of one YAML scalar or key, and of one CSV cell (the longest cell of
  /// the shipped GEM fleet has 1,376 bytes).
  std::size_t max_string_bytes = std::size_t{64} << 10;
  /// Bytes of a scenario file (the largest shipped one has 18 kB).
  std::uintmax_t max_yaml_file_bytes = std::uintmax_t{16} << 20;
  /// Bytes of a fleet CSV file (the world fleet has 0.6 MB, GEM's raw tracker 2.9 MB).
  std::uintmax_t max_csv_file_bytes = std::uintmax_t{64} << 20;
  /// Data rows of a fleet CSV file (the world fleet has 2,378 units, GEM's
  /// raw tracker 4,984 rows).
  std::size_t max_fleet_rows = 100'000;
};

/// The limits steelpath applies (tests may pass smaller ones where a function takes them).
inline constexpr InputLimits kInputLimits{};

} // namespace steelpath::input
