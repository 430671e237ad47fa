// Levelized cost of steel (LCOS), the yardstick a unit's owner uses to compare
// relining with switching route. All costs in real USD per tonne of crude steel.
//
//   LCOS = (capex * CRF(r, n) + opex_fixed) / u  +  v_bar  +  e * p_bar
//
// capex: USD per (t/yr); CRF: capital recovery factor at discount rate r over
// the n-year campaign; opex_fixed: USD per (t/yr) per year; u: expected
// utilisation; v_bar: levelized variable cost (USD/t); e: direct emissions
// (t CO2/t); p_bar: levelized carbon price (USD/t CO2). docs/model.md derives it.
#pragma once

#include <span>

namespace steelpath {

/// CRF(r, n) = r (1+r)^n / ((1+r)^n - 1), and 1/n when r = 0. Unit: 1/yr.
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

struct LcosInputs {
  double capex = 0.0;              ///< USD per (t/yr) spent at the decision
  double opex_fixed = 0.0;         ///< USD per (t/yr) per year
  double capital_recovery = 0.0;   ///< CRF, 1/yr
  double utilisation = 1.0;        ///< expected capacity factor, 0..1
  double variable_cost = 0.0;      ///< levelized variable cost, USD/t
  double emission_intensity = 0.0; ///< direct emissions after capture, t CO2/t
  double carbon_price = 0.0;       ///< levelized carbon price, USD/t CO2
};

/// The LCOS formula above, in USD per t crude steel.
[[nodiscard]] double levelized_cost(const LcosInputs& in);

} // namespace steelpath
