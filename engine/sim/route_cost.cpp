#include "sim/route_cost.hpp"

#include "sim/green_market.hpp"
#include "sim/hydrogen_credit.hpp"
#include "sim/levelized_cost.hpp"

#include <algorithm>

namespace steelpath {

RouteCost::RouteCost(const Scenario& s, const CostTables& costs, const LearningState& learning)
    : scenario_(s), costs_(costs), learning_(learning), T_(s.technologies.size()) {
  // Capital recovery per company and route: the company's hurdle rate plus a
  // premium for each readiness level below 9, over the route's campaign.
  const std::size_t C = s.companies.size();
  crf_.resize(C * T_);
  for (std::size_t c = 0; c < C; ++c)
    for (std::size_t k = 0; k < T_; ++k) {
      if (c > 0 && s.companies[c].hurdle_rate == s.companies[c - 1].hurdle_rate) { // the same factors
        crf_[c * T_ + k] = crf_[(c - 1) * T_ + k];
        continue;
      }
      const Technology& t = s.technologies[k];
      const double rate = s.companies[c].hurdle_rate + s.behaviour.risk_premium_per_trl * (9 - t.readiness);
      crf_[c * T_ + k] = capital_recovery_factor(rate, t.campaign_years);
    }
  benchmark_.assign(T_, -1);
  covered_.assign(s.regions.size(), 0);
  if (s.policy.ets) {
    for (int r : s.policy.ets->regions)
      covered_[static_cast<std::size_t>(r)] = 1;
    for (std::size_t k = 0; k < T_; ++k)
      for (std::size_t f = 0; f < s.policy.ets->families.size(); ++f)
        if (s.policy.ets->families[f] == s.technologies[k].family) benchmark_[k] = static_cast<int>(f);
  }
  near_zero_.assign(T_, 0);
  for (std::size_t k = 0; k < T_; ++k) {
    const auto ki = static_cast<Eigen::Index>(k);
    near_zero_[k] = costs.direct_intensity(ki) <= near_zero_threshold(s.market, costs.scrap_intensity(ki));
  }
  for (std::size_t r = 0; r < s.regions.size(); ++r)
    green_market_ = green_market_ || s.regions[r].green_buyers.max_premium > 0.0;
  green_market_ = green_market_ || s.policy.procurement.has_value();
}

double RouteCost::allowance_slope(std::size_t k, std::size_t y) const {
  // Allowances a tonne needs, less those it earns for free. Under a cap the
  // free allocation is capped at the route's own emissions, so no route is
  // paid to produce (which would make steel prices negative). Under
  // intensity trading a unit below its benchmark sells its surplus: that is
  // the design's incentive, so the slope may be negative there.
  const double e = costs_.direct_intensity(static_cast<Eigen::Index>(k));
  if (benchmark_[k] < 0) return e;
  const EmissionsTrading& ets = *scenario_.policy.ets;
  const double b = ets.benchmarks[static_cast<std::size_t>(benchmark_[k])][y];
  if (ets.trading == EmissionsTrading::Trading::intensity) return e - b;
  return e - std::min(b, e);
}

double RouteCost::subsidy_per_capacity(std::size_t k, double capex) const {
  if (!scenario_.policy.subsidy) return 0.0;
  const CapexSubsidy& sub = *scenario_.policy.subsidy;
  return sub.share[k] * capex * learning_.multiplier(k) + sub.per_capacity[k]; // USD per (t/yr)
}

double RouteCost::grant_per_capacity(const Investor& who, std::size_t k, double capex,
                                     const CostOutlook& outlook) const {
  const Scenario& s = scenario_;
  if (!s.policy.fund || s.policy.fund->demonstration <= 0.0 || !s.companies[who.company].alliance_member)
    return 0.0;
  if (learning_.cumulative(k) >= s.technologies[k].base_capacity) return 0.0; // no longer first-of-a-kind
  const double grant = s.policy.fund->grant_share * capex * learning_.multiplier(k); // USD per (t/yr)
  return grant > 0.0 && grant * who.capacity <= outlook.grant_pot ? grant : 0.0;
}

void RouteCost::set_readiness(std::size_t k, const ReadinessState& readiness) {
  const Scenario& s = scenario_;
  for (std::size_t c = 0; c < s.companies.size(); ++c) {
    const double trl = readiness.level(k, s.companies[c].alliance_member);
    const double rate = s.companies[c].hurdle_rate + s.behaviour.risk_premium_per_trl * (9.0 - trl);
    crf_[c * T_ + k] = capital_recovery_factor(rate, s.technologies[k].campaign_years);
  }
}

double RouteCost::standard_penalty(std::size_t r, std::size_t k, std::size_t y) const {
  const Region& reg = scenario_.regions[r];
  if (!reg.intensity_standard) return 0.0;
  const double e = costs_.direct_intensity(static_cast<Eigen::Index>(k));
  return reg.intensity_penalty * std::max(0.0, e - (*reg.intensity_standard)[y]);
}

double RouteCost::storage(std::size_t k) const {
  return scenario_.policy.storage_cost * costs_.captured_intensity(static_cast<Eigen::Index>(k));
}

CostTerms RouteCost::operating(std::size_t r, std::size_t k, std::size_t y, double allowance) const {
  const auto ki = static_cast<Eigen::Index>(k);
  const auto yi = static_cast<Eigen::Index>(y);
  CostTerms t;
  t.variable = costs_.variable_cost[r](ki, yi);
  t.carbon = costs_.direct_intensity(ki) * costs_.carbon_tax[r](yi);
  t.storage = storage(k);
  if (covered_[r]) t.allowances = allowance * allowance_slope(k, y);
  t.standard_penalty = standard_penalty(r, k, y);
  return t;
}

CostTerms RouteCost::levelized(const Investor& who, std::size_t k, double capex, std::size_t y,
                               const CostOutlook& outlook) const {
  const Foresight f = scenario_.companies[who.company].foresight;
  return levelized(who, k, capex, y, outlook, region_terms(f, who.region, k, y, outlook));
}

RegionRouteTerms RouteCost::region_terms(Foresight f, std::size_t r, std::size_t k, std::size_t y,
                                         const CostOutlook& outlook) const {
  const auto yi = static_cast<Eigen::Index>(y);
  const auto ki = static_cast<Eigen::Index>(k);
  // Prices as the foresight expects them over the campaign.
  double variable = costs_.variable_cost[r](ki, yi);
  double tax = costs_.carbon_tax[r](yi);
  if (f == Foresight::perfect) {
    variable = costs_.lev_variable[r](ki, yi);
    tax = costs_.lev_carbon_tax[r](ki, yi);
  } else if (f == Foresight::trend) {
    variable = costs_.trend_variable[r](ki, yi);
    tax = costs_.trend_carbon_tax[r](ki, yi);
  }
  RegionRouteTerms t;
  // Scrap at last year's cleared price (sim/scrap_market.hpp), not the reference.
  const double scrap = outlook.scrap_premium.empty() ? 0.0 : outlook.scrap_premium[r];
  t.variable = variable + costs_.scrap_intensity(ki) * scrap;
  t.tax = tax;
  if (covered_[r]) t.allowances = outlook.expected_allowance * allowance_slope(k, y);
  t.standard_penalty = standard_penalty(r, k, y);
  t.storage = storage(k);
  return t;
}

CostTerms RouteCost::levelized(const Investor& who, std::size_t k, double capex, std::size_t y,
                               const CostOutlook& outlook, const RegionRouteTerms& region) const {
  const Scenario& s = scenario_;
  const std::size_t c = who.company;
  const double subsidy = outlook.subsidy_left > 0.0 ? subsidy_per_capacity(k, capex) : 0.0;
  const double grant = grant_per_capacity(who, k, capex, outlook);
  const double capex_paid = std::max(0.0, capex * learning_.multiplier(k) - subsidy - grant);
  CostTerms t;
  t.capital = (capex_paid * crf_[c * T_ + k] + s.technologies[k].opex_fixed) / s.finance.expected_utilisation;
  t.variable = region.variable;
  t.carbon = costs_.direct_intensity(static_cast<Eigen::Index>(k)) * (region.tax + outlook.internal_price[c]);
  t.allowances = region.allowances;
  t.standard_penalty = region.standard_penalty;
  t.storage = region.storage;
  if (s.market.green_in_investment) {
    if (!s.policy.offtakes.empty()) t.offtake_premium = offtake_premium(who, k, y, outlook);
    if (green_market_ && near_zero_[k]) t.green_premium = green_premium(who, k, y, outlook);
  }
  if (!costs_.hydrogen_credit.empty()) t.hydrogen_credit = hydrogen_credit(who, k, y);
  return t;
}

double RouteCost::hydrogen_credit(const Investor& who, std::size_t k, std::size_t y) const {
  const double kg = costs_.hydrogen_intensity(static_cast<Eigen::Index>(k)); // kg H2/t
  if (costs_.hydrogen_credit.empty() || !(kg > 0.0)) return 0.0;
  const Scenario& s = scenario_;
  const Technology& tech = s.technologies[k];
  const ProductionCredit& credit = *s.hydrogen_supply->production_credit;
  const int year = s.horizon.year(y);
  // Placed in service: the running route's own year; a rebuild in place now;
  // a switch or a new build once built (construction starts now).
  int service = year + tech.construction_years;
  if (who.current_route == static_cast<int>(k)) service = who.service_year >= 0 ? who.service_year : year;
  if (service - tech.construction_years > credit.last_start_year) return 0.0;
  const long first = static_cast<long>(service - s.horizon.first_year);
  return kg * levelized_credit(costs_.hydrogen_credit[who.region], y, tech.campaign_years, first,
                               first + credit.years, s.finance.discount_rate);
}

double RouteCost::offtake_premium(const Investor& who, std::size_t k, std::size_t y,
                                  const CostOutlook& outlook) const {
  // The premium expected on the share of the unit's output a contract can
  // still take, for the share of the campaign the contract runs.
  const Scenario& s = scenario_;
  const Technology& tech = s.technologies[k];
  const double u = s.finance.expected_utilisation;
  const double e = costs_.direct_intensity(static_cast<Eigen::Index>(k));
  const int year = s.horizon.year(y);
  double premium = 0.0;
  for (std::size_t o = 0; o < s.policy.offtakes.size(); ++o) {
    const OfftakeContract& con = s.policy.offtakes[o];
    if (static_cast<std::size_t>(con.company) != who.company || e > con.max_intensity || con.end_year < year)
      continue;
    // Other qualifying capacity of the seller already takes part of the
    // volume; the deciding unit's own does not compete with itself.
    double committed = outlook.offtake_committed[o];
    if (who.current_route >= 0 && costs_.direct_intensity(who.current_route) <= con.max_intensity)
      committed -= who.capacity * u;
    const double share = std::clamp((con.volume - committed) / std::max(who.capacity * u, 1e-9), 0.0, 1.0);
    const int overlap = std::max(0, std::min(con.end_year, year + tech.campaign_years - 1) -
                                        std::max(con.start_year, year) + 1);
    premium += con.premium * share * overlap / tech.campaign_years;
  }
  return premium;
}

double RouteCost::green_premium(const Investor& who, std::size_t k, std::size_t y,
                                const CostOutlook& outlook) const {
  const Scenario& s = scenario_;
  if (!near_zero_[k] || outlook.green_supply.empty()) return 0.0;
  // The year the route starts (a relining of a near-zero unit: now).
  const std::size_t last = s.horizon.size() - 1;
  const bool running = who.current_route == static_cast<int>(k);
  const std::size_t ys =
      running ? y : std::min(last, y + static_cast<std::size_t>(s.technologies[k].construction_years));
  const GreenDemand d = green_demand(s, who.region, ys);
  const double demand = region_demand(s.regions[who.region], ys);
  if (!d.active() || !(demand > 0.0)) return 0.0;
  // The unit's own output adds to the supply unless it is near-zero already.
  const bool counted = who.current_route >= 0 && near_zero_[static_cast<std::size_t>(who.current_route)];
  const double own = counted ? 0.0 : who.capacity * s.finance.expected_utilisation;
  return steelpath::green_premium(d, (outlook.green_supply[who.region] + own) / demand);
}

} // namespace steelpath
