// Capacity expansion (docs/model.md, "Capacity expansion"): where a region's
// demand three years ahead outgrows the capacity that can meet it, its
// announced projects enter first, then new units built by the companies
// present there (a D'Hondt rule over their capacity).
#include "sim/logit_choice.hpp"
#include "sim/member_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace steelpath {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

std::size_t MemberSimulation::pick_builder(std::size_t r, bool present) const {
  // Equal claims go to the company whose id sorts first, not the one
  // listed first (companies_from_fleet lists them in order of appearance).
  const std::vector<Company>& companies = scenario_.companies;
  std::size_t builder = 0;
  double best_claim = -1.0;
  for (std::size_t c = 0; c < C_; ++c) {
    double cap_c = company_capacity_[r * C_ + c];
    if (present && !(cap_c > 0.0)) continue; // no claim: some company present has one
    if (!present)
      for (std::size_t g = 0; g < R_; ++g)
        cap_c += company_capacity_[g * C_ + c];
    const double claim = present ? cap_c / (1.0 + builds_[c]) : cap_c;
    if (claim > best_claim || (claim == best_claim && companies[c].id < companies[builder].id)) {
      best_claim = claim;
      builder = c;
    }
  }
  return builder;
}

double MemberSimulation::unfed_scrap_capacity(std::size_t r, std::size_t y) const {
  if (!(max_scrap_intensity_ > 0.0)) return 0.0;
  return std::max(0.0, scrap_commitment_[r] - scenario_.regions[r].scrap_supply[y]) /
         (scenario_.market.max_utilisation * max_scrap_intensity_);
}

// Capacity of region r whose route is banned at its next decision point,
// if that comes by `ahead`, and whose company cannot fund even the cheapest
// switch this year: builders do not count on it (after its deferrals it
// closes, where the region has room; docs/model.md, "Capacity expansion").
double MemberSimulation::banned_ahead(std::size_t r, int ahead) const {
  const Scenario& s = scenario_;
  if (s.policy.blast_furnace_ban_year <= 0 || s.policy.blast_furnace_ban_year > ahead) return 0.0;
  double capacity = 0.0;
  for (const std::size_t i : fleet_.units_of_region[r]) {
    if (!in_fleet(fleet_.status[i]) || fleet_.pending_technology[i] >= 0 ||
        fleet_.next_decision_year[i] > ahead)
      continue;
    const auto k = static_cast<std::size_t>(fleet_.technology[i]);
    const int when = fleet_.next_decision_year[i];
    if (!route_banned(s, k, when)) continue;
    double cheapest = std::numeric_limits<double>::infinity(); // million USD
    for (std::size_t j = 0; j < T_; ++j) {
      const Technology& tj = s.technologies[j];
      if (j == k || route_banned(s, j, when) || tj.available_from > when) continue;
      double capex = tj.capex_switch;
      if (!tj.capex_switch_from.empty() && !std::isnan(tj.capex_switch_from[k]))
        capex = tj.capex_switch_from[k];
      cheapest = std::min(cheapest, capex * learning_.multiplier(j) * fleet_.capacity[i]);
    }
    if (!(cheapest <= finance_left_[static_cast<std::size_t>(fleet_.company[i])]))
      capacity += fleet_.capacity[i];
  }
  return capacity;
}

void MemberSimulation::count_company_capacity() {
  std::fill(company_capacity_.begin(), company_capacity_.end(), 0.0);
  for (std::size_t i = 0; i < fleet_.size(); ++i)
    if (in_fleet(fleet_.status[i]))
      company_capacity_[static_cast<std::size_t>(fleet_.region[i]) * C_ +
                        static_cast<std::size_t>(fleet_.company[i])] += fleet_.capacity[i];
}

void MemberSimulation::expand_capacity(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  const int year = s.horizon.year(y);
  const double max_u = s.market.max_utilisation;
  expect_scrap_prices(y); // after this year's decisions
  prepare_region_terms(y);
  bool shares_known = false; // company_capacity_ holds the fleet as this year's builds found it
  for (std::size_t r = 0; r < R_; ++r) {
    // Builders look three years ahead, about the time a plant takes.
    const int ahead = std::min(year + 3, s.horizon.last_year);
    const std::size_t ya = s.horizon.index(ahead);
    const double target = region_demand(s.regions[r], ya);
    // Capacity of scrap routes that the region's scrap cannot feed does not meet demand.
    double available = region_capacity_[r] - unfed_scrap_capacity(r, ya) - banned_ahead(r, ahead);
    if (!(available * max_u < target)) continue; // nothing to build
    // Shares of the fleet before the year's builds: this is the first region that builds.
    if (!shares_known) count_company_capacity();
    shares_known = true;
    // Companies present in the region share the builds in proportion to
    // their capacity there (the n-th build goes to the largest capacity / (1 +
    // builds so far), a D'Hondt rule); where none is present, the largest
    // company overall builds.
    const auto shares = company_capacity_.begin() + static_cast<std::ptrdiff_t>(r * C_);
    const bool present =
        std::any_of(shares, shares + static_cast<std::ptrdiff_t>(C_), [](double c) { return c > 0.0; });
    std::fill(builds_.begin(), builds_.end(), 0);
    const double size = s.behaviour.expansion_unit_size;
    // As many builds as the region needs to meet demand three years ahead:
    // its announced projects first (sim/member_announced.cpp), then new units.
    for (int n = 0; available * max_u < target;) { // n: new units so far (their names and draws)
      if (const double taken = take_announced(r, y, ahead, out); taken > 0.0) {
        available += taken;
        continue;
      }
      const std::size_t builder = pick_builder(r, present);
      ++builds_[builder];
      opt_lcos_.clear();
      opt_tech_.clear();
      for (std::size_t k = 0; k < T_; ++k) {
        if (!route_open(builder, r, k, year, size, 0.0, 0.0)) continue;
        opt_lcos_.push_back(
            decision_cost(Investor{builder, r, size, -1}, k, s.technologies[k].capex_greenfield, y));
        opt_tech_.push_back(static_cast<int>(k));
      }
      if (opt_lcos_.empty()) break;
      const std::size_t log_at = out.decision_lcos.size();
      out.decision_lcos.resize(log_at + T_, kNaN);
      for (std::size_t o = 0; o < opt_lcos_.size(); ++o)
        out.decision_lcos[log_at + static_cast<std::size_t>(opt_tech_[o])] = opt_lcos_[o];
      const double draw = uniform01(key_, Purpose::expansion, static_cast<std::uint32_t>(r),
                                    static_cast<std::uint32_t>(year), static_cast<std::uint32_t>(n));
      const std::size_t pick = logit_choose(opt_lcos_, s.behaviour.heterogeneity, draw);
      const auto k = static_cast<std::size_t>(opt_tech_[pick]);
      const Technology& t = s.technologies[k];
      pay_capex(builder, r, k, t.capex_greenfield, size, y, out);
      add_route_capacity(k, size);
      new_capacity_[k] += size;
      std::string name = "new-" + s.regions[r].id + "-" + std::to_string(year) + "-" + std::to_string(n);
      const std::size_t i =
          fleet_.add(static_cast<int>(k), static_cast<int>(r), static_cast<int>(builder), size, year,
                     year + std::max(1, t.construction_years), stream_id_of(name));
      fleet_.next_decision_year[i] = year + std::max(1, t.construction_years) + t.campaign_years;
      scrap_commitment_[r] +=
          size * s.market.max_utilisation * costs_.scrap_intensity(static_cast<Eigen::Index>(k));
      gas_commitment_[r] +=
          size * s.market.max_utilisation * costs_.gas_intensity(static_cast<Eigen::Index>(k));
      out.new_units.push_back(std::move(name));
      out.decisions.push_back({year, static_cast<int>(i), -1, static_cast<int>(k), DecisionReason::expansion,
                               DecisionAction::build, opt_lcos_[pick],
                               std::numeric_limits<double>::quiet_NaN()});
      available += size;
      region_capacity_[r] += size;
      ++n;
    }
  }
}

} // namespace steelpath
