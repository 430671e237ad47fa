#include "sim/scrap_market.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

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

double ScrapCurve::price_for(double q) const {
  const double a = std::max(available, 0.0);
  if (reference_price <= 0.0 || !(a > 0.0)) return std::max(reference_price, 0.0);
  const double p = reference_price * std::pow(std::max(q, 0.0) / (reference_share * a), 1.0 / elasticity);
  return std::clamp(p, floor_price(), std::max(floor_price(), cap_price()));
}

double ScrapCurve::collection_cost(double q) const {
  const double a = std::max(available, 0.0);
  if (reference_price <= 0.0 || !(a > 0.0)) return 0.0;
  q = std::clamp(q, 0.0, a);
  const double at_floor = std::min(q, supply(floor_price())); // collected at the floor price
  double cost = floor_price() * at_floor;
  if (q > at_floor) {
    // The integral of p0 (s / phi A)^(1/eps) ds from at_floor to q.
    const double base = reference_share * a, power = 1.0 + 1.0 / elasticity;
    cost += reference_price * base / power * (std::pow(q / base, power) - std::pow(at_floor / base, power));
  }
  return cost;
}

ScrapCurve scrap_curve(const Scenario& s, std::size_t r, std::size_t y) {
  ScrapCurve c;
  const Region& reg = s.regions[r];
  c.available = reg.scrap_supply[y];
  if (s.scrap_commodity) {
    c.reference_price = s.price_path(r, static_cast<std::size_t>(*s.scrap_commodity))[y];
  }
  c.elasticity = s.market.scrap_elasticity;
  c.reference_share = s.market.scrap_reference_share;
  c.floor_share = s.market.scrap_floor_share;
  return c;
}

namespace {

// The dispatch at the clearing price p* in [lo, hi] (hi - lo within the
// tolerance). Where the merit order switches at p*, the dispatch just above
// (at hi) leaves scrap over and the one just below (at lo, unlimited scrap)
// wants more than there is; both are least-cost at p*, and so is their mix
// lambda x below + (1 - lambda) x above: lambda makes scrap use equal S(hi).
DispatchOutcome blend_at_switch(std::span<const SupplyBlock> blocks, double demand, const ScrapCurve& curve,
                                double gas_supply, std::pair<double, double> bracket,
                                std::span<SupplyBlock> priced, std::span<double> production,
                                std::span<std::size_t> order, std::span<double> scratch) {
  const std::size_t n = blocks.size();
  const auto price_at = [&](double p) {
    for (std::size_t k = 0; k < n; ++k) {
      priced[k] = blocks[k];
      priced[k].marginal_cost += blocks[k].scrap_intensity * (p - curve.reference_price);
    }
  };
  const auto [lo, hi] = bracket;
  price_at(hi);
  DispatchOutcome above = dispatch(priced.first(n), demand, curve.supply(hi), production, order, gas_supply);
  const double left = curve.supply(hi) - above.scrap_used;
  if (scratch.size() < n || !(left > 1e-9 * std::max(1.0, demand))) return above;
  std::copy(production.begin(), production.begin() + static_cast<std::ptrdiff_t>(n), scratch.begin());
  price_at(lo);
  const DispatchOutcome below = dispatch(priced.first(n), demand, std::numeric_limits<double>::infinity(),
                                         production, order, gas_supply);
  price_at(hi); // costs (and the steel price) at the clearing price
  if (!(below.scrap_used > above.scrap_used + left * 1e-9)) {
    std::copy(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(n), production.begin());
    return above;
  }
  const double lambda = std::min(1.0, left / (below.scrap_used - above.scrap_used));
  DispatchOutcome mix;
  bool priced_any = false;
  for (std::size_t k = 0; k < n; ++k) {
    production[k] = lambda * production[k] + (1.0 - lambda) * scratch[k];
    if (production[k] > 0.0 && (!priced_any || priced[k].offer() > mix.price)) {
      mix.price = priced[k].offer();
      priced_any = true;
    }
  }
  mix.produced = lambda * below.produced + (1.0 - lambda) * above.produced;
  mix.unmet = lambda * below.unmet + (1.0 - lambda) * above.unmet;
  mix.scrap_used = lambda * below.scrap_used + (1.0 - lambda) * above.scrap_used;
  mix.gas_used = lambda * below.gas_used + (1.0 - lambda) * above.gas_used;
  if (!priced_any) mix.price = above.price;
  return mix;
}

} // namespace

ScrapClearing clear_scrap(std::span<const SupplyBlock> blocks, double demand, const ScrapCurve& curve,
                          double gas_supply, std::span<SupplyBlock> priced, std::span<double> production,
                          std::span<std::size_t> order, std::span<double> scratch, double hint) {
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
  return {blend_at_switch(blocks, demand, curve, gas_supply, {lo, hi}, priced, production, order, scratch),
          hi};
}

} // namespace steelpath
