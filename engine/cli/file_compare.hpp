// `steelpath compare`: the main metrics of two results (two files, or two
// lever settings of one ensemble file) side by side, with the difference
// and its uncertainty. Members that share a sample (common random numbers)
// are paired, so the difference's spread is the policy's, not the sample's.
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace steelpath::cli {

/// What `steelpath compare` compares: two files, or two lever settings of one ensemble file.
struct CompareOptions {
  /// the first results file
  std::string a, b; ///< files; b empty: two settings of a
  /// the first lever setting (ensemble files)
  std::optional<std::size_t> setting_a, setting_b; ///< lever settings (ensemble files)
  /// print JSON instead of a text table
  bool json = false;
};

/// Reads every variable of each file first (output/results_check.hpp), so
/// that a file with a missing or damaged array is refused, not compared from
/// its scalars. Throws OutputError naming the file (and the variable) for an
/// unreadable, incomplete or damaged file, InputError for bad settings.
void compare_files(std::ostream& os, const CompareOptions& options);

} // namespace steelpath::cli
