// Decision points (docs/model.md, "Decisions").
#include "sim/logit_choice.hpp"
#include "sim/member_simulation.hpp"
#include "sim/scrap_market.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace steelpath {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Years an investment may wait for finance before the unit must act.
constexpr int kMaxDeferrals = 3;
} // namespace

bool MemberSimulation::route_open(std::size_t c, std::size_t r, std::size_t k, int year, double capacity,
                                  double own_scrap, double own_gas) const {
  const Scenario& s = scenario_;
  const Technology& t = s.technologies[k];
  // The fund brings a route forward for alliance members once its knowledge
  // stock crosses the route's threshold; readiness opens it to a company once
  // the level the company sees reaches Behaviour::open_readiness.
  const bool alliance = s.companies[c].alliance_member;
  const bool fund_ready =
      (alliance && t.knowledge_threshold > 0.0 && learning_.knowledge(k) >= t.knowledge_threshold) ||
      readiness_.rose_to(k, alliance, s.behaviour.open_readiness);
  if ((t.available_from > year && !fund_ready) || route_banned(s, k, year)) return false;
  if (t.max_new_capacity.size() > 0 &&
      !buildout_allows(k, capacity, t.max_new_capacity[s.horizon.index(year)]))
    return false;
  const double need =
      capacity * s.market.max_utilisation * costs_.scrap_intensity(static_cast<Eigen::Index>(k));
  if (need > 0.0 &&
      scrap_commitment_[r] - own_scrap + need > s.regions[r].scrap_supply[s.horizon.index(year)])
    return false;
  // Gas for DRI is committed the same way (PJ/yr), where the region limits it.
  const double gas = capacity * s.market.max_utilisation * costs_.gas_intensity(static_cast<Eigen::Index>(k));
  const auto& limit = s.regions[r].dri_gas_supply;
  return gas <= 0.0 || !limit ||
         gas_commitment_[r] - own_gas + gas <= (*limit)[s.horizon.index(year)] * kPetajoulePerBcm;
}

double MemberSimulation::pay_capex(std::size_t c, std::size_t r, std::size_t k, double capex, double capacity,
                                   std::size_t y, MemberResult& out, bool grant_eligible) {
  const double gross = capex * learning_.multiplier(k) * capacity; // USD/(t/yr) x Mt/yr = million USD
  // The fund's demonstration grant first (the choice counted on it), then a
  // subsidy, which never pays more than the capex left.
  const double grant =
      grant_eligible
          ? route_cost_.grant_per_capacity(Investor{c, r, capacity, -1}, k, capex, outlook_) * capacity
          : 0.0;
  if (grant > 0.0) {
    outlook_.grant_pot -= grant;
    out.fund_grants[y * T_ + k] += grant;
    out.fund_grant_capacity[y * T_ + k] += capacity;
    out.fund_spent[y] += grant;
  }
  const double request = std::min(gross - grant, route_cost_.subsidy_per_capacity(k, capex) * capacity);
  const double paid = std::min(request, std::max(0.0, outlook_.subsidy_left));
  outlook_.subsidy_left -= paid;
  out.subsidies_paid[y] += paid;
  out.subsidies_unpaid[y] += request - paid;
  out.investment[y * R_ + r] += gross;
  out.company_investment[y * C_ + c] += gross;
  out.company_subsidies[y * C_ + c] += paid + grant;
  finance_left_[c] -= gross - paid - grant;
  return gross - paid - grant;
}

void MemberSimulation::close_unit(std::size_t i, std::size_t y, DecisionReason reason, double lcos_reline,
                                  MemberResult& out) {
  const Scenario& s = scenario_;
  const int year = s.horizon.year(y);
  const auto r = static_cast<std::size_t>(fleet_.region[i]);
  const auto k = static_cast<std::size_t>(fleet_.technology[i]);
  const double cap = fleet_.capacity[i];
  fleet_.status[i] = UnitStatus::closed;
  region_capacity_[r] -= cap;
  if (year < fleet_.build_year[i] + s.technologies[k].lifetime_years) out.stranded[y] += cap;
  scrap_commitment_[r] -=
      cap * s.market.max_utilisation * costs_.scrap_intensity(static_cast<Eigen::Index>(k));
  gas_commitment_[r] -= cap * s.market.max_utilisation * costs_.gas_intensity(static_cast<Eigen::Index>(k));
  out.decisions.push_back(
      {year, static_cast<int>(i), static_cast<int>(k), -1, reason, DecisionAction::close, kNaN, lcos_reline});
}

void MemberSimulation::take_decisions(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  const int year = s.horizon.year(y);
  const double u = s.finance.expected_utilisation;
  expect_scrap_prices(y);
  count_green_supply();
  prepare_region_terms(y); // after the scrap expectation: the terms carry it
  for (std::size_t o = 0; o < s.policy.offtakes.size(); ++o) {
    const OfftakeContract& c = s.policy.offtakes[o];
    outlook_.offtake_committed[o] = 0.0;
    for (std::size_t i = 0; i < fleet_.size(); ++i)
      if (fleet_.company[i] == c.company && in_fleet(fleet_.status[i]) &&
          costs_.direct_intensity(fleet_.technology[i]) <= c.max_intensity)
        outlook_.offtake_committed[o] += fleet_.capacity[i] * u;
  }
  std::fill(new_capacity_.begin(), new_capacity_.end(), 0.0);
  // The units at a decision point decide in the order of a yearly draw, not
  // their order in the fleet (budgets shared by a company's units are spent
  // in that order). First each asks for the build-out-limited route its
  // choice would take; the limits go to the largest gains; then the units
  // decide, a limited route open only to the unit it was granted to, and a
  // refused unit waits (docs/model.md, "Build-out limits").
  find_decision_points(year);
  const std::size_t n = fleet_.size();
  option_costs_.assign(deciding_.size() * T_, OptionCost{});
  buildout_phase_ = BuildoutPhase::requests; // bids, like requests, see the year's whole limits
  hold_contract_round(y, out); // before the requests: awarded units weigh their contract's credit
  order_decisions(y);
  buildout_requests_.clear();
  buildout_request_of_.assign(n, -1);
  for (const Deciding& d : deciding_)
    request_buildout(d, y);
  grant_buildout(y);
  buildout_phase_ = BuildoutPhase::decisions;
  for (const Deciding& d : deciding_)
    decide_with_buildout(d, y, out);
  buildout_phase_ = BuildoutPhase::expansion;
}

// One pass over the fleet: each region's capacity that can produce next year
// (a plant still in the pipeline for later does not make an operating unit
// surplus) and the units at a decision point, in fleet order.
void MemberSimulation::find_decision_points(int year) {
  const Scenario& s = scenario_;
  std::fill(region_capacity_.begin(), region_capacity_.end(), 0.0);
  deciding_.clear();
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    if (ready_by_next_year(i, year))
      region_capacity_[static_cast<std::size_t>(fleet_.region[i])] += fleet_.capacity[i];
    if (fleet_.status[i] != UnitStatus::operating || fleet_.pending_technology[i] >= 0) continue;
    const Technology& t = s.technologies[static_cast<std::size_t>(fleet_.technology[i])];
    const std::size_t row = deciding_.size();
    if (year >= fleet_.build_year[i] + t.lifetime_years)
      deciding_.push_back({i, DecisionReason::end_of_life, 0.0, row});
    else if (fleet_.next_decision_year[i] <= year)
      deciding_.push_back({i, DecisionReason::campaign_end, 0.0, row});
    else if (fleet_.idle_years[i] >= s.behaviour.stranding_years)
      deciding_.push_back({i, DecisionReason::stranded, 0.0, row});
  }
}

MemberSimulation::UnitAtDecision MemberSimulation::at_decision(const Deciding& d) const {
  const std::size_t i = d.unit;
  UnitAtDecision u;
  u.unit = i;
  u.company = static_cast<std::size_t>(fleet_.company[i]);
  u.region = static_cast<std::size_t>(fleet_.region[i]);
  u.route = static_cast<std::size_t>(fleet_.technology[i]);
  u.capacity = fleet_.capacity[i];
  // Scrap is committed at full utilisation: the dispatch may run the unit
  // that hard, and a route starved of scrap leaves demand unmet.
  const double full = u.capacity * scenario_.market.max_utilisation;
  u.own_scrap = full * costs_.scrap_intensity(static_cast<Eigen::Index>(u.route));
  u.own_gas = full * costs_.gas_intensity(static_cast<Eigen::Index>(u.route));
  u.rebuild = d.reason == DecisionReason::end_of_life;
  // A stranded unit may carry on as it is (no capex), switch or close.
  u.stranded = d.reason == DecisionReason::stranded;
  u.row = d.row;
  return u;
}

// The levelized cost of one option of a deciding unit: computed again only
// where what it paid for the route, or a contract's credit, moved since the
// unit last weighed it.
double MemberSimulation::option_cost(const UnitAtDecision& u, std::size_t k, double capex, std::size_t y) {
  OptionCost& seen = option_costs_[u.row * T_ + k];
  const double multiplier = learning_.multiplier(k);
  const bool subsidised = outlook_.subsidy_left > 0.0;
  // A rebuild starts its route's life again (its hydrogen credit with it).
  // The credit depends on the unit, the route and the year only: the cache
  // is per deciding unit and route, and refilled every year.
  const Investor who{u.company, u.region, u.capacity, static_cast<int>(u.route),
                     u.rebuild ? -1 : fleet_.build_year[u.unit]};
  const double grant = route_cost_.grant_per_capacity(who, k, capex, outlook_);
  const double crf = route_cost_.crf(u.company, k);
  const double credit = offered_credit(u, k, y);
  if (seen.capex == capex && seen.multiplier == multiplier && seen.subsidised == subsidised &&
      seen.grant == grant && seen.crf == crf && seen.credit == credit)
    return seen.lcos;
  CostTerms terms = decision_terms(who, k, capex, y);
  terms.contract_credit = credit;
  seen = {terms.levelized_total(),
          capex,
          multiplier,
          subsidised,
          grant,
          crf,
          credit,
          terms.offtake_premium + terms.green_premium};
  return seen.lcos;
}

double MemberSimulation::gather_options(const UnitAtDecision& u, std::size_t y) {
  const Scenario& s = scenario_;
  const int year = s.horizon.year(y);
  const std::size_t k = u.route;
  opt_lcos_.clear();
  opt_capex_.clear();
  opt_tech_.clear();
  opt_action_.clear();
  opt_green_.clear();
  double lcos_reline = std::numeric_limits<double>::quiet_NaN();
  if (!route_banned(s, k, year)) {
    const double capex = u.rebuild    ? s.technologies[k].capex_greenfield
                         : u.stranded ? 0.0
                                      : s.technologies[k].capex_reline;
    lcos_reline = option_cost(u, k, capex, y);
    opt_lcos_.push_back(lcos_reline);
    opt_green_.push_back(option_costs_[u.row * T_ + k].green);
    opt_capex_.push_back(capex);
    opt_tech_.push_back(static_cast<int>(k));
    opt_action_.push_back(DecisionAction::reline);
  }
  for (std::size_t j = 0; j < T_; ++j) {
    if (j == k || !route_open(u.company, u.region, j, year, u.capacity, u.own_scrap, u.own_gas)) continue;
    const Technology& tj = s.technologies[j];
    double capex = u.rebuild ? tj.capex_greenfield : tj.capex_switch;
    if (!u.rebuild && !tj.capex_switch_from.empty() && !std::isnan(tj.capex_switch_from[k]))
      capex = tj.capex_switch_from[k];
    opt_lcos_.push_back(option_cost(u, j, capex, y));
    opt_green_.push_back(option_costs_[u.row * T_ + j].green);
    opt_capex_.push_back(capex);
    opt_tech_.push_back(static_cast<int>(j));
    opt_action_.push_back(DecisionAction::switch_route);
  }
  return lcos_reline;
}

void MemberSimulation::decide(const Deciding& d, std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  const int year = s.horizon.year(y);
  const UnitAtDecision unit = at_decision(d);
  const std::size_t i = unit.unit, c = unit.company, r = unit.region, k = unit.route;
  const double cap = unit.capacity;
  const DecisionReason reason = d.reason;
  const double lcos_reline = gather_options(unit, y);
  // The options weighed, for the decision log (in route order).
  const std::size_t log_at = out.decision_lcos.size();
  out.decision_lcos.resize(log_at + T_, kNaN);
  for (std::size_t o = 0; o < opt_lcos_.size(); ++o)
    out.decision_lcos[log_at + static_cast<std::size_t>(opt_tech_[o])] = opt_lcos_[o];
  // Exit: where the region keeps enough capacity without the unit, a unit
  // whose best option costs more than last year's steel price closes; so
  // does one with no option left (a ban, nothing available).
  const double available = region_capacity_[r];
  const double best = opt_lcos_.empty() ? std::numeric_limits<double>::infinity()
                                        : *std::min_element(opt_lcos_.begin(), opt_lcos_.end());
  const bool surplus =
      (available - cap) * s.market.max_utilisation >= demand_[r] * (1.0 + s.behaviour.reserve_margin);
  const bool uncompetitive = !(best <= last_price_[r]); // NaN price (none yet): not judged uncompetitive
  if (opt_lcos_.empty() || (surplus && uncompetitive && !std::isnan(last_price_[r]))) {
    close_unit(i, y, reason, lcos_reline, out);
    return;
  }
  // Finance limit: options the company cannot fund this year drop out of the
  // choice (a cheaper relining may remain: lock-in); with none left, the
  // decision waits a year.
  const double preferred = opt_lcos_.empty() ? 0.0 : best;
  int preferred_tech = -1;
  for (std::size_t o = 0; o < opt_lcos_.size(); ++o)
    if (opt_lcos_[o] == preferred && preferred_tech < 0) preferred_tech = opt_tech_[o];
  for (std::size_t o = 0; o < opt_lcos_.size(); ++o)
    if (opt_capex_[o] * learning_.multiplier(static_cast<std::size_t>(opt_tech_[o])) * cap > finance_left_[c])
      opt_lcos_[o] = std::numeric_limits<double>::infinity();
  const bool unaffordable =
      std::all_of(opt_lcos_.begin(), opt_lcos_.end(), [](double v) { return std::isinf(v); });
  if (unaffordable && fleet_.deferrals[i] < kMaxDeferrals) {
    ++fleet_.deferrals[i];
    fleet_.next_decision_year[i] = year + 1;
    out.decisions.push_back({year, static_cast<int>(i), static_cast<int>(k), preferred_tech, reason,
                             DecisionAction::defer, preferred, lcos_reline});
    return;
  }
  if (unaffordable) {
    // After kMaxDeferrals years without finance the unit cannot run on: it
    // relines on borrowed money. A unit whose route is banned cannot: where
    // the region needs its capacity it takes its cheapest switch on borrowed
    // money (the ban is a mandate; closing it would leave demand unmet, as
    // 644 Mt did in china-net-zero-2050), and where it does not, it closes.
    const bool ban = route_banned(s, k, year);
    if (ban && surplus) {
      close_unit(i, y, reason, lcos_reline, out);
      return;
    }
    const int forced = ban ? preferred_tech : static_cast<int>(k);
    for (std::size_t o = 0; o < opt_lcos_.size(); ++o)
      opt_lcos_[o] = opt_tech_[o] == forced ? 0.0 : std::numeric_limits<double>::infinity();
  }
  const double draw = uniform01(key_, Purpose::choice, fleet_.stream_id[i], static_cast<std::uint32_t>(year));
  std::size_t pick = logit_choose(opt_lcos_, s.behaviour.heterogeneity, draw);
  // A unit granted a limited route takes it: its request was this same
  // draw's choice among more options (docs/model.md, "Build-out limits").
  for (std::size_t o = 0; o < opt_lcos_.size(); ++o)
    if (opt_tech_[o] == buildout_grant_now_ && std::isfinite(opt_lcos_[o])) pick = o;
  const auto j = static_cast<std::size_t>(opt_tech_[pick]);
  if (unit.stranded && j == k) {
    fleet_.idle_years[i] = 0;         // carries on as it is, waiting for demand; not an investment
    out.decision_lcos.resize(log_at); // not a decision worth a log line
    return;
  }
  // A unit that moves from one near-zero route to another adds no near-zero capacity.
  if (opt_green_[pick] > 0.0 && (unit.rebuild || (j != k && !route_cost_.near_zero(k))) &&
      green_changed_choice(pick, draw))
    out.green_additional_capacity[y * R_ + r] += cap;
  pay_capex(c, r, j, opt_capex_[pick], cap, y, out);
  const Technology& tj = s.technologies[j];
  if (j != k || unit.rebuild) add_route_capacity(j, cap);
  if (j != k) new_capacity_[j] += cap;
  const double full = cap * s.market.max_utilisation;
  scrap_commitment_[r] += full * costs_.scrap_intensity(static_cast<Eigen::Index>(j)) - unit.own_scrap;
  gas_commitment_[r] += full * costs_.gas_intensity(static_cast<Eigen::Index>(j)) - unit.own_gas;
  fleet_.last_investment_year[i] = year;
  fleet_.idle_years[i] = 0;
  if (unit.rebuild) fleet_.build_year[i] = year;
  fleet_.deferrals[i] = 0;
  const int build_time = j != k ? tj.construction_years : 0; // a relining takes no downtime
  take_up_contract(i, j, year + build_time, y, out);
  if (build_time > 0) {
    // A brownfield conversion is built beside the running unit, which goes
    // on with its old route until the new one is ready (docs/model.md).
    fleet_.pending_technology[i] = static_cast<int>(j);
    fleet_.ready_year[i] = year + build_time;
  } else {
    if (j != k) fleet_.build_year[i] = year; // a converted unit's life starts now
    fleet_.technology[i] = static_cast<int>(j);
  }
  fleet_.next_decision_year[i] = std::max(year + 1, year + build_time + tj.campaign_years + fleet_.jitter[i]);
  out.decisions.push_back({year, static_cast<int>(i), static_cast<int>(k), static_cast<int>(j), reason,
                           opt_action_[pick], opt_lcos_[pick], lcos_reline});
}

// Whether green premiums (the market's and offtake contracts') changed a
// decision that took option `pick`: the same draw among the options without
// them picks another route (docs/model.md, "The green-steel market").
bool MemberSimulation::green_changed_choice(std::size_t pick, double draw) {
  without_green_.assign(opt_lcos_.begin(), opt_lcos_.end());
  for (std::size_t o = 0; o < without_green_.size(); ++o)
    without_green_[o] += opt_green_[o]; // inf (unaffordable) stays inf
  const std::size_t other = logit_choose(without_green_, scenario_.behaviour.heterogeneity, draw);
  return opt_tech_[other] != opt_tech_[pick];
}

} // namespace steelpath
