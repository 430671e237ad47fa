// Agent behaviour on the tiny scenario, by hand: construction, campaigns,
// exits, expansion, end of life, stranding, foresight, readiness, jitter,
// fleet-order invariance and repeatability.
#include "sim/member_simulation.hpp"

#include "../../support/result_compare.hpp"
#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace steelpath;

namespace {
Scenario base(double carbon = 0.0) {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, carbon);
  return s;
}
std::vector<Decision> of_unit(const MemberResult& r, int unit) {
  std::vector<Decision> d;
  for (const auto& x : r.decisions)
    if (x.unit == unit) d.push_back(x);
  return d;
}
} // namespace

TEST_CASE("a conversion is built beside the running unit; a relining keeps the campaign", "[sim][agents]") {
  Scenario s = base(100.0);
  s.horizon = {2025, 2040};
  s.regions[0].demand = YearSeries::constant(s.horizon, 10.0);
  s.regions[0].scrap_supply = YearSeries::constant(s.horizon, 0.0);
  s.commodities[0].price = YearSeries::constant(s.horizon, 100.0);
  s.commodities[1].price = YearSeries::constant(s.horizon, 4.0);
  s.policy.carbon_price = YearSeries::constant(s.horizon, 100.0);
  s.technologies[1].construction_years = 3;
  const MemberResult r = simulate(s);
  // u1 decides to convert in 2025; it runs as a blast furnace 2025-2027 and as h2 from 2028.
  CHECK(r.technology_production(2, 0) == Approx(10.0)); // 2027: both units still bf
  CHECK(r.technology_production(3, 1) == Approx(6.0));  // 2028: u1 makes h2
  // Its next decision comes after construction and a campaign: 2025 + 3 + 10 = 2038.
  const auto converted = of_unit(r, 0);
  REQUIRE(converted.size() == 2);
  CHECK(converted[1].year == 2038);
  // A relining takes no downtime and the next campaign starts at once:
  // 2025 + 10 = 2035; then the unit's life ends in 2040 (started 2000, 40 years).
  s.policy.carbon_price = YearSeries::constant(s.horizon, 0.0);
  const auto relines = of_unit(simulate(s), 0);
  REQUIRE(relines.size() == 3);
  CHECK(relines[0].year == 2025);
  CHECK(relines[1].year == 2035);
  CHECK(relines[2].year == 2040);
  CHECK(relines[2].reason == DecisionReason::end_of_life);
}

TEST_CASE("surplus, uncompetitive capacity exits at its decision point", "[sim][agents]") {
  // Demand 5 Mt, two 6 Mt blast furnaces. In 2030 u2 decides: the region keeps
  // 6 Mt >= 5 x 1.1 without it, and its best option (reline, 110 USD/t) costs
  // more than last year's price (100 USD/t, bf variable cost): it closes, as
  // stranded capacity (its life would end in 2040). u1 decided in 2025, when
  // there was no price yet, and relined.
  Scenario s = base(0.0);
  s.regions[0].demand = YearSeries::constant(s.horizon, 5.0);
  const MemberResult r = simulate(s);
  REQUIRE(r.decisions.size() == 2);
  CHECK(r.decisions[0].action == DecisionAction::reline);
  CHECK(r.decisions[1].action == DecisionAction::close);
  CHECK(r.decisions[1].year == 2030);
  CHECK(r.stranded[5] == Approx(6.0));
  CHECK(r.technology_capacity(5, 0) == Approx(6.0));
  CHECK(r.total_production(9) == Approx(5.0));
}

TEST_CASE("capacity expands where demand outgrows it", "[sim][agents]") {
  // Demand 10 -> 16 Mt by 2031 (linear); 12 Mt of capacity. Builders look 3
  // years ahead and add 2 Mt units until capacity covers that demand.
  Scenario s = base(0.0);
  const std::pair<int, double> pts[] = {{2025, 10.0}, {2031, 16.0}};
  s.regions[0].demand = YearSeries::interpolate(s.horizon, pts);
  const MemberResult r = simulate(s);
  std::size_t builds = 0;
  for (const auto& d : r.decisions)
    builds += d.action == DecisionAction::build ? 1 : 0;
  CHECK(builds == 2); // 12 + 2 x 2 = 16 Mt
  CHECK(r.new_units.size() == builds);
  CHECK(r.technology_capacity(9, 0) + r.technology_capacity(9, 1) == Approx(16.0));
  // The first build (2025, for 2028 demand of 13 Mt) produces from 2026.
  CHECK(r.unmet_demand[9] == 0.0);
}

TEST_CASE("end of life: rebuild at greenfield capex, convert or close", "[sim][agents]") {
  Scenario s = base(0.0);
  s.units[1].start_year = 1990; // life ends in 2030, also its campaign's end
  const auto d = of_unit(simulate(s), 1);
  REQUIRE(d.size() == 1);
  CHECK(d[0].reason == DecisionReason::end_of_life);
  CHECK(d[0].lcos_reline == Approx(500 * 0.1 + 100)); // a rebuild: greenfield capex
}

TEST_CASE("a unit idle for years decides early: here it closes", "[sim][agents]") {
  // A third unit of h2 (6 Mt at 200 USD/t) never runs while the two blast
  // furnaces (100 USD/t) cover demand; after 3 idle years it is stranded:
  // surplus, and its best option (carry on, 200 USD/t) is above the price.
  Scenario s = base(0.0);
  s.units.push_back({"u3", "p3", 0, 0, 1, 6.0, 2010, 2024});
  const auto d = of_unit(simulate(s), 2);
  REQUIRE(d.size() == 1);
  CHECK(d[0].reason == DecisionReason::stranded);
  CHECK(d[0].action == DecisionAction::close);
  CHECK(d[0].year == 2028);
}

TEST_CASE("foresight: perfect sees a coming carbon price, myopic does not", "[sim][agents]") {
  // 0 until 2029, 200 from 2030: over u1's 2025-2034 campaign the levelized
  // price is 100 (r = 0): bf 110 + 2 x 100 = 310 > 250 -> switch; a myopic
  // company sees 0: 110 < 250 -> reline.
  Scenario s = base(0.0);
  const std::pair<int, double> pts[] = {{2029, 0.0}, {2030, 200.0}};
  s.policy.carbon_price = YearSeries::interpolate(s.horizon, pts);
  CHECK(simulate(s).decisions[0].to_technology == 1);
  s.companies[0].foresight = Foresight::myopic;
  CHECK(simulate(s).decisions[0].to_technology == 0);
}

TEST_CASE("a risk premium for less mature routes", "[sim][agents]") {
  // h2 at readiness 6 with 0.05 per level: rate 0.15, CRF(0.15, 10) = 0.199252;
  // h2 = 500 x 0.199252 + 200 = 299.63 > bf 110 + 2 x 80 = 270 -> reline
  // (without the premium: 250 < 270 -> switch).
  Scenario s = base(80.0);
  CHECK(simulate(s).decisions[0].to_technology == 1);
  s.technologies[1].readiness = 6;
  s.behaviour.risk_premium_per_trl = 0.05;
  const MemberResult r = simulate(s);
  CHECK(r.decisions[0].to_technology == 0);
  CHECK(MemberSimulation(s).option_lcos(0, 0, 1, 500.0, 0, 6.0) == Approx(299.626).epsilon(1e-5));
}

TEST_CASE("campaign jitter moves decisions within its range, by the seed", "[sim][agents]") {
  Scenario s = base(0.0);
  s.behaviour.campaign_jitter_years = 2;
  std::vector<int> first_years;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    s.seed = seed;
    const auto d = of_unit(simulate(s), 1); // u2: 2030 +- 2
    REQUIRE_FALSE(d.empty());
    CHECK(d[0].year >= 2028);
    CHECK(d[0].year <= 2032);
    first_years.push_back(d[0].year);
  }
  std::sort(first_years.begin(), first_years.end());
  CHECK(std::unique(first_years.begin(), first_years.end()) - first_years.begin() >= 3);
}

TEST_CASE("results do not depend on the order of units in the fleet", "[sim][agents]") {
  Scenario s = base(70.0);
  s.behaviour.heterogeneity = 40.0;
  s.behaviour.campaign_jitter_years = 2;
  s.units.push_back({"u3", "p3", 0, 0, 0, 3.0, 2000, 2012});
  s.units.push_back({"u4", "p4", 0, 0, 0, 2.0, 2000, 2017});
  Scenario rev = s;
  std::reverse(rev.units.edit().begin(), rev.units.edit().end());
  const MemberResult a = simulate(s);
  const MemberResult b = simulate(rev);
  const double ea = std::accumulate(a.emissions.begin(), a.emissions.end(), 0.0);
  const double eb = std::accumulate(b.emissions.begin(), b.emissions.end(), 0.0);
  CHECK(ea == Approx(eb).epsilon(1e-12));
  CHECK(a.decisions.size() == b.decisions.size());
}

TEST_CASE("a per-capacity subsidy lowers the levelized cost by its annuity", "[sim][agents]") {
  // 100 USD per t/yr of h2: 100 x CRF 0.1 = 10 USD/t less: 240 < bf 110 + 2 x 67 = 244 -> switch.
  Scenario s = base(67.0);
  CHECK(simulate(s).decisions[0].to_technology == 0);
  s.policy.subsidy = CapexSubsidy{{0.0, 0.0}, {0.0, 100.0}, YearSeries::constant(s.horizon, 1e6)};
  const MemberResult r = simulate(s);
  CHECK(r.decisions[0].to_technology == 1);
  CHECK(r.subsidies_paid[0] == Approx(600.0)); // 100 USD/(t/yr) x 6 Mt/yr
}

TEST_CASE("running one simulation object twice gives identical results, every lever on", "[sim][agents]") {
  Scenario s = base(40.0);
  s.behaviour.heterogeneity = 30.0;
  s.behaviour.campaign_jitter_years = 1;
  s.technologies[1].learning_rate = 0.1;
  s.technologies[1].learning_rate_rd = 0.1;
  s.policy.fund = InnovationFund{YearSeries::constant(s.horizon, 50.0), {0.0, 1.0}, 0.1};
  s.policy.subsidy = CapexSubsidy{{0.0, 0.2}, {0.0, 0.0}, YearSeries::constant(s.horizon, 300.0)};
  s.policy.offtakes.push_back({"o", "buyer", 0, 2.0, 30.0, 0.5, 2026, 2032});
  s.companies[0].target = CompanyTarget{2025, 2040, 10.0, 100.0, std::nullopt};
  EmissionsTrading ets;
  ets.regions = {0};
  ets.cap = YearSeries::constant(s.horizon, 15.0);
  s.policy.ets = ets;
  MemberSimulation sim(s);
  MemberResult a, b;
  sim.run(a);
  sim.run(b);
  CHECK(test::identical(a, b));
  CHECK(test::identical(a, simulate(s)));
}

TEST_CASE("trend foresight extends the last five years", "[sim][agents]") {
  // Carbon price 0 in 2025 rising 10 a year. u2 decides in 2030 (price 50):
  //   myopic: 50 -> bf 110 + 100 = 210 < 250: reline;
  //   trend: 50 + 10 a year over 2030-2039, mean 95 -> 300 > 250: switch.
  Scenario s = base(0.0);
  const std::pair<int, double> pts[] = {{2025, 0.0}, {2034, 90.0}};
  s.policy.carbon_price = YearSeries::interpolate(s.horizon, pts);
  s.companies[0].foresight = Foresight::myopic;
  CHECK(of_unit(simulate(s), 1).at(0).to_technology == 0);
  s.companies[0].foresight = Foresight::trend;
  const auto d = of_unit(simulate(s), 1).at(0);
  CHECK(d.to_technology == 1);
  CHECK(d.lcos_reline == Approx(110.0 + 2 * 95.0));
}

TEST_CASE("intensity milestones raise the internal carbon price while missed", "[sim][agents]") {
  // Milestone 1.5 t CO2/t; the fleet emits 2.0 every year 2025-2029: +50 a
  // year gives 250 in 2030, above the 70 break-even: u2 switches.
  Scenario s = base(0.0);
  CompanyTarget t;
  t.price_step = 50.0;
  t.price_max = 300.0;
  t.intensity = YearSeries::constant(s.horizon, 1.5);
  s.companies[0].target = t;
  const MemberResult r = simulate(s);
  CHECK(r.internal_price[5] == Approx(250.0));
  CHECK(of_unit(r, 1).at(0).to_technology == 1);
}

TEST_CASE("conversion capex can depend on the route converted from", "[sim][agents]") {
  // h2 from bf at 300 USD/(t/yr): 300 x 0.1 + 200 = 230; bf at carbon 61: 232 -> switch
  // (at the general 500: 250 > 232 -> reline).
  Scenario s = base(61.0);
  CHECK(simulate(s).decisions.at(0).to_technology == 0);
  s.technologies[1].capex_switch_from = {300.0, std::numeric_limits<double>::quiet_NaN()};
  const MemberResult r = simulate(s);
  CHECK(r.decisions.at(0).to_technology == 1);
  CHECK(r.decisions.at(0).lcos_chosen == Approx(230.0));
}

TEST_CASE("company money adds up", "[sim][agents]") {
  // 2025: revenue 10 Mt x 100 USD/t = 1,000; costs 10 Mt x 100 = 1,000 (no
  // fixed opex); u1 relines: 100 USD/(t/yr) x 6 Mt/yr = 600 million USD.
  const MemberResult r = simulate(base(0.0));
  CHECK(r.company_revenue[0] == Approx(1000.0));
  CHECK(r.company_costs[0] == Approx(1000.0));
  CHECK(r.company_investment[0] == Approx(600.0));
  // Books (equity share 0.2, cost of debt 0.05, tenor 20): opening cash
  // 0.2 x 100 x 12 = 240; opening debt: u1's campaign ends now (0), u2 has 5
  // of 10 years left: 0.8 x 100 x 6 x 5/10 = 240, annuity 240 x CRF(5 %, 5)
  // = 55.43395. 2025: EBITDA 0, interest 12, repayment 43.43395, equity 0.2 x
  // 600 = 120: cash 240 - 12 - 43.43395 - 120 = 64.56605; debt 240 - 43.43395
  // + 480 = 676.56605.
  CHECK(r.company_ebitda[0] == Approx(0.0).margin(1e-9));
  CHECK(r.company_interest[0] == Approx(12.0));
  CHECK(r.company_cash[0] == Approx(64.56605));
  CHECK(r.company_debt[0] == Approx(676.56605));
  // 2026: annuities 55.43395 + 480 x CRF(5 %, 20) = 38.51644; interest
  // 0.05 x 676.56605 = 33.82830: cash 64.56605 - 93.95039 = -29.38434.
  CHECK(r.company_interest[1] == Approx(33.82830));
  CHECK(r.company_cash[1] == Approx(-29.38434));
  CHECK(r.company_debt[1] == Approx(676.56605 - (93.95039 - 33.82830)));
  CHECK(r.investment[0] == Approx(600.0)); // the region's total
}

TEST_CASE("companies present in a region share its new builds", "[sim][agents]") {
  // Company c holds 12 Mt, company d 8 Mt. Demand rises to 24 Mt: the first
  // build goes to c (12), the next to d (8 > 12 / 2).
  Scenario s = base(0.0);
  Company d;
  d.id = "d";
  d.name = "Company D";
  d.hurdle_rate = 0.0;
  s.companies.push_back(d);
  s.units.push_back({"u3", "p3", 1, 0, 0, 8.0, 2000, 2024});
  const std::pair<int, double> pts[] = {{2025, 18.0}, {2028, 24.0}};
  s.regions[0].demand = YearSeries::interpolate(s.horizon, pts);
  const MemberResult r = simulate(s);
  double invested_c = 0.0, invested_d = 0.0;
  for (std::size_t y = 0; y < r.horizon.size(); ++y) {
    invested_c += r.company_investment[y * 2 + 0];
    invested_d += r.company_investment[y * 2 + 1];
  }
  std::size_t builds = 0;
  for (const auto& x : r.decisions)
    builds += x.action == DecisionAction::build ? 1 : 0;
  CHECK(builds == 2);
  CHECK(invested_d >= 500.0 * 2.0); // one 2 Mt/yr greenfield unit: 500 x 2 = 1,000 million USD
  CHECK(invested_c >= 500.0 * 2.0); // the other build (D'Hondt: 12 / 1, then 8 > 12 / 2)
}

TEST_CASE("tax and dividends leave cash and nothing else", "[sim][agents][finance]") {
  // The same run with a 25 % tax and a 40 % payout: no finance limit binds,
  // so decisions, dispatch and debt are those of the untaxed run, and cash
  // is lower by exactly the tax and dividends paid so far. u1 runs h2 (200
  // USD/t), u2 bf (100 USD/t), no decision in the horizon: h2 sets the price
  // and bf earns 100 USD/t on 6 Mt.
  Scenario s = base(0.0);
  s.units[0].technology = 1;
  s.units[0].last_reline_year = s.units[1].last_reline_year = 2024;
  const MemberResult plain = simulate(s);
  s.finance.tax_rate = 0.25;
  s.finance.payout_ratio = 0.4;
  const MemberResult taxed = simulate(s);
  CHECK(taxed.emissions == plain.emissions);
  CHECK(taxed.company_debt == plain.company_debt);
  double paid = 0.0, tax = 0.0;
  for (std::size_t y = 0; y < taxed.horizon.size(); ++y) {
    paid += taxed.company_tax[y] + taxed.company_dividends[y];
    tax += taxed.company_tax[y];
    CHECK(taxed.company_cash[y] == Approx(plain.company_cash[y] - paid).margin(1e-9));
    CHECK(taxed.company_dividends[y] <= 0.4 * 0.75 * std::max(0.0, taxed.company_ebitda[y]) + 1e-9);
  }
  CHECK(tax > 0.0);  // the case taxes something
  CHECK(paid > tax); // and pays dividends
}
