#include "sim/levelized_cost.hpp"

#include <algorithm>
#include <cmath>

namespace steelpath {

double capital_recovery_factor(double rate, int years) {
  if (years <= 0) return 0.0;
  if (std::fabs(rate) >= kSmallRate) {
    // The textbook form, kept bit for bit where it is accurate (results at
    // the usual rates do not move).
    const double g = std::pow(1.0 + rate, years);
    return rate * g / (g - 1.0);
  }
  if (rate == 0.0) return 1.0 / years;
  // Near r = 0 the textbook form loses what 1 + r rounds away and what
  // (1+r)^n - 1 cancels: about 1e-16 / r relative (1e-13 at r = 1e-3), and
  // at r <= 1e-16, where 1 + r is 1, it divides by 0. The same quantity as
  // r / (1 - (1+r)^-n) with (1+r)^-n - 1 = expm1(-n log1p(r)) keeps every
  // digit of r, down to the subnormals, and tends to 1/n.
  return rate / -std::expm1(-static_cast<double>(years) * std::log1p(rate));
}

double levelized_average(std::span<const double> series, std::size_t start, int years, double rate) {
  if (series.empty() || years <= 0) return 0.0;
  const double d = 1.0 / (1.0 + rate);
  double weight = 1.0;
  double num = 0.0;
  double den = 0.0;
  for (int t = 0; t < years; ++t) {
    const std::size_t i = start + static_cast<std::size_t>(t);
    const double x = i < series.size() ? series[i] : series.back();
    num += weight * x;
    den += weight;
    weight *= d;
  }
  return num / den;
}

double levelized_trend(std::span<const double> series, std::size_t start, int years, double rate) {
  if (series.empty() || years <= 0) return 0.0;
  const std::size_t back = std::min<std::size_t>(start, 5);
  const double now = series[std::min(start, series.size() - 1)];
  const double slope = back > 0 ? (now - series[start - back]) / static_cast<double>(back) : 0.0;
  const double d = 1.0 / (1.0 + rate);
  double weight = 1.0, num = 0.0, den = 0.0;
  for (int t = 0; t < years; ++t) {
    num += weight * std::max(0.0, now + slope * t);
    den += weight;
    weight *= d;
  }
  return num / den;
}

} // namespace steelpath
