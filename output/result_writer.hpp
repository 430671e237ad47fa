// Writes one member's results as a self-describing HDF5 file that xarray
// (h5netcdf), netCDF tools and h5py read with named dimensions (schema.hpp).
// The file appears only when complete: it is written under a temporary name
// in the same folder and renamed at the end, so an interrupted or failed run
// never leaves a half-written file under the requested name.
#pragma once

#include "model/scenario.hpp"
#include "sim/member_result.hpp"

#include <hdf5.h>

#include <cstdint>
#include <functional>
#include <string>

namespace steelpath {

/// Where a result came from; stored as attributes of the file's root group.
struct Provenance {
  std::string scenario_path;   ///< the scenario file as given on the command line
  std::string scenario_source; ///< its text, verbatim
  std::string scenario_files;  ///< every scenario file read (extends chain), one per line
  std::string scenario_text;   ///< the resolved scenario (extends, overrides, defaults applied), YAML
  std::string scenario_sha256; ///< SHA-256 of scenario_text
  std::string overrides;       ///< --set assignments, one per line
  std::string fleet_path;      ///< the fleet CSV it named
  std::string fleet_sha256;    ///< SHA-256 of the fleet CSV
  std::string fleet_source;    ///< the fleet CSV's header comments: its source and licence
  std::int64_t seed = 1;       ///< the scenario's seed
  std::string command_line;    ///< the command that produced the file
  std::string started_utc;     ///< ISO 8601
  std::string finished_utc;    ///< ISO 8601
};

/// Writes `result` to `path` (creating parent folders). Throws OutputError.
void write_results(const std::string& path, const Scenario& scenario, const MemberResult& result,
                   const Provenance& provenance);

/// Creates the HDF5 file `path` (parent folders too) only if `fill` writes
/// it completely: it is written as "<path>.partial", flushed and renamed; on
/// any error the partial file is removed. `v110`: the HDF5 1.10 format.
void write_file_atomically(const std::string& path, bool v110, const std::function<void(hid_t)>& fill);

/// Writes the provenance attributes (title, versions, scenario, fleet,
/// command line, times) to the root group `file`.
void write_provenance(hid_t file, const Scenario& scenario, const Provenance& provenance);

/// The current time as ISO 8601 UTC, e.g. "2026-11-22T10:00:00Z".
[[nodiscard]] std::string utc_now();

} // namespace steelpath
