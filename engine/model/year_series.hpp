// A yearly quantity (a price, a demand, a carbon price, a supply) with one
// value for every year of the horizon. Its unit is the one documented by the
// field that holds it. Outside the horizon the series is extended flat, which
// is what levelized costs need when a campaign runs past the last year.
#pragma once

#include "model/horizon.hpp"

#include <span>
#include <utility>
#include <vector>

namespace steelpath {

/// A yearly quantity over the horizon, flat outside it; its unit is that of the field holding it.
class YearSeries {
public:
  YearSeries() = default;

  /// The same value in every year.
  static YearSeries constant(const Horizon& horizon, double value);

  /// Linear interpolation between (year, value) points, flat before the first
  /// and after the last point. Points must be sorted by strictly increasing
  /// year and non-empty (the input layer checks this; ModelError otherwise).
  static YearSeries interpolate(const Horizon& horizon, std::span<const std::pair<int, double>> points);

  /// value(year) = base_value * (1 + annual_rate)^(year - base_year).
  static YearSeries growth(const Horizon& horizon, int base_year, double base_value, double annual_rate);

  /// Value in a calendar year; years outside the horizon take the nearest end value.
  [[nodiscard]] double at(int year) const;
  /// Value by horizon index (0 = first year). Precondition: index < size().
  [[nodiscard]] double operator[](std::size_t index) const { return values_[index]; }
  /// Number of years (0 when default-constructed).
  [[nodiscard]] std::size_t size() const { return values_.size(); }
  /// The calendar year of index 0.
  [[nodiscard]] int first_year() const { return first_year_; }
  /// The values by horizon index.
  [[nodiscard]] std::span<const double> values() const { return values_; }

private:
  YearSeries(int first_year, std::vector<double> values)
      : first_year_(first_year), values_(std::move(values)) {}

  int first_year_ = 0;
  std::vector<double> values_;
};

} // namespace steelpath
