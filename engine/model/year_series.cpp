#include "model/year_series.hpp"

#include "model/errors.hpp"

#include <cmath>
#include <string>

namespace steelpath {

YearSeries YearSeries::constant(const Horizon& horizon, double value) {
  return {horizon.first_year, std::vector<double>(horizon.size(), value)};
}

YearSeries YearSeries::interpolate(const Horizon& horizon, std::span<const std::pair<int, double>> points) {
  if (points.empty()) throw ModelError("YearSeries::interpolate: no points");
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (points[i].first <= points[i - 1].first)
      throw ModelError("YearSeries::interpolate: years not strictly increasing at " +
                       std::to_string(points[i].first));
  }
  std::vector<double> values(horizon.size());
  std::size_t seg = 0; // the first point at or after the current year
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int year = horizon.year(i);
    while (seg < points.size() && points[seg].first < year)
      ++seg;
    if (seg == 0) {
      values[i] = points.front().second;
    } else if (seg == points.size()) {
      values[i] = points.back().second;
    } else {
      const auto [y0, v0] = points[seg - 1];
      const auto [y1, v1] = points[seg];
      // Written as v0 + w (v1 - v0) so that a point's own year returns its value exactly.
      const double w = static_cast<double>(year - y0) / static_cast<double>(y1 - y0);
      values[i] = v0 + w * (v1 - v0);
    }
  }
  return {horizon.first_year, std::move(values)};
}

YearSeries YearSeries::growth(const Horizon& horizon, int base_year, double base_value, double annual_rate) {
  std::vector<double> values(horizon.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = base_value * std::pow(1.0 + annual_rate, horizon.year(i) - base_year);
  return {horizon.first_year, std::move(values)};
}

double YearSeries::at(int year) const {
  if (values_.empty()) throw ModelError("YearSeries::at on an empty series");
  if (year <= first_year_) return values_.front();
  const auto i = static_cast<std::size_t>(year - first_year_);
  return i < values_.size() ? values_[i] : values_.back();
}

} // namespace steelpath
