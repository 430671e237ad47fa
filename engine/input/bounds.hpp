// Inclusive numeric ranges for scenario values, and key-path joining.
#pragma once

#include <limits>
#include <string>

namespace steelpath::input {

/// Inclusive bounds for a number; describe() says it in messages.
struct Bounds {
  double lo = -std::numeric_limits<double>::max();
  double hi = std::numeric_limits<double>::max();
  static Bounds non_negative() { return {0.0, std::numeric_limits<double>::max()}; }
  static Bounds share() { return {0.0, 1.0}; }
  static Bounds any() { return {}; }
  /// "a number >= 0", "a number in [0, 1]", "a finite number".
  [[nodiscard]] std::string describe() const;
};

/// "a.b" joined, skipping an empty prefix.
[[nodiscard]] std::string join_path(const std::string& prefix, const std::string& key);

} // namespace steelpath::input
