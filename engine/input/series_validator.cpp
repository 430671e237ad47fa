#include "input/series_validator.hpp"

#include "input/quantity.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace steelpath::input {

namespace {
const char* kSeriesExpected =
    "expected a yearly series (a number, {year: value, ...} or {base_year, base_value, growth_rate})";

void add(Diagnostics& d, const Origin& o, const std::string& path, const std::string& msg) {
  d.add({o.file, o.line, o.column, path, msg});
}

} // namespace

double number_of(const SourceNode& n) {
  double v = 0.0;
  std::from_chars(n.text().data(), n.text().data() + n.text().size(), v);
  return v;
}

SourceNode validate_series(const SourceNode& node, const std::string& unit, Bounds bounds,
                           const std::string& path, const DocumentFacts& facts, Diagnostics& diag) {
  std::string why;
  if (node.is_scalar()) {
    const auto v = read_quantity(node, unit, bounds, facts.rates, why);
    if (!v) {
      add(diag, node.origin(), path, why);
      return {};
    }
    return SourceNode::make_scalar(format_double(*v), node.origin());
  }
  if (!node.is_map() || node.entries().empty()) {
    add(diag, node.origin(), path, std::string(kSeriesExpected) + ", found " + show(node));
    return {};
  }
  SourceNode out = SourceNode::make_map(node.origin());
  if (node.find("base_value") || node.find("growth_rate") || node.find("base_year")) {
    const std::vector<std::string> keys = {"base_year", "base_value", "growth_rate"};
    bool ok = true;
    for (const auto& e : node.entries())
      if (std::find(keys.begin(), keys.end(), e.key) == keys.end()) {
        add(diag, e.key_origin, join_path(path, e.key),
            "unknown key '" + e.key + "'" + did_you_mean(e.key, keys));
        ok = false;
      }
    auto field = [&](const std::string& k, auto&& read) -> std::optional<double> {
      const SourceNode* n = node.find(k);
      if (!n) {
        add(diag, node.origin(), join_path(path, k), "missing key '" + k + "' of a growth series");
        return std::nullopt;
      }
      std::string w;
      const auto v = read(*n, w);
      if (!v) add(diag, n->origin(), join_path(path, k), w);
      return v;
    };
    const auto year = field("base_year", [](const SourceNode& n, std::string& w) -> std::optional<double> {
      const auto y = read_whole(n, {1800, 2300}, w);
      return y ? std::optional<double>(*y) : std::nullopt;
    });
    const auto base = field("base_value", [&](const SourceNode& n, std::string& w) {
      return read_quantity(n, unit, bounds, facts.rates, w);
    });
    const auto rate = field("growth_rate", [&](const SourceNode& n, std::string& w) {
      return read_quantity(n, "1", {-0.99, 10.0}, facts.rates, w);
    });
    if (!ok || !year || !base || !rate) return {};
    const YearSeries ys = YearSeries::growth(facts.horizon, static_cast<int>(*year), *base, *rate);
    for (std::size_t i = 0; i < ys.size(); ++i)
      if (!std::isfinite(ys[i]) || ys[i] < bounds.lo || ys[i] > bounds.hi) {
        add(diag, node.origin(), path,
            "growth takes the series outside " + bounds.describe() + " in " +
                std::to_string(facts.horizon.year(i)));
        return {};
      }
    out.set("base_year", SourceNode::make_scalar(std::to_string(static_cast<int>(*year)), node.origin()));
    out.set("base_value", SourceNode::make_scalar(format_double(*base), node.origin()));
    out.set("growth_rate", SourceNode::make_scalar(format_double(*rate), node.origin()));
    return out;
  }
  bool ok = true;
  int previous = 0;
  for (const auto& e : node.entries()) {
    std::string w;
    const SourceNode key = SourceNode::make_scalar(e.key, e.key_origin);
    const auto year = read_whole(key, {1800, 2300}, w);
    if (!year) {
      add(diag, e.key_origin, path, "expected a year (1800..2300) as key, found '" + e.key + "'");
      ok = false;
      continue;
    }
    const auto v = read_quantity(e.value, unit, bounds, facts.rates, w);
    if (!v) {
      add(diag, e.value.origin(), join_path(path, e.key), w);
      ok = false;
      continue;
    }
    if (previous != 0 && *year <= previous) {
      add(diag, e.key_origin, path,
          "years must be listed in increasing order without repeats; found " + std::to_string(*year) +
              " after " + std::to_string(previous));
      ok = false;
    }
    previous = *year;
    out.set(std::to_string(*year), SourceNode::make_scalar(format_double(*v), e.value.origin()),
            e.key_origin);
  }
  return ok ? out : SourceNode{};
}

YearSeries build_series(const SourceNode& n, const Horizon& horizon) {
  if (n.is_scalar()) return YearSeries::constant(horizon, number_of(n));
  if (const SourceNode* base = n.find("base_value"))
    return YearSeries::growth(horizon, static_cast<int>(number_of(*n.find("base_year"))), number_of(*base),
                              number_of(*n.find("growth_rate")));
  std::vector<std::pair<int, double>> points;
  for (const auto& e : n.entries())
    points.emplace_back(std::stoi(e.key), number_of(e.value));
  return YearSeries::interpolate(horizon, points);
}

} // namespace steelpath::input
