// The ranks of an ensemble run: MPI's when built with -DSTEELPATH_MPI=ON and
// started under mpirun, otherwise one rank. Only the few collective steps the
// runner needs (the hot path never communicates).
#pragma once

#include <cstdint>

namespace steelpath::ensemble {

class Communicator {
public:
  /// Initialises MPI if it is compiled in and not yet initialised (thread
  /// level FUNNELED: only the main thread calls MPI). Finalises on destruction
  /// if it initialised.
  Communicator(int* argc, char*** argv);
  ~Communicator();
  Communicator(const Communicator&) = delete;
  Communicator& operator=(const Communicator&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  void barrier() const;
  [[nodiscard]] double sum(double v) const;
  [[nodiscard]] double max(double v) const;
  /// Rank 0's value of `v` on every rank.
  [[nodiscard]] int broadcast(int v) const;
  /// Ends every rank's run when one fails beyond recovery.
  [[noreturn]] void abort(int code) const;

  /// The process-wide communicator (set up by the CLI); one rank if none.
  static const Communicator& world();

private:
  int rank_ = 0, size_ = 1;
  bool initialised_here_ = false;
};

} // namespace steelpath::ensemble
