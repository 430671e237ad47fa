// Inclusive numeric ranges for scenario values, and key-path joining.
#pragma once

#include <limits>
#include <string>

namespace steelpath::input {

/// Inclusive bounds for a number; describe() says it in messages.
struct Bounds {
  /// lowest allowed value
  double lo = -std::numeric_limits<double>::max();
  /// highest allowed value
  double hi = std::numeric_limits<double>::max();
  /// [0, largest double]: a number >= 0.
  static Bounds non_negative() { return {0.0, std::numeric_limits<double>::max()}; }
  /// [0, 1]: a share.
  static Bounds share() { return {0.0, 1.0}; }
  /// Any finite number.
  static Bounds any() { return {}; }
  /// "a number >= 0", "a number in [0, 1]", "a finite number".
  [[nodiscard]] std::string describe() const;
};

/// "a.b" joined, skipping an empty prefix.
[[nodiscard]] std::string join_path(const std::string& prefix, const std::string& key);

} // namespace steelpath::input
