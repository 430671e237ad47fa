// What keeps an ensemble run safe from the outside world: signals stop it
// between members (a second one ends it at once), and one process at a time
// writes a results file.
#pragma once

#include <string>

namespace steelpath::ensemble {

/// While alive, SIGINT and SIGTERM ask the run to stop (stop_requested());
/// a second signal ends the process at once with exit code 130 (a record
/// cut short is a torn tail the next run drops).
class StopOnSignal {
public:
  StopOnSignal();
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  /// Whether a signal asked the run to stop.
  [[nodiscard]] static bool stop_requested();

private:
  void (*old_int_)(int);
  void (*old_term_)(int);
};

/// An exclusive lock on a folder (flock on its descriptor), released when
/// the object or the process dies: only one process writes the results file
/// of a run. Throws OutputError when another process holds it.
class FolderLock {
public:
  /// Locks `folder`; throws OutputError when another process holds it.
  explicit FolderLock(const std::string& folder);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

private:
  int fd_ = -1;
};

} // namespace steelpath::ensemble
