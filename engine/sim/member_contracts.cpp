// Carbon contracts for difference (docs/model.md, "Carbon contracts for
// difference"): the bidding round among the year's deciding units, the
// credit an offered contract puts in its route's levelized cost, take-up at
// the decision, and the yearly settlement on the unit's output.
#include "sim/member_simulation.hpp"

#include <algorithm>
#include <limits>

namespace steelpath {

double MemberSimulation::expected_carbon_price(std::size_t c, std::size_t r, std::size_t k) const {
  const auto f = static_cast<std::size_t>(scenario_.companies[c].foresight);
  const double tax = region_terms_[(f * R_ + r) * T_ + k].tax;
  return tax + (route_cost_.covered(r) ? outlook_.expected_allowance : 0.0);
}

std::optional<ContractBid> MemberSimulation::contract_bid(const UnitAtDecision& u, std::size_t y) {
  const Scenario& s = scenario_;
  const CarbonContracts& cc = *s.policy.carbon_contracts;
  const double reference = costs_.direct_intensity(cc.reference_route);
  const double limit = (1.0 - cc.min_cut) * reference;
  // Only a unit on a conventional route has emissions to avoid.
  if (costs_.direct_intensity(static_cast<Eigen::Index>(u.route)) <= limit) return std::nullopt;
  gather_options(u, y);
  // The cheapest new qualifying route against the cheapest other option.
  double best_new = std::numeric_limits<double>::infinity();
  double best_other = std::numeric_limits<double>::infinity();
  int route = -1;
  for (std::size_t o = 0; o < opt_lcos_.size(); ++o) {
    const int j = opt_tech_[o];
    const bool qualifies = costs_.direct_intensity(j) <= limit;
    if (qualifies && opt_lcos_[o] < best_new) {
      best_new = opt_lcos_[o];
      route = j;
    } else if (!qualifies) {
      best_other = std::min(best_other, opt_lcos_[o]);
    }
  }
  // None, or it is the cheapest already: a contract would add nothing.
  if (route < 0 || !(best_new > best_other)) return std::nullopt;
  const auto j = static_cast<std::size_t>(route);
  const double avoided = reference - costs_.direct_intensity(route);
  const double share = contract_term_share(cc.years, s.technologies[j].campaign_years);
  const double price = expected_carbon_price(u.company, u.region, j);
  // The bidder marks up its funding gap (strike - expected price) by the margin.
  const double strike = price + (break_even_strike(best_new - best_other, price, avoided, share) - price) *
                                    (1.0 + cc.bid_margin);
  if (!(strike <= cc.max_strike)) return std::nullopt;
  const double output = u.capacity * s.finance.expected_utilisation;
  return ContractBid{u.unit,  fleet_.stream_id[u.unit],
                     route,   strike,
                     avoided, expected_payments(strike, price, avoided, output, cc.years)};
}

void MemberSimulation::hold_contract_round(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  const int year = s.horizon.year(y);
  if (!s.policy.carbon_contracts || !s.policy.carbon_contracts->round_in(year)) return;
  const CarbonContracts& cc = *s.policy.carbon_contracts;
  bids_.clear();
  for (const Deciding& d : deciding_) {
    const UnitAtDecision u = at_decision(d);
    if (std::find(cc.regions.begin(), cc.regions.end(), static_cast<int>(u.region)) == cc.regions.end())
      continue;
    if (const auto bid = contract_bid(u, y)) bids_.push_back(*bid);
  }
  out.ccfd_committed[y] = award_round(bids_, cc.budget);
  double strikes = 0.0;
  int awarded = 0;
  for (const ContractBid& b : bids_) {
    if (!b.awarded) continue;
    contracts_.push_back(
        {b.unit, static_cast<std::size_t>(b.route), b.strike, b.avoided, year, 0, ContractState::offered});
    strikes += b.strike;
    ++awarded;
  }
  offers_year_ = year;
  out.ccfd_bids[y] = static_cast<double>(bids_.size());
  out.ccfd_awarded[y] = awarded;
  out.ccfd_strike[y] = awarded > 0 ? strikes / awarded : 0.0;
}

double MemberSimulation::offered_credit(const UnitAtDecision& u, std::size_t k, std::size_t y) const {
  const int year = scenario_.horizon.year(y);
  if (contracts_.empty() || offers_year_ != year) return 0.0;
  for (const HeldContract& h : contracts_) {
    if (h.award_year != year || h.unit != u.unit || h.route != k || h.state != ContractState::offered)
      continue;
    const CarbonContracts& cc = *scenario_.policy.carbon_contracts;
    const double share = contract_term_share(cc.years, scenario_.technologies[k].campaign_years);
    return contract_credit(h.strike, expected_carbon_price(u.company, u.region, k), h.avoided, share);
  }
  return 0.0;
}

void MemberSimulation::take_up_contract(std::size_t i, std::size_t j, int start, std::size_t y,
                                        MemberResult& out) {
  const int year = scenario_.horizon.year(y);
  if (contracts_.empty() || offers_year_ != year) return;
  for (HeldContract& h : contracts_) {
    if (h.award_year != year || h.unit != i || h.state != ContractState::offered) continue;
    if (h.route == j) {
      h.state = ContractState::built;
      h.start_year = start;
      out.ccfd_built[y] += fleet_.capacity[i];
    } else {
      h.state = ContractState::lapsed;
    }
  }
}

void MemberSimulation::settle_contracts(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  if (!s.policy.carbon_contracts) return;
  const CarbonContracts& cc = *s.policy.carbon_contracts;
  const int year = s.horizon.year(y);
  for (const HeldContract& h : contracts_) {
    const std::size_t i = h.unit;
    if (h.state != ContractState::built || year < h.start_year || year >= h.start_year + cc.years) continue;
    if (fleet_.status[i] != UnitStatus::operating || fleet_.technology[i] != static_cast<int>(h.route))
      continue;
    const auto r = static_cast<std::size_t>(fleet_.region[i]);
    const double price =
        costs_.carbon_tax[r](static_cast<Eigen::Index>(y)) + (route_cost_.covered(r) ? allowance_ : 0.0);
    const double q = fleet_.production[i];
    const double pay = contract_payment(h.strike, price, h.avoided, q, cc.two_way);
    if (pay >= 0.0)
      out.ccfd_paid[y] += pay;
    else
      out.ccfd_clawback[y] -= pay;
    out.ccfd_avoided[y] += h.avoided * q;
    out.company_revenue[y * C_ + static_cast<std::size_t>(fleet_.company[i])] += pay;
  }
}

} // namespace steelpath
