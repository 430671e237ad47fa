// The ranks of an ensemble run: MPI's when built with -DSTEELPATH_MPI=ON and
// started under mpirun, otherwise one rank. Only the few collective steps the
// runner needs (the hot path never communicates).
#pragma once

#include <cstdint>

namespace steelpath::ensemble {

/// The ranks of an ensemble run (MPI's, or one rank) and the collective steps the runner needs.
class Communicator {
public:
  /// Initialises MPI if it is compiled in and not yet initialised (thread
  /// level FUNNELED: only the main thread calls MPI). Finalises on destruction
  /// if it initialised.
  Communicator(int* argc, char*** argv);
  ~Communicator();
  Communicator(const Communicator&) = delete;
  Communicator& operator=(const Communicator&) = delete;

  /// This process's rank, 0-based.
  [[nodiscard]] int rank() const { return rank_; }
  /// Number of ranks.
  [[nodiscard]] int size() const { return size_; }
  /// Waits until every rank gets here.
  void barrier() const;
  /// The sum of `v` over all ranks (collective).
  [[nodiscard]] double sum(double v) const;
  /// The maximum of `v` over all ranks (collective).
  [[nodiscard]] double max(double v) const;
  /// Rank 0's value of `v` on every rank.
  [[nodiscard]] int broadcast(int v) const;
  /// Ends every rank's run when one fails beyond recovery.
  [[noreturn]] void abort(int code) const;

  /// The process-wide communicator (set up by the CLI); one rank if none.
  static const Communicator& world();

private:
  int rank_ = 0, size_ = 1;
  [[maybe_unused]] bool initialised_here_ = false; ///< MPI_Init was called by this object (MPI builds)
};

} // namespace steelpath::ensemble
