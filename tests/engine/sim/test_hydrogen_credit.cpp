// The hydrogen production credit (sim/hydrogen_credit.hpp), checked by hand:
// its tier from the hydrogen's upstream CO2, who earns it and for how long,
// its levelized value in an investor's cost, and what a small scenario pays.
#include "sim/cost_tables.hpp"
#include "sim/hydrogen_credit.hpp"
#include "sim/member_simulation.hpp"
#include "sim/route_cost.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace steelpath;

namespace {

// The 45V tiers with the wage bonus (26 USC 45V(b)): USD/kg at kg CO2e/kg.
ProductionCredit credit_45v() {
  ProductionCredit c;
  c.tiers = {{"a", 0.45, 3.00}, {"b", 1.5, 1.00}, {"c", 2.5, 0.75}, {"d", 4.0, 0.60}};
  c.years = 10;
  c.last_start_year = 2027;
  c.regions = {0};
  return c;
}

// The tiny scenario (hydrogen DRI "h2": 50 kg H2/t) with electrolysis on a
// clean-power contract (no upstream CO2): capex 876 USD/kW, rate 0 over 20
// years, fixed O&M 5 %/yr, 50 kWh/kg, load factor 0.5, contract 40 USD/MWh,
// storage 0.25: 1.00 + 2.00 + 0.25 = 3.25 USD/kg (test_hydrogen_cost.cpp).
// One tier pays 5 USD/kg for 5 years to plants started by 2027.
Scenario with_credit() {
  Scenario s = test::tiny_scenario();
  HydrogenSupply h = test::tiny_electrolysis(s.horizon);
  h.contract = true;
  h.contract_price = YearSeries::constant(s.horizon, 40.0);
  h.production_credit = ProductionCredit{{{"clean", 0.45, 5.0}}, 5, 2027, {0}};
  s.hydrogen_supply = h;
  return s;
}

} // namespace

TEST_CASE("the credit's tier follows the hydrogen's upstream intensity", "[sim][hydrogen][credit]") {
  const ProductionCredit c = credit_45v();
  CHECK(credit_rate(c, 0.0) == 3.00);  // a clean-power contract
  CHECK(credit_rate(c, 0.45) == 3.00); // bounds are inclusive
  CHECK(credit_rate(c, 0.46) == 1.00);
  CHECK(credit_rate(c, 2.0) == 0.75);
  CHECK(credit_rate(c, 4.0) == 0.60);
  CHECK(credit_rate(c, 4.01) == 0.0);
  CHECK(credit_rate(c, 19.8) == 0.0); // 52 kWh/kg on a 0.38 t/MWh grid
}

TEST_CASE("who earns the credit, and for how long", "[sim][hydrogen][credit]") {
  const ProductionCredit c = credit_45v();
  // In service 2030 after 3 years of construction (started 2027): paid 2030-2039.
  CHECK_FALSE(credit_paid(c, 2030, 3, 2029));
  CHECK(credit_paid(c, 2030, 3, 2030));
  CHECK(credit_paid(c, 2030, 3, 2039));
  CHECK_FALSE(credit_paid(c, 2030, 3, 2040)); // expired after 10 years
  // Construction started 2028, after the deadline: never.
  CHECK_FALSE(credit_paid(c, 2031, 3, 2031));
  CHECK_FALSE(credit_paid(c, 2028, 0, 2028));
}

TEST_CASE("hand-worked levelized credit over a campaign", "[sim][hydrogen][credit]") {
  const std::vector<double> per_tonne(10, 150.0); // 50 kg/t x 3 USD/kg
  // Rate 0, paid in 2 of 4 years: 150 x 2 / 4 = 75 USD/t.
  CHECK(levelized_credit(per_tonne, 0, 4, 0, 2, 0.0) == Approx(75.0));
  // Rate 10 %: weights 1, 0.909091, 0.826446, 0.751315 (sum 3.486852);
  // paid in the first two: 150 x 1.909091 / 3.486852 = 82.127 USD/t.
  CHECK(levelized_credit(per_tonne, 0, 4, 0, 2, 0.1) == Approx(82.127).epsilon(1e-4));
  // Paid before the decision (a running unit's first years) counts nothing; past the
  // series' end its last value holds: paid indices 8..11 of a campaign 6..13 -> 4 of 8.
  CHECK(levelized_credit(per_tonne, 6, 8, 8, 12, 0.0) == Approx(75.0));
  CHECK(levelized_credit(per_tonne, 3, 4, -5, 2, 0.0) == 0.0);
}

TEST_CASE("the cost tables give each paying region its tier per year", "[sim][hydrogen][credit]") {
  Scenario s = with_credit();
  s.hydrogen_supply->production_credit = credit_45v();
  Region other = s.regions[0];
  other.id = "other"; // not among the credit's regions
  s.regions.push_back(other);
  const CostTables t = build_cost_tables(s);
  REQUIRE(t.hydrogen_credit.size() == 2);
  CHECK(t.hydrogen_credit[0][0] == 3.00); // contract power: 0 kg CO2/kg
  CHECK(t.hydrogen_credit[1][0] == 0.0);
  // Grid power at 0.02 t CO2/MWh x 50 kWh/kg = 1.0 kg CO2/kg: the 1.00 USD/kg tier.
  Scenario g = with_credit();
  g.hydrogen_supply->production_credit = credit_45v();
  g.hydrogen_supply->contract = false;
  g.commodities.push_back({"electricity", "MWh", YearSeries::constant(g.horizon, 40.0), 0.0, 0.0});
  for (auto& tech : g.technologies)
    tech.inputs.push_back(0.0);
  g.electricity_commodity = 2;
  g.regions[0].prices.resize(3);
  g.regions[0].grid_intensity = YearSeries::constant(g.horizon, 0.02);
  CHECK(build_cost_tables(g).hydrogen_credit[0][0] == Approx(1.00));
  // Without a credit the table is empty.
  g.hydrogen_supply->production_credit.reset();
  CHECK(build_cost_tables(g).hydrogen_credit.empty());
}

TEST_CASE("an investor's levelized credit for a unit", "[sim][hydrogen][credit]") {
  Scenario s = with_credit();
  const CostTables costs = build_cost_tables(s);
  LearningState learning;
  learning.reset(s);
  const RouteCost rc(s, costs, learning);
  // A switch to h2 decided in 2025 (no construction): paid 2025-2029, 5 of
  // its 10 campaign years at rate 0: 50 kg x 5 USD/kg x 5/10 = 125 USD/t.
  const Investor bf_unit{0, 0, 6.0, 0, 2015};
  CHECK(rc.hydrogen_credit(bf_unit, 1, 0) == Approx(125.0));
  CHECK(rc.hydrogen_credit(bf_unit, 0, 0) == 0.0); // the blast furnace uses no hydrogen
  // An h2 unit running since 2022 relining in 2025: paid 2025 and 2026 only, 250 x 2/10 = 50.
  const Investor h2_unit{0, 0, 6.0, 1, 2022};
  CHECK(rc.hydrogen_credit(h2_unit, 1, 0) == Approx(50.0));
  // Decided in 2028, after the last start year: nothing.
  CHECK(rc.hydrogen_credit(bf_unit, 1, 3) == 0.0);
  // Two years of construction decided in 2027: in service 2029, paid
  // 2029-2033, 5 of the 10 years levelized from 2027: 125 USD/t.
  s.technologies[1].construction_years = 2;
  const RouteCost built(s, costs, learning);
  CHECK(built.hydrogen_credit(bf_unit, 1, 2) == Approx(125.0));
  // At a 10 % discount rate a credit in the first 5 of 10 years weighs
  // 4.169865 / 6.759024 = 0.616934: 250 x 0.616934 = 154.23 USD/t.
  s.technologies[1].construction_years = 0;
  s.finance.discount_rate = 0.1;
  const RouteCost discounted(s, costs, learning);
  CHECK(discounted.hydrogen_credit(bf_unit, 1, 0) == Approx(154.23).epsilon(1e-4));
  // The levelized cost subtracts it.
  CostOutlook outlook;
  outlook.internal_price = {0.0};
  const CostTerms terms = discounted.levelized(bf_unit, 1, 500.0, 0, outlook);
  CHECK(terms.hydrogen_credit == Approx(154.23).epsilon(1e-4));
  CHECK(terms.levelized_total() == Approx(terms.capital + terms.variable - terms.hydrogen_credit));
}

TEST_CASE("the credit moves a switch and is paid on qualifying hydrogen only", "[sim][hydrogen][credit]") {
  // u1 (bf, decides 2025): relining costs 100 coal + 100 x 0.1 = 110 USD/t;
  // h2 costs 50 kg x 3.25 + 500 x 0.1 = 212.5, less the credit's 125: 87.5,
  // so it switches. u2 (decides 2030, after the last start year) earns no
  // credit and relines. Dispatch has no credit in it: bf (100 USD/t) runs
  // first, h2 (162.5) serves the rest of the 10 Mt: 4 Mt.
  const Scenario s = with_credit();
  const MemberResult r = simulate(s);
  const std::size_t T = s.technologies.size();
  for (std::size_t y = 0; y < r.horizon.size(); ++y) {
    INFO(r.horizon.year(y));
    REQUIRE(r.production[y * T + 1] == Approx(4.0));
    // 4 Mt x 50 kg/t x 5 USD/kg = 1000 million USD in 2025-2029, nothing after.
    const double paid = y < 5 ? 1000.0 : 0.0;
    CHECK(r.hydrogen_credit[y] == Approx(paid).margin(1e-9));
    // The company's revenue: 10 Mt at the marginal price 162.5, plus the credit.
    CHECK(r.company_revenue[y] == Approx(10.0 * 162.5 + paid));
  }
  // Without the credit hydrogen DRI is never chosen.
  Scenario plain = with_credit();
  plain.hydrogen_supply->production_credit.reset();
  const MemberResult p = simulate(plain);
  for (std::size_t y = 0; y < p.horizon.size(); ++y) {
    CHECK(p.production[y * T + 1] == 0.0);
    CHECK(p.hydrogen_credit[y] == 0.0);
  }
  // A credit only in another region pays nothing here.
  Scenario elsewhere = with_credit();
  elsewhere.hydrogen_supply->production_credit->regions.clear();
  CHECK(simulate(elsewhere).production[T + 1] == 0.0);
}
