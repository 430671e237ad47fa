// The allowance price of an emissions trading system: the lowest price at
// which covered emissions do not exceed the cap (docs/model.md, "ETS").
//
// Every block's marginal cost is a line in the allowance price p, so the
// merit order only changes where two lines cross. The price is found exactly
// by trying the crossings in ascending order: emissions are constant between
// them. This holds whether or not emissions fall monotonically in p (with
// output-based free allocation they need not). When no price up to the
// ceiling meets the cap, the price is the ceiling: the regulator's price
// ceiling (or the penalty for emissions without allowances) is what a
// short market pays at the margin.
#pragma once

#include <algorithm>
#include <vector>

namespace steelpath {

/// The cleared ETS: allowance price (USD/t CO2) and covered emissions (Mt CO2).
struct EtsClearing {
  double price = 0.0;     ///< USD/t CO2
  double emissions = 0.0; ///< covered emissions at that price, Mt CO2
  bool cap_met = true;    ///< false when no price in [floor, ceiling] meets the cap
};

/// `candidates`: prices where the merit order may change (line crossings),
/// in any order; `emissions(p)` gives covered emissions (Mt CO2) at price p.
/// Each candidate is tried just above itself, where the order it opens
/// holds. When no price meets the cap, the ceiling is returned with the
/// emissions at it, and cap_met is false.
template <class EmissionsAt>
[[nodiscard]] EtsClearing clear_ets(const EmissionsAt& emissions, std::vector<double>& candidates, double cap,
                                    double floor, double ceiling) {
  constexpr double kAbove = 1e-6; // USD/t: past a crossing, where its new order holds
  const double limit = cap * (1.0 + 1e-12) + 1e-12;
  candidates.push_back(floor);
  std::sort(candidates.begin(), candidates.end());
  if (const double e = emissions(floor); e <= limit) return {floor, e, true};
  for (double c : candidates) {
    if (c < floor || c >= ceiling) continue;
    const double p = std::min(c + kAbove, ceiling);
    if (const double e = emissions(p); e <= limit) return {p, e, true};
  }
  return {ceiling, emissions(ceiling), false};
}

} // namespace steelpath
