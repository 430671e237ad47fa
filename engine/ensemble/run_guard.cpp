#include "ensemble/run_guard.hpp"

#include "model/errors.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace steelpath::ensemble {

namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void on_signal(int) {
  if (g_stop) _exit(130); // the second Ctrl-C: the user means it
  g_stop = 1;
}

} // namespace

StopOnSignal::StopOnSignal() {
  g_stop = 0;
  old_int_ = std::signal(SIGINT, on_signal);
  old_term_ = std::signal(SIGTERM, on_signal);
}

StopOnSignal::~StopOnSignal() {
  std::signal(SIGINT, old_int_);
  std::signal(SIGTERM, old_term_);
}

bool StopOnSignal::stop_requested() {
  return g_stop != 0;
}

FolderLock::FolderLock(const std::string& folder) {
  fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) throw OutputError(folder + ": cannot open to lock it: " + std::strerror(errno));
  // File systems without flock (some cluster mounts) go unprotected.
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
    ::close(fd_);
    fd_ = -1;
    throw OutputError(folder + ": another steelpath process is writing this run's results file; "
                               "wait for it to finish");
  }
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);
}

} // namespace steelpath::ensemble
