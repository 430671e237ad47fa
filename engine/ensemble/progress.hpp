// The progress line of an ensemble run on stderr: members done, rate and
// time left. On a terminal it redraws one line a few times a second; in batch
// (stderr not a terminal: a cluster log) it prints a line every `batch_interval`
// seconds; quiet prints nothing. Any thread may call tick(): one of them
// prints, the others return at once (no lock is taken).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace steelpath::ensemble {

/// The progress line of an ensemble run on stderr: members done, rate and time left.
class Progress {
public:
  /// How progress is shown: a redrawn line, a line every interval, or nothing.
  enum class Mode { terminal, batch, quiet };
  /// `total`: members this process will run; `label`: e.g. "rank 1/4: ".
  Progress(std::size_t total, Mode mode, std::string label = {}, double batch_interval = 10.0);

  /// One more member finished (or failed).
  void tick(bool failed);
  /// Prints the final line (terminal: ends the redrawn line).
  void finish();

  /// Members finished so far (failed ones included).
  [[nodiscard]] std::size_t done() const { return done_.load(); }
  /// Members failed so far.
  [[nodiscard]] std::size_t failed() const { return failed_.load(); }
  /// Seconds since the start.
  [[nodiscard]] double seconds() const;

  /// terminal if stderr is a TTY, else batch; quiet if `quiet`.
  static Mode detect(bool quiet);

private:
  void print(bool last);

  std::size_t total_;
  Mode mode_;
  std::string label_;
  double interval_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<std::size_t> done_{0}, failed_{0};
  std::atomic<std::int64_t> next_print_ns_{0};
};

/// "1 h 02 min", "3 min 20 s", "12 s".
[[nodiscard]] std::string format_duration(double seconds);

} // namespace steelpath::ensemble
