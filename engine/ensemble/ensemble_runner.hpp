// Runs a scenario's ensemble (design.hpp) across threads (OpenMP, dynamic
// scheduling, one member per thread at a time) and ranks (MPI, members dealt
// out cyclically), appends each finished member to its worker's journal, and
// when every member is done writes the results file in member order.
//
// The journals live in "<output>.parts/": one per worker (MPI rank or
// job-array part). Running the same command again resumes: members already in
// a journal are skipped. `merge` writes the file from the journals of a job
// array's parts. The file is identical whatever the threads, ranks, parts or
// interruptions (docs/ensembles.md).
#pragma once

#include "input/scenario_loader.hpp"
#include "output/result_writer.hpp"

#include <cstddef>
#include <string>

namespace steelpath::ensemble {

/// How an ensemble is run: output file, threads, job-array part, resume and progress settings.
struct EnsembleOptions {
  std::string output;              ///< the results file
  int threads = 0;                 ///< threads per rank (0: OpenMP's default, all cores)
  bool quiet = false;              ///< no progress line, no summary
  bool retry_failed = false;       ///< rerun the members that failed before
  bool fresh = false;              ///< discard the journals of an earlier, different run
  std::size_t part = 0;            ///< this job-array part (0-based)
  std::size_t parts = 1;           ///< job-array parts; > 1: write journals only, `merge` writes the file
  bool merge_only = false;         ///< run nothing: write the file from the journals
  double progress_interval = 10.0; ///< seconds between progress lines in batch mode
};

/// Returns the exit code: 0 done (the file is written, nothing was left to
/// do, or a --part ran all its members), 3 members are still missing when the
/// file should be written (merge too early), 130 interrupted (rerun to resume).
/// Throws InputError for a bad design, OutputError for foreign or corrupt
/// journals and write failures.
int run_ensemble(const input::LoadedScenario& loaded, const EnsembleOptions& options, Provenance provenance);

/// The run identity: SHA-256 of the resolved scenario, the fleet's hash, the
/// formats and the program's version and commit; journals and results files
/// of another identity are foreign.
[[nodiscard]] std::string run_identity(const input::LoadedScenario& loaded);

} // namespace steelpath::ensemble
