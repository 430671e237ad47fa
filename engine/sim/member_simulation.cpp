#include "sim/member_simulation.hpp"

#include "model/errors.hpp"
#include "sim/investment_decision.hpp"

#include <algorithm>

namespace steelpath {

MemberSimulation::MemberSimulation(const Scenario& scenario) : scenario_(scenario) {
  const auto problems = check_consistency(scenario);
  if (!problems.empty()) {
    std::string msg = "inconsistent scenario:";
    for (const auto& p : problems) msg += "\n  " + p;
    throw ModelError(msg);
  }
  costs_ = build_cost_tables(scenario);
  // Inputs are bounded, so this holds unless a new code path overflows.
  if (!costs_.marginal_cost.allFinite() || !costs_.lcos_reline.allFinite() || !costs_.lcos_switch.allFinite())
    throw ModelError("cost tables are not finite: check prices, capex and the carbon price");
  const std::size_t n_blocks = scenario.regions.size() * scenario.technologies.size();
  blocks_.resize(n_blocks);
  block_production_.resize(n_blocks);
  order_.resize(scenario.technologies.size());
  allowed_.resize(scenario.technologies.size());
  scrap_commitment_.resize(scenario.regions.size());
}

void MemberSimulation::run(MemberResult& out) {
  const Scenario& s = scenario_;
  out.reset(s.horizon, s.technologies.size(), s.regions.size());
  fleet_.reset(s);
  out.unit_years = fleet_.size() * s.horizon.size();
  // At most one decision per unit per shortest campaign (plus the first
  // year): reserved once, so the year loop does not allocate.
  int shortest = s.horizon.last_year - s.horizon.first_year + 1;
  for (const auto& t : s.technologies) shortest = std::min(shortest, t.campaign_years);
  out.decisions.reserve(fleet_.size() * (s.horizon.size() / static_cast<std::size_t>(shortest) + 2));

  // Expected scrap use of the starting fleet, which bounds later switches to
  // scrap routes: capacity x expected utilisation x scrap per tonne.
  std::fill(scrap_commitment_.begin(), scrap_commitment_.end(), 0.0);
  for (std::size_t i = 0; i < fleet_.size(); ++i)
    scrap_commitment_[static_cast<std::size_t>(fleet_.region[i])] +=
        fleet_.capacity[i] * s.finance.expected_utilisation * costs_.scrap_intensity(fleet_.technology[i]);

  for (std::size_t yi = 0; yi < s.horizon.size(); ++yi) {
    const int year = s.horizon.year(yi);
    const auto y = static_cast<Eigen::Index>(yi);
    start_planned_units(year);
    take_decisions(year, y, out);
    dispatch_regions(y, out);
    out.carbon_price[yi] = s.policy.carbon_price[yi];
  }
}

void MemberSimulation::start_planned_units(int year) {
  for (std::size_t i = 0; i < fleet_.size(); ++i)
    if (fleet_.status[i] == UnitStatus::planned && fleet_.start_year[i] <= year)
      fleet_.status[i] = UnitStatus::operating;
}

void MemberSimulation::take_decisions(int year, Eigen::Index y, MemberResult& out) {
  const Scenario& s = scenario_;
  const std::size_t n_tech = s.technologies.size();
  const double u = s.finance.expected_utilisation;
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    if (fleet_.status[i] != UnitStatus::operating || fleet_.next_decision_year[i] > year) continue;
    const int current = fleet_.technology[i];
    const auto r = static_cast<std::size_t>(fleet_.region[i]);
    const double cap = fleet_.capacity[i];
    const double own_scrap = cap * u * costs_.scrap_intensity(current);
    const double supply = s.regions[r].scrap_supply[static_cast<std::size_t>(y)];
    for (std::size_t k = 0; k < n_tech; ++k) {
      const auto& tech = s.technologies[k];
      bool ok = tech.available_from <= year;
      const double need = cap * u * costs_.scrap_intensity(static_cast<Eigen::Index>(k));
      // A scrap route is open only if the region's scrap can feed it as well
      // as the scrap units already there (this unit's own use is freed).
      if (ok && need > 0.0) ok = scrap_commitment_[r] - own_scrap + need <= supply;
      allowed_[k] = ok ? 1 : 0;
    }
    const InvestmentChoice c = choose_investment(costs_, y, current, allowed_);
    const auto& chosen = s.technologies[static_cast<std::size_t>(c.technology)];
    scrap_commitment_[r] += cap * u * costs_.scrap_intensity(c.technology) - own_scrap;
    fleet_.technology[i] = c.technology;
    fleet_.last_investment_year[i] = year;
    fleet_.next_decision_year[i] = year + chosen.campaign_years;
    out.decisions.push_back({year, static_cast<int>(i), current, c.technology, c.lcos_chosen, c.lcos_reline});
  }
}

void MemberSimulation::dispatch_regions(Eigen::Index y, MemberResult& out) {
  const Scenario& s = scenario_;
  const std::size_t n_tech = s.technologies.size();
  const auto yi = static_cast<std::size_t>(y);
  const double max_u = s.market.max_utilisation;

  for (std::size_t b = 0; b < blocks_.size(); ++b) {
    const auto k = static_cast<Eigen::Index>(b % n_tech);
    blocks_[b] = {0.0, costs_.marginal_cost(k, y), costs_.scrap_intensity(k)};
  }
  double* capacity_row = out.capacity.data() + yi * n_tech;
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    if (fleet_.status[i] != UnitStatus::operating) continue;
    const auto k = static_cast<std::size_t>(fleet_.technology[i]);
    blocks_[static_cast<std::size_t>(fleet_.region[i]) * n_tech + k].capacity += fleet_.capacity[i] * max_u;
    capacity_row[k] += fleet_.capacity[i];
  }

  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const double demand = s.regions[r].demand[yi];
    const std::span<const SupplyBlock> region_blocks(blocks_.data() + r * n_tech, n_tech);
    const std::span<double> region_prod(block_production_.data() + r * n_tech, n_tech);
    const DispatchOutcome d = dispatch(region_blocks, demand, s.regions[r].scrap_supply[yi], region_prod, order_);
    const std::size_t yr = yi * s.regions.size() + r;
    out.demand[yr] = demand;
    out.unmet_demand[yr] = d.unmet;
    out.steel_price[yr] = d.price;
    out.scrap_used[yr] = d.scrap_used;
    for (std::size_t k = 0; k < n_tech; ++k) {
      const double q = region_prod[k];
      const auto kk = static_cast<Eigen::Index>(k);
      out.production[yi * n_tech + k] += q;
      out.emissions[yi * n_tech + k] += q * costs_.direct_intensity(kk);
      out.captured[yi * n_tech + k] += q * costs_.captured_intensity(kk);
    }
  }
}

MemberResult simulate(const Scenario& scenario) {
  MemberSimulation sim(scenario);
  MemberResult out;
  sim.run(out);
  return out;
}

} // namespace steelpath
