// The allowance price of an emissions trading system: the lowest price at
// which covered emissions do not exceed the cap (docs/model.md, "ETS").
//
// Every block's marginal cost is a line in the allowance price p, so the
// merit order only changes where two lines cross. The price is found exactly
// by trying the crossings in ascending order: emissions are constant between
// them. This holds whether or not emissions fall monotonically in p (with
// output-based free allocation they need not).
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
/// holds. When no price meets the cap, the lowest price with the least
/// emissions is returned and cap_met is false.
template <class EmissionsAt>
[[nodiscard]] EtsClearing clear_ets(const EmissionsAt& emissions, std::vector<double>& candidates, double cap,
                                    double floor, double ceiling) {
  constexpr double kAbove = 1e-6; // USD/t: past a crossing, where its new order holds
  const double limit = cap * (1.0 + 1e-12) + 1e-12;
  candidates.push_back(floor);
  std::sort(candidates.begin(), candidates.end());
  EtsClearing best{floor, emissions(floor), false};
  if (best.emissions <= limit) return {floor, best.emissions, true};
  for (double c : candidates) {
    if (c < floor || c >= ceiling) continue;
    const double p = std::min(c + kAbove, ceiling);
    const double e = emissions(p);
    if (e <= limit) return {p, e, true};
    if (e < best.emissions) best = {p, e, false};
  }
  return best;
}

} // namespace steelpath
