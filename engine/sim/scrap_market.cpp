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
                          std::span<std::size_t> order, double hint) {
  const std::size_t n = blocks.size();
  // The dispatch at price p, with the scrap the curve supplies at p.
  const auto at = [&](double p) {
    for (std::size_t k = 0; k < n; ++k) {
      priced[k] = blocks[k];
      priced[k].marginal_cost += blocks[k].scrap_intensity * (p - curve.reference_price);
    }
    return dispatch(priced.first(n), demand, curve.supply(p), production, order, gas_supply);
  };
  // Invariant: the market is short at lo (unless lo is the floor, not yet
  // tried) and not short at hi (once hi_known). Short at p means short at
  // every lower price: scrap demand falls and supply rises in p.
  double lo = curve.floor_price();
  double hi = std::max(lo, curve.cap_price());
  bool lo_known = false, hi_known = false;
  // Two dispatches around the hint (the last clearing) usually bracket the price.
  constexpr double kBand = 2.0; // USD/t scrap
  if (std::isfinite(hint) && hint - kBand > lo && hint + kBand < hi) {
    if (at(hint - kBand).scrap_bound) {
      lo = hint - kBand;
      lo_known = true;
      if (!at(hint + kBand).scrap_bound) {
        hi = hint + kBand;
        hi_known = true;
      } else {
        lo = hint + kBand;
      }
    } else {
      hi = hint - kBand;
      hi_known = true;
    }
  }
  if (!lo_known) {
    // Scrap left over even at the floor: the price falls to the floor.
    const DispatchOutcome d = at(lo);
    if (!d.scrap_bound || !(hi > lo)) return {d, lo};
  }
  if (!hi_known) {
    // Short even when all of A is collected: the price stays at the cap and
    // the scrap routes share A in merit order.
    const DispatchOutcome d = at(hi);
    if (d.scrap_bound) return {d, hi};
  }
  // Between: the lowest price at which the curve supplies all the scrap the
  // dispatch asks for, from above (within kTolerance), so that no block is
  // cut for scrap. Where the merit order switches at the clearing price (use
  // jumps down), the price stays at the switch and some scrap is left over.
  constexpr double kTolerance = 0.05; // USD/t scrap
  for (int i = 0; i < 40 && hi - lo > kTolerance; ++i) {
    const double mid = 0.5 * (lo + hi);
    (at(mid).scrap_bound ? lo : hi) = mid;
  }
  return {at(hi), hi};
}

} // namespace steelpath
