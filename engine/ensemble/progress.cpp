#include "ensemble/progress.hpp"

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace steelpath::ensemble {

namespace {
std::int64_t ns_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count();
}
} // namespace

std::string format_duration(double s) {
  char buf[64];
  if (!std::isfinite(s)) return "?";
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%d h %02d min", static_cast<int>(s / 3600),
                  static_cast<int>(s / 60) % 60);
  else if (s >= 60)
    std::snprintf(buf, sizeof buf, "%d min %02d s", static_cast<int>(s / 60), static_cast<int>(s) % 60);
  else
    std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

Progress::Mode Progress::detect(bool quiet) {
  if (quiet) return Mode::quiet;
  return isatty(STDERR_FILENO) ? Mode::terminal : Mode::batch;
}

Progress::Progress(std::size_t total, Mode mode, std::string label, double batch_interval)
    : total_(total), mode_(mode), label_(std::move(label)), interval_(batch_interval),
      start_(std::chrono::steady_clock::now()) {
  const double first = mode_ == Mode::terminal ? 0.2 : interval_;
  next_print_ns_ = static_cast<std::int64_t>(first * 1e9);
}

double Progress::seconds() const {
  return static_cast<double>(ns_since(start_)) * 1e-9;
}

void Progress::tick(bool failed) {
  ++done_;
  if (failed) ++failed_;
  if (mode_ == Mode::quiet) return;
  const std::int64_t now = ns_since(start_);
  std::int64_t due = next_print_ns_.load(std::memory_order_relaxed);
  if (now < due) return;
  const double step = mode_ == Mode::terminal ? 0.2 : interval_;
  // Whoever moves the deadline prints; the others carry on simulating.
  if (next_print_ns_.compare_exchange_strong(due, now + static_cast<std::int64_t>(step * 1e9))) print(false);
}

void Progress::finish() {
  if (mode_ == Mode::quiet) return;
  print(true);
}

void Progress::print(bool last) {
  const std::size_t done = done_.load(), failed = failed_.load();
  const double t = seconds();
  const double rate = t > 0 ? static_cast<double>(done) / t : 0.0;
  const double left = rate > 0 ? static_cast<double>(total_ - std::min(done, total_)) / rate : std::nan("");
  char line[256];
  std::snprintf(line, sizeof line, "%s%zu/%zu members (%.0f %%), %zu failed, %.1f members/s, %s %s",
                label_.c_str(), done, total_,
                total_ ? 100.0 * static_cast<double>(done) / static_cast<double>(total_) : 100.0, failed,
                rate, last ? "took" : "ETA", format_duration(last ? t : left).c_str());
  if (mode_ == Mode::terminal)
    std::fprintf(stderr, "\r\033[K%s%s", line, last ? "\n" : "");
  else
    std::fprintf(stderr, "%s\n", line);
  std::fflush(stderr);
}

} // namespace steelpath::ensemble
