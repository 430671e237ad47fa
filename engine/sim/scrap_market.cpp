#include "sim/scrap_market.hpp"

#include <algorithm>
#include <cmath>

namespace steelpath {

double ScrapCurve::supply(double price) const {
  const double a = std::max(available, 0.0);
  if (reference_price <= 0.0) return a; // scrap without a price: all of it
  const double p = std::max(price, floor_price());
  return std::min(a, reference_share * a * std::pow(p / reference_price, elasticity));
}

double ScrapCurve::cap_price() const {
  return reference_price * std::pow(std::max(reference_share, 1e-9), -1.0 / elasticity);
}

ScrapCurve scrap_curve(const Scenario& s, std::size_t r, std::size_t y) {
  ScrapCurve c;
  const Region& reg = s.regions[r];
  c.available = reg.scrap_supply[y];
  if (s.scrap_commodity) {
    const auto ci = static_cast<std::size_t>(*s.scrap_commodity);
    const bool own = !reg.prices.empty() && reg.prices[ci];
    c.reference_price = own ? (*reg.prices[ci])[y] : s.commodities[ci].price[y];
  }
  c.elasticity = s.market.scrap_elasticity;
  c.reference_share = s.market.scrap_reference_share;
  c.floor_share = s.market.scrap_floor_share;
  return c;
}

ScrapClearing clear_scrap(std::span<const SupplyBlock> blocks, double demand, const ScrapCurve& curve,
                          double gas_supply, std::span<SupplyBlock> priced, std::span<double> production,
                          std::span<std::size_t> order) {
  const std::size_t n = blocks.size();
  // The dispatch at price p, with the scrap the curve supplies at p.
  const auto at = [&](double p) {
    for (std::size_t k = 0; k < n; ++k) {
      priced[k] = blocks[k];
      priced[k].marginal_cost += blocks[k].scrap_intensity * (p - curve.reference_price);
    }
    return dispatch(priced.first(n), demand, curve.supply(p), production, order, gas_supply);
  };
  double lo = curve.floor_price();
  double hi = std::max(lo, curve.cap_price());
  // Scrap left over even at the floor: the price falls to the floor.
  DispatchOutcome d = at(lo);
  if (!d.scrap_bound || !(hi > lo)) return {d, lo};
  // Short even when all of A is collected: the price stays at the cap and the
  // scrap routes share A in merit order.
  d = at(hi);
  if (d.scrap_bound) return {d, hi};
  // Between: the lowest price at which the curve supplies all the scrap the
  // dispatch asks for, from above (within kTolerance), so that no block is
  // cut for scrap. Where the merit order switches at the clearing price (use
  // jumps down), the price stays at the switch and some scrap is left over.
  constexpr double kTolerance = 0.01; // USD/t scrap
  for (int i = 0; i < 40 && hi - lo > kTolerance; ++i) {
    const double mid = 0.5 * (lo + hi);
    (at(mid).scrap_bound ? lo : hi) = mid;
  }
  return {at(hi), hi};
}

} // namespace steelpath
