#include "sim/green_market.hpp"

#include <algorithm>

namespace steelpath {

double near_zero_threshold(const Market& market, double scrap_intensity) {
  const double scrap_share = std::clamp(scrap_intensity / kMetallicCharge, 0.0, 1.0);
  return market.near_zero_intensity -
         (market.near_zero_intensity - market.near_zero_intensity_scrap) * scrap_share;
}

namespace {

// The voluntary buyers' share at premium p: 1 at 0, knee_share at the knee,
// 0 at the maximum, linear in between.
double voluntary_share(const GreenBuyers& b, double p) {
  if (!(b.max_premium > 0.0) || p >= b.max_premium) return 0.0;
  if (p <= 0.0) return 1.0;
  if (p <= b.knee_premium) return 1.0 - (1.0 - b.knee_share) * p / b.knee_premium;
  return b.knee_share * (b.max_premium - p) / (b.max_premium - b.knee_premium);
}

// Its inverse: the highest premium at which at least share x pays.
double voluntary_premium(const GreenBuyers& b, double x) {
  if (!(b.max_premium > 0.0) || x >= 1.0) return 0.0;
  if (x <= 0.0) return b.max_premium;
  if (x >= b.knee_share) return b.knee_premium * (1.0 - x) / (1.0 - b.knee_share);
  return b.max_premium - x * (b.max_premium - b.knee_premium) / b.knee_share;
}

} // namespace

double green_share(const GreenDemand& d, double premium) {
  const double voluntary = voluntary_share(d.buyers, premium);
  return d.mandate > 0.0 && premium <= d.penalty ? std::max(voluntary, d.mandate) : voluntary;
}

double green_premium(const GreenDemand& d, double supply_share) {
  const double voluntary = voluntary_premium(d.buyers, supply_share);
  // Up to the mandate's share, mandated buyers bid up to the penalty.
  return d.mandate > 0.0 && supply_share <= d.mandate ? std::max(voluntary, d.penalty) : voluntary;
}

GreenDemand green_demand(const Scenario& s, std::size_t r, std::size_t y) {
  GreenDemand d;
  d.buyers = s.regions[r].green_buyers;
  if (const auto& p = s.policy.procurement)
    if (std::find(p->regions.begin(), p->regions.end(), static_cast<int>(r)) != p->regions.end()) {
      d.mandate = p->share[y];
      d.penalty = p->penalty;
    }
  return d;
}

} // namespace steelpath
