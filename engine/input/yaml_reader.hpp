// Typed, position-aware reading of a YAML scenario document. Every getter
// reports problems to a Diagnostics collector (with file, line, column and
// key path) instead of throwing, so one pass finds every problem in a file.
#pragma once

#include "input/diagnostics.hpp"
#include "model/horizon.hpp"
#include "model/year_series.hpp"

#include <yaml-cpp/yaml.h>

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace steelpath::input {

/// Inclusive bounds for a number; the text says it in messages.
struct Bounds {
  double lo = -std::numeric_limits<double>::max();
  double hi = std::numeric_limits<double>::max();
  static Bounds non_negative() { return {0.0, std::numeric_limits<double>::max()}; }
  static Bounds share() { return {0.0, 1.0}; }
  static Bounds any() { return {}; }
  [[nodiscard]] std::string describe() const;
};

/// "a.b" joined, skipping an empty prefix.
[[nodiscard]] std::string join_path(const std::string& prefix, const std::string& key);

class YamlReader {
public:
  YamlReader(std::string file, Diagnostics& diagnostics) : file_(std::move(file)), diag_(diagnostics) {}

  [[nodiscard]] const std::string& file() const { return file_; }

  /// Records a problem at a node's position.
  void error(const YAML::Node& at, const std::string& path, const std::string& message);
  /// Records a problem at a given 0-based YAML mark.
  void error(const YAML::Mark& at, const std::string& path, const std::string& message);

  /// True when `node` is a mapping; otherwise records "expected a mapping".
  bool expect_map(const YAML::Node& node, const std::string& path);
  /// Records every key of `map` that is not in `allowed`, with a suggestion.
  void check_keys(const YAML::Node& map, const std::string& path, const std::vector<std::string>& allowed);

  /// map[key] as a finite number within bounds. Missing: `fallback` if given,
  /// else an error. Returns nullopt after recording an error.
  std::optional<double> number(const YAML::Node& map, const std::string& key, const std::string& path,
                               Bounds bounds, std::optional<double> fallback = std::nullopt);
  /// map[key] as a whole number within bounds (same rules as number()).
  std::optional<int> integer(const YAML::Node& map, const std::string& key, const std::string& path,
                             Bounds bounds, std::optional<int> fallback = std::nullopt);
  /// map[key] as a string scalar.
  std::optional<std::string> string(const YAML::Node& map, const std::string& key, const std::string& path,
                                    std::optional<std::string> fallback = std::nullopt);

  /// A scalar node as a finite number within bounds.
  std::optional<double> scalar_number(const YAML::Node& node, const std::string& path, Bounds bounds);

  /// map[key] as a yearly series over `horizon`, written as
  ///   a constant:                      price: 70
  ///   points, linear in between:       price: {2025: 10, 2040: 80}
  ///   growth from a base year:         price: {base_year: 2025, base_value: 10, growth_rate: 0.03}
  std::optional<YearSeries> series(const YAML::Node& map, const std::string& key, const std::string& path,
                                   const Horizon& horizon, Bounds bounds,
                                   std::optional<double> fallback = std::nullopt);

private:
  // True when map[key] is missing or null; records "missing key" unless there is a fallback.
  bool absent(const YAML::Node& map, const YAML::Node& node, const std::string& key, const std::string& path,
              bool has_fallback, const std::string& expected);

  std::string file_;
  Diagnostics& diag_;
};

} // namespace steelpath::input
