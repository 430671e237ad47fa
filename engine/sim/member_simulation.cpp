#include "sim/member_simulation.hpp"

#include "model/errors.hpp"
#include "sim/levelized_cost.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace steelpath {

MemberSimulation::MemberSimulation(const Scenario& scenario)
    : MemberSimulation(scenario, StreamKey{scenario.seed, 0, 0}) {}

namespace {
// The consistency check runs before any member is built from the scenario.
const Scenario& checked(const Scenario& s) {
  const auto problems = check_consistency(s);
  if (!problems.empty()) {
    std::string msg = "inconsistent scenario:";
    for (const auto& p : problems)
      msg += "\n  " + p;
    throw ModelError(msg);
  }
  return s;
}

/// Room for the new units expansion may add over the horizon: enough to meet
/// every region's peak demand with new units alone, plus one a year (a
/// reserve so the year loop rarely allocates, not a cap).
std::size_t expansion_room(const Scenario& s) {
  const double unit = std::max(1e-3, s.behaviour.expansion_unit_size * s.market.max_utilisation);
  double room = 0.0;
  for (const Region& reg : s.regions) {
    double peak = 0.0;
    for (std::size_t y = 0; y < s.horizon.size(); ++y)
      peak = std::max(peak, reg.demand[y]);
    room += std::ceil(peak / unit) + static_cast<double>(s.horizon.size());
  }
  return static_cast<std::size_t>(std::min(room, 1e7));
}
} // namespace

MemberSimulation::MemberSimulation(const Scenario& scenario, StreamKey key)
    : scenario_(checked(scenario)), key_(key), costs_(build_cost_tables(scenario)),
      route_cost_(scenario, costs_, learning_), dated_ages_(dated_ages(scenario)) {
  const Scenario& s = scenario;
  T_ = s.technologies.size();
  R_ = s.regions.size();
  C_ = s.companies.size();
  learning_.reset(s); // so option_lcos answers before the first run too
  readiness_.reset(s, learning_);
  for (const auto& v : costs_.variable_cost)
    if (!v.allFinite()) throw ModelError("variable costs are not finite: check prices");
  for (std::size_t k = 0; k < T_; ++k)
    max_scrap_intensity_ =
        std::max(max_scrap_intensity_, costs_.scrap_intensity(static_cast<Eigen::Index>(k)));
  blocks_.resize(R_ * T_);
  block_production_.resize(R_ * T_);
  order_.resize(T_);
  full_cost_.resize(T_);
  for (const Technology& t : s.technologies) // the price floor's capital charge (sim/price_formation.hpp)
    floor_crf_.push_back(capital_recovery_factor(s.finance.discount_rate, t.campaign_years));
  priced_.resize(T_);
  mix_production_.resize(T_);
  loss_years_.resize(R_ * T_);
  closure_blocks_.resize(T_);
  for (auto* v :
       {&demand_, &last_price_, &scrap_commitment_, &region_capacity_, &scrap_price_, &outlook_.scrap_premium,
        &gas_commitment_, &green_premium_, &green_rate_, &outlook_.green_supply})
    v->resize(R_);
  must_take_.resize(R_ * T_);
  price_output_.resize(T_);
  contract_share_.resize(s.policy.offtakes.size());
  if (!s.policy.offtakes.empty()) block_offtake_premium_.resize(R_ * T_);
  company_capacity_.resize(R_ * C_);
  for (auto* v : {&outlook_.internal_price, &finance_left_, &last_revenue_, &target_reference_})
    v->resize(C_);
  books_.resize(C_);
  outlook_.offtake_committed.resize(s.policy.offtakes.size());
  builds_.resize(C_);
  new_capacity_.resize(T_);
  opt_lcos_.reserve(T_ + 1);
  opt_capex_.reserve(T_ + 1);
  opt_tech_.reserve(T_ + 1);
  opt_action_.reserve(T_ + 1);
  opt_green_.reserve(T_ + 1);
}

double MemberSimulation::option_lcos(std::size_t c, std::size_t r, std::size_t k, double capex, std::size_t y,
                                     double capacity) const {
  return levelized_cost(Investor{c, r, capacity, -1}, k, capex, y);
}

// What every investor of a region and foresight expects of each route this
// year: computed once for all the options weighed in it (for the foresights
// some company has: the cost tables hold only theirs).
void MemberSimulation::prepare_region_terms(std::size_t y) {
  constexpr Foresight kForesights[] = {Foresight::perfect, Foresight::myopic, Foresight::trend};
  bool held[std::size(kForesights)] = {};
  for (const Company& co : scenario_.companies)
    held[static_cast<std::size_t>(co.foresight)] = true;
  region_terms_.resize(std::size(kForesights) * R_ * T_);
  for (const Foresight f : kForesights)
    for (std::size_t r = 0; r < R_ && held[static_cast<std::size_t>(f)]; ++r)
      for (std::size_t k = 0; k < T_; ++k)
        region_terms_[(static_cast<std::size_t>(f) * R_ + r) * T_ + k] =
            route_cost_.region_terms(f, r, k, y, outlook_);
}

void MemberSimulation::run(MemberResult& out) {
  const Scenario& s = scenario_;
  out.reset(s.horizon, T_, R_, C_, s.policy.offtakes.size());
  const std::size_t room = expansion_room(s);
  fleet_.reset(s, room);
  // Decision-log rows: at most one per unit per shortest campaign (plus the
  // first year and deferrals), reserved once so the year loop rarely allocates.
  int shortest = static_cast<int>(s.horizon.size());
  for (const auto& t : s.technologies)
    shortest = std::max(1, std::min(shortest, t.campaign_years));
  const std::size_t rows = (fleet_.size() + room / s.horizon.size() + R_) *
                           (s.horizon.size() / static_cast<std::size_t>(shortest) + 5);
  out.decisions.reserve(rows);
  out.decision_lcos.reserve(rows * T_);
  learning_.reset(s);
  std::vector<std::size_t> moved; // back to the scenario's readiness after an earlier run
  for (std::size_t k = 0; k < T_; ++k)
    if (readiness_.moved(k)) moved.push_back(k);
  readiness_.reset(s, learning_);
  for (const std::size_t k : moved)
    route_cost_.set_readiness(k, readiness_);
  outlook_.grant_pot = 0.0;
  contracts_.clear();
  offers_year_ = 0;
  const double u = s.finance.expected_utilisation;
  std::fill(scrap_commitment_.begin(), scrap_commitment_.end(), 0.0);
  std::fill(loss_years_.begin(), loss_years_.end(), 0);
  std::fill(gas_commitment_.begin(), gas_commitment_.end(), 0.0);
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    const auto k = static_cast<std::size_t>(fleet_.technology[i]);
    const int j = s.behaviour.campaign_jitter_years;
    if (j > 0) {
      const double draw = uniform01(key_, Purpose::campaign_jitter, fleet_.stream_id[i], 0);
      fleet_.jitter[i] = static_cast<int>(std::floor(draw * (2 * j + 1))) - j;
    }
    // Known or imputed relining, first decision and end of life (sim/fleet_timing.hpp).
    const UnitTiming t = unit_timing(s, dated_ages_, i, fleet_.stream_id[i], fleet_.jitter[i]);
    fleet_.last_investment_year[i] = t.last_investment_year;
    fleet_.build_year[i] = t.build_year;
    fleet_.next_decision_year[i] = t.next_decision_year;
    if (!in_fleet(fleet_.status[i])) continue; // an announced project commits nothing yet
    scrap_commitment_[static_cast<std::size_t>(fleet_.region[i])] +=
        fleet_.capacity[i] * s.market.max_utilisation * costs_.scrap_intensity(static_cast<Eigen::Index>(k));
    gas_commitment_[static_cast<std::size_t>(fleet_.region[i])] +=
        fleet_.capacity[i] * s.market.max_utilisation * costs_.gas_intensity(static_cast<Eigen::Index>(k));
  }
  std::fill(outlook_.internal_price.begin(), outlook_.internal_price.end(), 0.0);
  std::fill(target_reference_.begin(), target_reference_.end(), -1.0);
  std::fill(last_price_.begin(), last_price_.end(), std::numeric_limits<double>::quiet_NaN());
  std::fill(outlook_.scrap_premium.begin(), outlook_.scrap_premium.end(), 0.0);
  std::fill(scrap_price_.begin(), scrap_price_.end(), std::numeric_limits<double>::quiet_NaN());
  // Before any revenue is known, a company's is estimated as its capacity at
  // the expected utilisation sold at its routes' variable cost.
  std::fill(last_revenue_.begin(), last_revenue_.end(), 0.0);
  for (std::size_t i = 0; i < fleet_.size(); ++i)
    last_revenue_[static_cast<std::size_t>(fleet_.company[i])] +=
        fleet_.capacity[i] * u *
        costs_.variable_cost[static_cast<std::size_t>(fleet_.region[i])](fleet_.technology[i], 0);
  outlook_.expected_allowance = expected_allowance_price(0);
  open_books();
  queue_announced();

  for (std::size_t y = 0; y < s.horizon.size(); ++y) {
    start_year(y, out);
    if (s.policy.ets) out.expected_allowance_price[y] = outlook_.expected_allowance;
    start_units(s.horizon.year(y));
    replace_capacity(y, out);
    take_decisions(y, out);
    expand_capacity(y, out);
    clear_market(y, out);
    account(y, out);
    close_loss_makers(y, out);
    end_year(y, out);
  }
}

void MemberSimulation::start_year(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  for (std::size_t r = 0; r < R_; ++r)
    demand_[r] = region_demand(s.regions[r], y);
  if (s.policy.fund) spend_fund(y, out);
  for (std::size_t k = 0; k < T_; ++k) {
    out.capex_factor[y * T_ + k] = learning_.multiplier(k);
    out.readiness[y * T_ + k] = readiness_.level(k, true);
    out.readiness_others[y * T_ + k] = readiness_.level(k, false);
  }
  outlook_.subsidy_left = s.policy.subsidy ? s.policy.subsidy->budget[y] : 0.0;
  for (std::size_t c = 0; c < C_; ++c) {
    const Company& co = s.companies[c];
    finance_left_[c] = co.finance_limit > 0.0 ? co.finance_limit * last_revenue_[c]
                                              : std::numeric_limits<double>::infinity();
    // A debt limit: this year's net capex may take net debt up to the limit.
    const Books& b = books_[c];
    if (co.debt_limit > 0.0)
      finance_left_[c] = std::min(finance_left_[c], std::max(0.0, co.debt_limit - (b.debt - b.cash)));
    // Lenders: net debt at most leverage_limit x last year's EBITDA (none known in the first year).
    if (y > 0 && s.finance.leverage_limit > 0.0)
      finance_left_[c] =
          std::min(finance_left_[c], borrowing_headroom(b.debt, b.cash, out.company_ebitda[(y - 1) * C_ + c],
                                                        s.finance.leverage_limit));
  }
}

// The innovation fund's year (docs/model.md, "Innovation fund"): R&D on
// routes and on electrolysers is spent (its knowledge arrives after the lag:
// sim/learning.hpp; the electrolysers' is in the hydrogen cost tables), the
// demonstration share goes to the pot that grants draw on, and readiness
// follows the knowledge stocks.
void MemberSimulation::spend_fund(std::size_t y, MemberResult& out) {
  const InnovationFund& f = *scenario_.policy.fund;
  for (std::size_t k = 0; k < T_; ++k) {
    const double spend = f.budget[y] * f.allocation[k];
    out.fund_research[y * T_ + k] = spend;
    out.fund_spent[y] += spend;
  }
  out.fund_hydrogen_research[y] = f.budget[y] * f.hydrogen;
  out.fund_spent[y] += out.fund_hydrogen_research[y];
  outlook_.grant_pot += f.budget[y] * f.demonstration;
  learning_.set_year(y);
  for (std::size_t k = 0; k < T_; ++k)
    if (readiness_.update(k, learning_)) route_cost_.set_readiness(k, readiness_);
}

void MemberSimulation::start_units(int year) {
  started_.clear();
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    const UnitStatus st = fleet_.status[i];
    if ((st == UnitStatus::planned || st == UnitStatus::constructing) && fleet_.ready_year[i] <= year) {
      fleet_.status[i] = UnitStatus::operating;
      fleet_.idle_years[i] = 0;
      if (i < scenario_.units.size()) started_.push_back(i); // not a new build of expansion
    }
    if (fleet_.pending_technology[i] >= 0 && fleet_.ready_year[i] <= year) {
      fleet_.technology[i] = fleet_.pending_technology[i];
      fleet_.pending_technology[i] = -1;
      fleet_.build_year[i] = year; // the converted unit's life starts now
    }
  }
}

void MemberSimulation::end_year(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  const int year = s.horizon.year(y);
  // Company targets: the internal carbon price rises by a step in every year
  // the company's emissions are above its target path (docs/model.md).
  for (std::size_t c = 0; c < C_; ++c) {
    out.internal_price[y * C_ + c] = outlook_.internal_price[c];
    const auto& target = s.companies[c].target;
    if (!target) continue;
    const double e = out.company_emissions[y * C_ + c];
    const double q = out.company_production[y * C_ + c];
    const bool above_milestone =
        target->intensity && q > 0.0 && e / q > (*target->intensity)[y] * (1.0 + 1e-9);
    if (above_milestone) {
      outlook_.internal_price[c] =
          std::min(target->price_max, outlook_.internal_price[c] + target->price_step);
      continue;
    }
    if (target->peak_year == 0 && target->neutrality_year == 0) continue;
    const int ref_year = std::max(s.horizon.first_year, target->peak_year);
    if (year <= ref_year) target_reference_[c] = e;
    if (year < ref_year || target_reference_[c] < 0.0) continue;
    double allowed = target_reference_[c];
    if (target->neutrality_year > ref_year)
      allowed *=
          std::max(0.0, 1.0 - static_cast<double>(year - ref_year) / (target->neutrality_year - ref_year));
    else if (target->neutrality_year > 0)
      allowed = 0.0;
    if (e > allowed * (1.0 + 1e-9) + 1e-9)
      outlook_.internal_price[c] =
          std::min(target->price_max, outlook_.internal_price[c] + target->price_step);
  }
  for (std::size_t c = 0; c < C_; ++c)
    last_revenue_[c] = out.company_revenue[y * C_ + c];
  for (std::size_t r = 0; r < R_; ++r)
    last_price_[r] = out.steel_price[y * R_ + r];
  if (y + 1 < s.horizon.size()) outlook_.expected_allowance = expected_allowance_price(y + 1);
  close_books(y, out);
}

// Opening balances (docs/model.md, "Company finance"): cash is the equity
// share of one relining of each unit of the starting fleet; debt the borrowed
// share of each unit's last investment (a build if it was its last, else a
// relining) still owed over the years left of its campaign, repaid as an
// annuity over those years.
void MemberSimulation::open_books() {
  const Scenario& s = scenario_;
  const Finance& f = s.finance;
  const std::size_t Y = s.horizon.size();
  std::fill(books_.begin(), books_.end(), Books{});
  payments_.assign(C_ * Y, 0.0);
  depreciation_.assign(C_ * Y, 0.0);
  tax_losses_.assign(C_, 0.0);
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    if (fleet_.status[i] != UnitStatus::operating) continue;
    const auto c = static_cast<std::size_t>(fleet_.company[i]);
    const Technology& t = s.technologies[static_cast<std::size_t>(fleet_.technology[i])];
    const double cap = fleet_.capacity[i];
    books_[c].cash += opening_cash(f.equity_share, t.capex_reline, cap);
    const int left = fleet_.next_decision_year[i] - s.horizon.first_year;
    const double capex =
        fleet_.last_investment_year[i] == fleet_.build_year[i] ? t.capex_greenfield : t.capex_reline;
    const double debt = opening_debt(f.equity_share, capex, cap, left, t.campaign_years);
    books_[c].debt += debt;
    add_loan(std::span<double>(payments_.data() + c * Y, Y), 0, debt, f.cost_of_debt, left);
    // Its book value (the whole investment's share not yet written off) is
    // depreciated straight-line over the years left.
    if (left > 0 && (f.tax_rate > 0.0 || f.payout_ratio > 0.0))
      add_annuity(std::span<double>(depreciation_.data() + c * Y, Y), 0,
                  opening_debt(0.0, capex, cap, left, t.campaign_years) / left, left);
  }
}

// The year's cash flow: EBITDA, debt service, the equity share of net capex
// from cash and the rest borrowed, first repaid next year; then tax on the
// year's profit (after depreciation and interest, losses carried forward)
// and dividends from what is left (docs/model.md, "Company finance").
void MemberSimulation::close_books(std::size_t y, MemberResult& out) {
  const Finance& f = scenario_.finance;
  const std::size_t Y = scenario_.horizon.size();
  const double loan_crf = capital_recovery_factor(f.cost_of_debt, f.debt_tenor); // the same for every loan
  for (std::size_t c = 0; c < C_; ++c) {
    const std::size_t a = y * C_ + c;
    const double ebitda = out.company_revenue[a] - out.company_costs[a];
    const double net_capex = out.company_investment[a] - out.company_subsidies[a];
    const DebtService service = service_debt(books_[c].debt, payments_[c * Y + y], f.cost_of_debt);
    books_[c] = close_year(books_[c], ebitda, service, net_capex, f.equity_share);
    const double borrowed = (1.0 - f.equity_share) * net_capex;
    if (!(borrowed <= 0.0)) // as add_loan: a loan only of something
      add_annuity(std::span<double>(payments_.data() + c * Y, Y), y + 1, borrowed * loan_crf, f.debt_tenor);
    if (f.tax_rate > 0.0 || f.payout_ratio > 0.0) {
      const Earnings e = earnings(ebitda, depreciation_[c * Y + y], service.interest, tax_losses_[c],
                                  f.tax_rate, f.payout_ratio, books_[c].cash);
      books_[c].cash -= e.tax + e.dividends;
      tax_losses_[c] = e.losses;
      out.company_tax[a] = e.tax;
      out.company_dividends[a] = e.dividends;
      if (net_capex > 0.0)
        add_annuity(std::span<double>(depreciation_.data() + c * Y, Y), y + 1,
                    net_capex / f.depreciation_years, f.depreciation_years);
    }
    out.company_ebitda[a] = ebitda;
    out.company_cash[a] = books_[c].cash;
    out.company_debt[a] = books_[c].debt;
    out.company_interest[a] = service.interest;
  }
}

MemberResult simulate(const Scenario& scenario) {
  MemberSimulation sim(scenario);
  MemberResult out;
  sim.run(out);
  return out;
}

} // namespace steelpath
