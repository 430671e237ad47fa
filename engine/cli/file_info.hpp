// `steelpath info FILE.h5`: what a results file holds, read from the file
// alone (provenance, dimensions, design, members done and failed, the main
// metrics per lever setting), as text for people or JSON for programs.
#pragma once

#include "output/hdf5.hpp"

#include <hdf5.h>

#include <ostream>
#include <string>
#include <vector>

namespace steelpath::cli {

/// Opens a steelpath results file of this program's schema version; throws
/// OutputError naming the path otherwise (missing, not HDF5, not ours, or
/// written under another schema).
[[nodiscard]] h5::Handle open_results_file(const std::string& path);

/// The metrics (output/member_metrics.hpp) of a single-run results file, as
/// stored in it.
[[nodiscard]] std::vector<double> single_run_metrics(hid_t file);

/// Prints the summary of a single-run or ensemble results file. Throws
/// OutputError when the file cannot be read as a steelpath results file.
void print_file_info(std::ostream& os, const std::string& path, bool json);

} // namespace steelpath::cli
