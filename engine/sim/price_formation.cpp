#include "sim/price_formation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace steelpath {

namespace {
/// Output below this (Mt, a tenth of a tonne) does not make a block "kept": rounding in the dispatch.
constexpr double kProducing = 1e-7;
} // namespace

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
                         std::span<const double> full_cost, std::span<const double> production,
                         const Market& rule) {
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
    // The capacity the market keeps is the capacity that produced this year.
    double dearest = 0.0;
    for (std::size_t k = 0; k < blocks.size(); ++k)
      if (production[k] > kProducing) dearest = std::max(dearest, full_cost[k]);
    p.floor = rule.long_run_factor * dearest;
  }
  p.price = std::max(p.short_run, p.floor);
  return p;
}

} // namespace steelpath
