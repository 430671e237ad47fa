// The green-steel market of a year (docs/model.md, "The green-steel
// market"): offtake contracts' must-take output, the premium that clears
// each region's market for near-zero steel, and its accounting.
#include "sim/green_market.hpp"
#include "sim/member_simulation.hpp"

#include <algorithm>
#include <cmath>

namespace steelpath {

namespace {
constexpr double kPremiumTolerance = 0.01; // USD/t: the bisection's bracket on the green premium
} // namespace

// Near-zero capacity per region that investors see at the start of the
// year's decisions: units built or being built (a conversion counts as its
// new route), at the expected utilisation.
void MemberSimulation::count_green_supply() {
  if (!route_cost_.green_market()) return;
  std::fill(outlook_.green_supply.begin(), outlook_.green_supply.end(), 0.0);
  const double u = scenario_.finance.expected_utilisation;
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    if (!in_fleet(fleet_.status[i])) continue;
    const int k = fleet_.pending_technology[i] >= 0 ? fleet_.pending_technology[i] : fleet_.technology[i];
    if (route_cost_.near_zero(static_cast<std::size_t>(k)))
      outlook_.green_supply[static_cast<std::size_t>(fleet_.region[i])] += fleet_.capacity[i] * u;
  }
}

// Each contract running in year index y takes its seller's qualifying
// output, in proportion to the qualifying units' capacity, up to its volume;
// a unit's takes together are at most what it can make.
void MemberSimulation::set_must_take(std::size_t y) {
  const Scenario& s = scenario_;
  const int year = s.horizon.year(y);
  const double max_u = s.market.max_utilisation;
  std::fill(must_take_.begin(), must_take_.end(), 0.0);
  unit_take_.assign(fleet_.size(), 0.0);
  bool any = false;
  for (std::size_t o = 0; o < s.policy.offtakes.size(); ++o) {
    const OfftakeContract& c = s.policy.offtakes[o];
    contract_share_[o] = 0.0;
    if (year < c.start_year || year > c.end_year) continue;
    double qualifying = 0.0;
    for (std::size_t i = 0; i < fleet_.size(); ++i)
      if (takes(c, i)) qualifying += fleet_.capacity[i] * max_u;
    if (!(qualifying > 0.0)) continue;
    contract_share_[o] = std::min(1.0, c.volume / qualifying);
    for (std::size_t i = 0; i < fleet_.size(); ++i)
      if (takes(c, i)) unit_take_[i] += fleet_.capacity[i] * max_u * contract_share_[o];
    any = true;
  }
  if (!any) return;
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    if (!(unit_take_[i] > 0.0)) continue;
    unit_take_[i] = std::min(unit_take_[i], fleet_.capacity[i] * max_u);
    const auto r = static_cast<std::size_t>(fleet_.region[i]);
    must_take_[r * T_ + static_cast<std::size_t>(fleet_.technology[i])] += unit_take_[i];
  }
}

bool MemberSimulation::takes(const OfftakeContract& c, std::size_t i) const {
  return fleet_.status[i] == UnitStatus::operating && fleet_.company[i] == c.company &&
         costs_.direct_intensity(fleet_.technology[i]) <= c.max_intensity;
}

// Near-zero output of region r's last dispatch outside the contracts, Mt.
double MemberSimulation::green_output(std::size_t r) const {
  double g = 0.0;
  for (std::size_t k = 0; k < T_; ++k)
    if (route_cost_.near_zero(k)) {
      const double q = block_production_[r * T_ + k];
      g += q - std::min(q, must_take_[r * T_ + k]);
    }
  return g;
}

// The premium that clears region r's market for near-zero steel in year
// index y: near-zero blocks are offered at their cost less the premium p, so
// their output G(p) rises with p while the premium buyers pay for it,
// P(G), falls; p - P(G(p)) rises, and bisection finds its zero.
void MemberSimulation::clear_green_premium(std::size_t r, std::size_t y, double allowance) {
  const GreenDemand d = green_demand(scenario_, r, y);
  const double demand = demand_[r];
  if (!d.active() || !(demand > 0.0)) {
    green_premium_[r] = 0.0;
    return;
  }
  double near_zero = 0.0;
  for (std::size_t k = 0; k < T_; ++k)
    if (route_cost_.near_zero(k)) near_zero += blocks_[r * T_ + k].capacity;
  if (!(near_zero > 0.0)) { // nothing to sell: what the buyers bid for the first tonne
    green_premium_[r] = green_premium(d, 0.0);
    return;
  }
  const auto gap = [&](double p) {
    green_premium_[r] = p;
    (void)dispatch_region(r, y, allowance);
    return p - green_premium(d, green_output(r) / demand);
  };
  double lo = 0.0, hi = std::max(d.buyers.max_premium, d.mandate > 0.0 ? d.penalty : 0.0);
  if (gap(lo) >= 0.0) { // enough near-zero steel runs without a premium
    green_premium_[r] = 0.0;
    return;
  }
  if (gap(hi) <= 0.0) { // every near-zero tonne runs and buyers still pay the most
    green_premium_[r] = hi;
    return;
  }
  while (hi - lo > kPremiumTolerance) {
    const double mid = 0.5 * (lo + hi);
    (gap(mid) < 0.0 ? lo : hi) = mid;
  }
  green_premium_[r] = hi; // where the output jumps, the side that dispatches it
}

// After the final dispatch: what the green market sold at what premium, the
// mandate's shortfall, the premium per t of near-zero output (booked to the
// units), and what each offtake contract took.
void MemberSimulation::book_green_market(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  for (std::size_t r = 0; r < R_; ++r) {
    green_rate_[r] = 0.0;
    const GreenDemand d = green_demand(s, r, y);
    if (!d.active()) continue;
    const std::size_t yr = y * R_ + r;
    const double p = green_premium_[r];
    const double g = green_output(r);
    // Where demand is vertical (the mandate at its penalty) the premium
    // clears at the step: buyers just below it take what runs.
    const double sold = std::min(g, green_share(d, std::max(0.0, p - kPremiumTolerance)) * demand_[r]);
    out.green_volume[yr] = sold;
    out.green_premium[yr] = p;
    out.green_premium_paid[yr] = sold * p; // Mt x USD/t = million USD
    out.green_shortfall[yr] = std::max(0.0, d.mandate * demand_[r] - g);
    out.green_penalty_paid[yr] = out.green_shortfall[yr] * d.penalty; // Mt x USD/t = million USD
    if (g > 0.0) green_rate_[r] = sold * p / g;
  }
  const double max_u = s.market.max_utilisation;
  const std::size_t O = s.policy.offtakes.size();
  if (O > 0) std::fill(block_offtake_premium_.begin(), block_offtake_premium_.end(), 0.0);
  for (std::size_t o = 0; o < O; ++o) {
    if (!(contract_share_[o] > 0.0)) continue;
    const OfftakeContract& c = s.policy.offtakes[o];
    // What each of the seller's qualifying units delivered under it, and the
    // premium per block, for the closure rule.
    double served = 0.0;
    for (std::size_t i = 0; i < fleet_.size(); ++i) {
      if (!takes(c, i)) continue;
      const double q = fleet_.capacity[i] * max_u * contract_share_[o] * taken_share(i);
      served += q;
      block_offtake_premium_[static_cast<std::size_t>(fleet_.region[i]) * T_ +
                             static_cast<std::size_t>(fleet_.technology[i])] += q * c.premium;
    }
    served = std::min(served, c.volume); // the shares' sum may round a few ulps above the volume
    out.offtake_volume[y * O + o] = served;
    out.offtake_premium[y * O + o] = served * c.premium;
    out.company_revenue[y * C_ + static_cast<std::size_t>(c.company)] += served * c.premium;
  }
}

// The share of its must-take output unit i's block made, 0..1 (0: none asked).
double MemberSimulation::taken_share(std::size_t i) const {
  const std::size_t b =
      static_cast<std::size_t>(fleet_.region[i]) * T_ + static_cast<std::size_t>(fleet_.technology[i]);
  return must_take_[b] > 0.0 ? std::min(1.0, block_production_[b] / must_take_[b]) : 0.0;
}

// What offtake contracts took from unit i this year, Mt.
double MemberSimulation::taken_output(std::size_t i) const {
  const double share = taken_share(i);
  return share > 0.0 ? unit_take_[i] * share : 0.0;
}

// What a t of block (r, k)'s output earned above the steel price this year:
// the green premium (near-zero output) and offtake premiums, USD/t.
double MemberSimulation::premium_earned(std::size_t r, std::size_t k) const {
  double earned = route_cost_.near_zero(k) ? green_rate_[r] : 0.0;
  const double q = block_production_[r * T_ + k];
  if (!block_offtake_premium_.empty() && q > 0.0) earned += block_offtake_premium_[r * T_ + k] / q;
  return earned;
}

} // namespace steelpath
