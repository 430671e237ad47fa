// `steelpath info FILE.h5`: what a results file holds, read from the file
// alone (provenance, dimensions, design, members done and failed, the main
// metrics per lever setting), as text for people or JSON for programs. It
// reads through output/results_reader.hpp.
#pragma once

#include <ostream>
#include <string>

namespace steelpath::cli {

/// Prints the summary of a single-run or ensemble results file. Throws
/// OutputError naming the file when it cannot be read as a steelpath results
/// file, and the variable too when one its schema lists is missing or a
/// variable it reads is damaged.
void print_file_info(std::ostream& os, const std::string& path, bool json);

} // namespace steelpath::cli
