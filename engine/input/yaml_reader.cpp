#include "input/yaml_reader.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

namespace steelpath::input {

namespace {

// YAML marks are 0-based and -1 for nodes without a position.
int one_based(int v) { return v >= 0 ? v + 1 : 0; }

std::string show(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsScalar()) return "'" + node.Scalar() + "'";
  if (node.IsSequence()) return "a list";
  return "a mapping";
}

// Strict number parsing: the whole scalar must be a number; quoted strings
// are text, not numbers, so "10" in quotes is reported rather than guessed.
std::optional<double> parse_double(const YAML::Node& node) {
  if (!node.IsScalar() || node.Tag() == "!") return std::nullopt;
  std::string text = node.Scalar();
  if (!text.empty() && text.front() == '+') text.erase(0, 1);
  // YAML writes NaN and infinity as .nan and .inf; parse them so that the
  // message can say "not finite" rather than "not a number".
  for (const char* special : {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF"})
    if (text == special) {
      text.erase(text.find('.'), 1);
      break;
    }
  double v = 0.0;
  const auto* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc{} || p != end) return std::nullopt;
  return v;
}

std::string format_number(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

} // namespace

std::string Bounds::describe() const {
  const bool has_lo = lo > -std::numeric_limits<double>::max();
  const bool has_hi = hi < std::numeric_limits<double>::max();
  if (has_lo && has_hi) return "a number in [" + format_number(lo) + ", " + format_number(hi) + "]";
  if (has_lo) return "a number >= " + format_number(lo);
  if (has_hi) return "a number <= " + format_number(hi);
  return "a finite number";
}

std::string join_path(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

bool YamlReader::absent(const YAML::Node& map, const YAML::Node& node, const std::string& key,
                        const std::string& path, bool has_fallback, const std::string& expected) {
  if (node.IsDefined() && !node.IsNull()) return false;
  if (!has_fallback) error(map, path, "missing key '" + key + "', expected " + expected);
  return true;
}

void YamlReader::error(const YAML::Node& at, const std::string& path, const std::string& message) {
  error(at.Mark(), path, message);
}

void YamlReader::error(const YAML::Mark& at, const std::string& path, const std::string& message) {
  diag_.add({file_, one_based(at.line), one_based(at.column), path, message});
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& path) {
  if (node.IsMap()) return true;
  error(node, path, "expected a mapping (key: value lines), found " + show(node));
  return false;
}

void YamlReader::check_keys(const YAML::Node& map, const std::string& path,
                            const std::vector<std::string>& allowed) {
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    bool known = false;
    for (const auto& a : allowed) known = known || a == key;
    if (!known)
      error(kv.first, join_path(path, key), "unknown key '" + key + "'" + did_you_mean(key, allowed));
  }
}

std::optional<double> YamlReader::scalar_number(const YAML::Node& node, const std::string& path,
                                                Bounds bounds) {
  const auto v = parse_double(node);
  if (!v) {
    error(node, path, "expected " + bounds.describe() + ", found " + show(node));
    return std::nullopt;
  }
  if (!std::isfinite(*v)) {
    error(node, path, "expected " + bounds.describe() + ", found " + show(node) + " (not finite)");
    return std::nullopt;
  }
  if (*v < bounds.lo || *v > bounds.hi) {
    error(node, path, "expected " + bounds.describe() + ", found " + format_number(*v));
    return std::nullopt;
  }
  return v;
}

std::optional<double> YamlReader::number(const YAML::Node& map, const std::string& key, const std::string& path,
                                         Bounds bounds, std::optional<double> fallback) {
  const std::string p = join_path(path, key);
  const YAML::Node node = map[key];
  if (absent(map, node, key, p, fallback.has_value(), bounds.describe())) return fallback;
  return scalar_number(node, p, bounds);
}

std::optional<int> YamlReader::integer(const YAML::Node& map, const std::string& key, const std::string& path,
                                       Bounds bounds, std::optional<int> fallback) {
  const std::string p = join_path(path, key);
  const YAML::Node node = map[key];
  if (absent(map, node, key, p, fallback.has_value(), "a whole number")) return fallback;
  const auto v = scalar_number(node, p, bounds);
  if (!v) return std::nullopt;
  if (std::trunc(*v) != *v || std::fabs(*v) > 1e9) {
    error(node, p, "expected a whole number, found " + show(node));
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<std::string> YamlReader::string(const YAML::Node& map, const std::string& key,
                                              const std::string& path, std::optional<std::string> fallback) {
  const std::string p = join_path(path, key);
  const YAML::Node node = map[key];
  if (absent(map, node, key, p, fallback.has_value(), "text")) return fallback;
  if (!node.IsScalar()) {
    error(node, p, "expected text, found " + show(node));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<YearSeries> YamlReader::series(const YAML::Node& map, const std::string& key,
                                             const std::string& path, const Horizon& horizon, Bounds bounds,
                                             std::optional<double> fallback) {
  const std::string p = join_path(path, key);
  const YAML::Node node = map[key];
  if (absent(map, node, key, p, fallback.has_value(),
             "a yearly series (a number, {year: value, ...} or {base_year, base_value, growth_rate})")) {
    if (fallback) return YearSeries::constant(horizon, *fallback);
    return std::nullopt;
  }
  if (node.IsScalar()) {
    const auto v = scalar_number(node, p, bounds);
    if (!v) return std::nullopt;
    return YearSeries::constant(horizon, *v);
  }
  if (!node.IsMap() || node.size() == 0) {
    error(node, p, "expected a yearly series (a number, {year: value, ...} or "
                   "{base_year, base_value, growth_rate}), found " + show(node));
    return std::nullopt;
  }
  if (node["base_value"].IsDefined() || node["growth_rate"].IsDefined() || node["base_year"].IsDefined()) {
    check_keys(node, p, {"base_year", "base_value", "growth_rate"});
    const auto year = integer(node, "base_year", p, {1800, 2300});
    const auto base = number(node, "base_value", p, bounds);
    const auto rate = number(node, "growth_rate", p, {-0.99, 10.0});
    if (!year || !base || !rate) return std::nullopt;
    auto ys = YearSeries::growth(horizon, *year, *base, *rate);
    for (std::size_t i = 0; i < ys.size(); ++i)
      if (ys[i] < bounds.lo || ys[i] > bounds.hi || !std::isfinite(ys[i])) {
        error(node, p, "growth takes the series outside " + bounds.describe() + " in " +
                           std::to_string(horizon.year(i)));
        return std::nullopt;
      }
    return ys;
  }
  std::vector<std::pair<int, double>> points;
  bool ok = true;
  for (const auto& kv : node) {
    const auto year = parse_double(kv.first);
    if (!year || std::trunc(*year) != *year || *year < 1800 || *year > 2300) {
      error(kv.first, p, "expected a year (1800..2300) as key, found " + show(kv.first));
      ok = false;
      continue;
    }
    const auto v = scalar_number(kv.second, join_path(p, kv.first.Scalar()), bounds);
    if (!v) {
      ok = false;
      continue;
    }
    points.emplace_back(static_cast<int>(*year), *v);
  }
  if (!ok) return std::nullopt;
  for (std::size_t i = 1; i < points.size(); ++i)
    if (points[i].first <= points[i - 1].first) {
      error(node, p, "years must be listed in increasing order without repeats; found " +
                         std::to_string(points[i].first) + " after " + std::to_string(points[i - 1].first));
      return std::nullopt;
    }
  return YearSeries::interpolate(horizon, points);
}

} // namespace steelpath::input
