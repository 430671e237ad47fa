// What an ensemble run tells its user: the design and the work at the start,
// run statistics (wall time, members/s, unit-years/s, peak memory) gathered
// over ranks at the end, and what to do when members are still missing.
#pragma once

#include "ensemble/communicator.hpp"
#include "ensemble/design.hpp"
#include "ensemble/ensemble_runner.hpp"
#include "output/ensemble_writer.hpp"

#include <cstddef>
#include <string>

namespace steelpath::ensemble {

/// What an ensemble run tells its user: the design at the start, run statistics at the end.
class RunReport {
public:
  /// Prints the design and this run's share (rank 0, unless quiet).
  RunReport(const Design& design, const Communicator& comm, const EnsembleOptions& options,
            std::size_t already_done, std::size_t to_run);
  /// This rank's simulation: members finished and failed, unit-years, seconds.
  void simulated(std::size_t done, std::size_t failed, double unit_years, double seconds);
  /// Sums and maxima over ranks (collective: every rank calls it).
  void gather();
  /// The run statistics (after gather(): over all ranks).
  [[nodiscard]] RunStatistics statistics() const { return stats_; }
  /// Members still missing: says how to finish them.
  void incomplete(std::size_t missing, bool interrupted, const std::string& folder) const;
  /// A signal stopped the final write: every member is kept, the rerun writes the file.
  void interrupted_writing(const std::string& path, const std::string& folder) const;
  /// The file is written: prints the run statistics and a summary read from it.
  void finished(const std::string& path) const;

private:
  const Design& design_;
  const Communicator& comm_;
  const EnsembleOptions& options_;
  std::size_t done_ = 0, failed_ = 0;
  double unit_years_ = 0.0, seconds_ = 0.0;
  RunStatistics stats_;
};

/// Peak resident memory of this process, MiB (getrusage).
[[nodiscard]] double peak_rss_mib();

} // namespace steelpath::ensemble
