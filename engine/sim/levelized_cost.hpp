// The discounting behind the levelized cost of steel (LCOS), the yardstick a
// unit's owner uses to compare relining with switching route:
//
//   LCOS = (capex * CRF(r, n) + opex_fixed) / u  +  v_bar  +  e * p_bar  + ...
//
// capex: USD per (t/yr); CRF: capital recovery factor at discount rate r over
// the n-year campaign; opex_fixed: USD per (t/yr) per year; u: expected
// utilisation; v_bar: levelized variable cost (USD/t); e: direct emissions
// (t CO2/t); p_bar: levelized carbon price (USD/t CO2). The full sum, term by
// term, is sim/route_cost.hpp; docs/model.md derives it.
#pragma once

#include <span>

namespace steelpath {

/// Below this absolute rate (1/yr) capital_recovery_factor switches from the
/// textbook form to one without its removable singularity at r = 0. At and
/// above it the textbook form's rounding (about 1e-16 / r relative: 3e-14 at
/// most at 1 %) is far below any input's precision, and it is kept bit for
/// bit so that results at the usual rates do not move.
inline constexpr double kSmallRate = 0.01;

/// CRF(r, n) = r (1+r)^n / ((1+r)^n - 1) = 1 / sum_{t=1..n} (1+r)^-t, the
/// share of the capital repaid each year of n at rate r; 1/n at r = 0, its
/// limit. Below kSmallRate it is computed as r / -expm1(-n log1p(r)), finite
/// and accurate for every rate down to 0 (never the 0/0 or r/0 of the
/// textbook form). 0 for n <= 0. Unit: 1/yr.
[[nodiscard]] double capital_recovery_factor(double rate, int years);

/// Discount-weighted mean of a yearly series over `years` years starting at
/// index `start`: sum_t x_t d^t / sum_t d^t with d = 1/(1+rate). Indices past
/// the end of the series take its last value (flat extrapolation).
[[nodiscard]] double levelized_average(std::span<const double> series, std::size_t start, int years,
                                       double rate);

/// Levelized value a trend-following agent expects at index `start`: the
/// series extended from its value there along the slope of the last five
/// years (fewer at the start of the horizon), floored at zero, discounted
/// like levelized_average.
[[nodiscard]] double levelized_trend(std::span<const double> series, std::size_t start, int years,
                                     double rate);

} // namespace steelpath
