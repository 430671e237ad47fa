#include "sim/price_formation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace steelpath {

double scarcity_adder(double u, double level, double threshold) {
  if (!(u > threshold) || threshold >= 1.0) return 0.0;
  const double s = std::min(1.0, (u - threshold) / (1.0 - threshold));
  return level * s * s;
}

double full_cost(double marginal_cost, double opex_fixed, double capex_reline, double crf,
                 double expected_utilisation) {
  return marginal_cost + (opex_fixed + capex_reline * crf) / expected_utilisation;
}

RegionalPrice form_price(const DispatchOutcome& d, std::span<const SupplyBlock> blocks,
                         std::span<const SupplyBlock> full, double scrap_supply, double gas_supply,
                         const Market& rule, std::span<double> production, std::span<std::size_t> order) {
  RegionalPrice p;
  if (std::isnan(d.price)) {
    p.short_run = p.floor = p.price = std::numeric_limits<double>::quiet_NaN();
    return p;
  }
  double capacity = 0.0;
  for (const SupplyBlock& b : blocks)
    capacity += std::max(b.capacity, 0.0);
  // Unmet demand is scarcity at its fullest, whatever the capacity.
  const double u = d.unmet > 0.0 || capacity <= 0.0 ? 1.0 : d.produced / capacity;
  p.short_run = d.price + scarcity_adder(u, rule.scarcity_adder, rule.scarcity_threshold);
  p.floor = 0.0;
  if (rule.long_run_factor > 0.0) {
    const DispatchOutcome lr = dispatch(full, d.produced, scrap_supply, production, order, gas_supply);
    if (std::isfinite(lr.price)) p.floor = rule.long_run_factor * lr.price;
  }
  p.price = std::max(p.short_run, p.floor);
  return p;
}

} // namespace steelpath
