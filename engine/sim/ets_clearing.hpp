// The allowance price of an emissions trading system: the lowest price at
// which covered emissions do not exceed the cap. Emissions fall (weakly) as
// the price rises, because the merit order shifts to cleaner routes; the
// price is found by bisection to within `tolerance` (docs/model.md, "ETS").
#pragma once

namespace steelpath {

struct EtsClearing {
  double price = 0.0;     ///< USD/t CO2
  double emissions = 0.0; ///< covered emissions at that price, Mt CO2
  bool cap_met = true;    ///< false when even the ceiling price leaves emissions above the cap
};

/// `emissions(p)` gives covered emissions (Mt CO2) at allowance price p.
/// A template, so the year loop calls it without allocating.
template <class EmissionsAt>
[[nodiscard]] EtsClearing clear_ets(const EmissionsAt& emissions, double cap, double floor, double ceiling,
                                    double tolerance = 0.01) {
  // A small slack so rounding in the dispatch sums cannot miss a cap met exactly.
  const double limit = cap * (1.0 + 1e-12) + 1e-12;
  const double at_floor = emissions(floor);
  if (at_floor <= limit) return {floor, at_floor, true};
  const double at_ceiling = emissions(ceiling);
  if (at_ceiling > limit) return {ceiling, at_ceiling, false};
  double lo = floor, hi = ceiling, e_hi = at_ceiling;
  while (hi - lo > tolerance) {
    const double mid = 0.5 * (lo + hi);
    const double e = emissions(mid);
    if (e <= limit) {
      hi = mid;
      e_hi = e;
    } else {
      lo = mid;
    }
  }
  return {hi, e_hi, true};
}

} // namespace steelpath
