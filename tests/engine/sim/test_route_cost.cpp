// The route cost, term by term (sim/route_cost.hpp): a hand-worked case per
// term, the LCOS as the sum of its terms, and dispatch's marginal cost as the
// same terms at this year's values.
#include "sim/member_simulation.hpp"
#include "sim/route_cost.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;

namespace {

constexpr std::size_t kBf = 0, kH2 = 1;

// A route cost over its own tables, so each test sets the scenario it needs.
struct Costing {
  explicit Costing(Scenario scenario) : s(std::move(scenario)), tables(build_cost_tables(s)) {
    learning.reset(s);
    outlook.internal_price.assign(s.companies.size(), 0.0);
    outlook.offtake_committed.assign(s.policy.offtakes.size(), 0.0);
  }
  [[nodiscard]] CostTerms levelized(std::size_t k, double capex, int current_route = -1) const {
    return RouteCost(s, tables, learning).levelized(Investor{0, 0, 6.0, current_route}, k, capex, 0, outlook);
  }
  [[nodiscard]] CostTerms operating(std::size_t k, double allowance = 0.0) const {
    return RouteCost(s, tables, learning).operating(0, k, 0, allowance);
  }
  Scenario s;
  CostTables tables;
  LearningState learning;
  CostOutlook outlook;
};

double sum(const CostTerms& t) {
  return t.capital + t.variable + t.carbon + t.allowances + t.standard_penalty + t.storage -
         t.offtake_premium;
}

Scenario with_ets(EmissionsTrading::Trading trading) {
  Scenario s = test::tiny_scenario();
  s.technologies[kBf].family = "bf";
  s.technologies[kH2].family = "dri";
  EmissionsTrading ets;
  ets.trading = trading;
  ets.regions = {0};
  ets.cap = YearSeries::constant(s.horizon, 100.0);
  ets.families = {"bf", "dri"};
  ets.benchmarks = {YearSeries::constant(s.horizon, 1.5), YearSeries::constant(s.horizon, 0.3)};
  s.policy.ets = ets;
  return s;
}

} // namespace

TEST_CASE("route cost: capital charge with fixed opex, utilisation, learning and subsidy", "[sim][cost]") {
  Scenario s = test::tiny_scenario();
  s.technologies[kH2].opex_fixed = 20.0;
  s.finance.expected_utilisation = 0.8;
  Costing c(s);
  // (500 x CRF(0 %, 10 yr) = 0.1 + 20) / 0.8 = 87.5 USD/t
  CHECK(c.levelized(kH2, 500.0).capital == Approx(87.5));
  // One doubling of cumulative capacity at a 20 % learning rate: capex x 0.8.
  c.s.technologies[kH2].learning_rate = 0.2;
  c.learning.reset(c.s);
  c.learning.add_capacity(kH2, c.s.technologies[kH2].base_capacity);
  CHECK(c.levelized(kH2, 500.0).capital == Approx((400.0 * 0.1 + 20.0) / 0.8));
  // A 30 % capex subsidy counts while the year's budget lasts.
  c.s.policy.subsidy = CapexSubsidy{{0.0, 0.3}, {0.0, 0.0}, YearSeries::constant(c.s.horizon, 100.0)};
  c.outlook.subsidy_left = 100.0;
  CHECK(c.levelized(kH2, 500.0).capital == Approx((400.0 * 0.7 * 0.1 + 20.0) / 0.8));
  c.outlook.subsidy_left = 0.0;
  CHECK(c.levelized(kH2, 500.0).capital == Approx((400.0 * 0.1 + 20.0) / 0.8));
}

TEST_CASE("route cost: variable cost and carbon with the internal price", "[sim][cost]") {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 30.0);
  Costing c(s);
  CHECK(c.operating(kBf).variable == Approx(100.0)); // 1 t coal x 100 USD/t
  CHECK(c.operating(kH2).variable == Approx(200.0)); // 50 kg H2 x 4 USD/kg
  CHECK(c.operating(kBf).carbon == Approx(60.0));    // 2 t CO2/t x 30 USD/t CO2
  CHECK(c.operating(kH2).carbon == 0.0);
  // The company's internal price counts in investment, not in dispatch.
  c.outlook.internal_price[0] = 20.0;
  CHECK(c.levelized(kBf, 100.0).carbon == Approx(2.0 * (30.0 + 20.0)));
  CHECK(c.operating(kBf).carbon == Approx(60.0));
}

TEST_CASE("route cost: allowances net of free allocation", "[sim][cost]") {
  SECTION("cap: free allocation at most the route's own emissions") {
    Costing c(with_ets(EmissionsTrading::Trading::cap));
    CHECK(c.operating(kBf, 40.0).allowances == Approx(40.0 * (2.0 - 1.5)));
    CHECK(c.operating(kH2, 40.0).allowances == 0.0); // benchmark 0.3 > 0 emissions: no payment
  }
  SECTION("intensity trading: a route below its benchmark sells its surplus") {
    Costing c(with_ets(EmissionsTrading::Trading::intensity));
    CHECK(c.operating(kBf, 40.0).allowances == Approx(20.0));
    CHECK(c.operating(kH2, 40.0).allowances == Approx(-12.0)); // 40 x (0 - 0.3)
    // Investors expect last year's price.
    c.outlook.expected_allowance = 10.0;
    CHECK(c.levelized(kH2, 500.0).allowances == Approx(-3.0));
  }
  SECTION("a region outside the ETS pays nothing") {
    Scenario s = with_ets(EmissionsTrading::Trading::cap);
    s.policy.ets->regions.clear();
    CHECK(Costing(s).operating(kBf, 40.0).allowances == 0.0);
  }
}

TEST_CASE("route cost: intensity standard penalty and CO2 storage", "[sim][cost]") {
  Scenario s = test::tiny_scenario();
  s.regions[0].intensity_standard = YearSeries::constant(s.horizon, 1.2);
  s.regions[0].intensity_penalty = 50.0;
  s.technologies[kBf].capture_rate = 0.5;
  s.policy.storage_cost = 20.0;
  const Costing c(s);
  // Capture halves the direct 2 t CO2/t: 1 t emitted, 1 t stored.
  CHECK(c.operating(kBf).standard_penalty == 0.0); // 1 t/t is under the 1.2 standard
  CHECK(c.operating(kBf).storage == Approx(20.0));
  CHECK(c.operating(kH2).storage == 0.0);
  Scenario s2 = s;
  s2.technologies[kBf].capture_rate = 0.0;
  CHECK(Costing(s2).operating(kBf).standard_penalty == Approx(50.0 * (2.0 - 1.2)));
}

TEST_CASE("route cost: offtake premium on the share a contract can take", "[sim][cost]") {
  Scenario s = test::tiny_scenario();
  // 3 Mt/yr at +100 USD/t for steel under 0.1 t CO2/t, 2025-2029: half of a
  // 6 Mt/yr unit's output (u = 1) for 5 of its 10 campaign years.
  s.policy.offtakes = {{"o", "buyer", 0, 3.0, 100.0, 0.1, 2025, 2029}};
  Costing c(s);
  CHECK(c.levelized(kH2, 500.0).offtake_premium == Approx(100.0 * 0.5 * 5.0 / 10.0));
  CHECK(c.levelized(kBf, 100.0).offtake_premium == 0.0); // 2 t CO2/t does not qualify
  // Other qualifying capacity of the seller already takes 2 Mt/yr ...
  c.outlook.offtake_committed[0] = 2.0;
  CHECK(c.levelized(kH2, 500.0).offtake_premium == Approx(100.0 * (1.0 / 6.0) * 0.5));
  // ... unless that is the deciding unit itself (already on a qualifying route).
  c.outlook.offtake_committed[0] = 6.0;
  CHECK(c.levelized(kH2, 500.0, static_cast<int>(kH2)).offtake_premium == Approx(25.0));
}

TEST_CASE("route cost: the LCOS is the sum of its terms, dispatch the same terms this year", "[sim][cost]") {
  Scenario s = with_ets(EmissionsTrading::Trading::cap);
  s.policy.carbon_price = YearSeries::constant(s.horizon, 30.0);
  s.regions[0].intensity_standard = YearSeries::constant(s.horizon, 0.5);
  s.regions[0].intensity_penalty = 50.0;
  s.technologies[kBf].capture_rate = 0.25;
  s.technologies[kBf].opex_fixed = 15.0;
  s.policy.storage_cost = 20.0;
  s.policy.offtakes = {{"o", "buyer", 0, 3.0, 100.0, 2.0, 2025, 2029}};
  s.companies[0].foresight = Foresight::myopic; // expects this year's prices
  Costing c(s);
  c.outlook.expected_allowance = 40.0;
  c.outlook.internal_price[0] = 0.0;
  for (const std::size_t k : {kBf, kH2}) {
    const CostTerms inv = c.levelized(k, 100.0);
    CHECK(inv.levelized_total() == Approx(sum(inv)).epsilon(1e-14));
    const CostTerms op = c.operating(k, 40.0);
    CHECK(op.operating_total() == Approx(sum(op)).epsilon(1e-14));
    CHECK(op.capital == 0.0);
    CHECK(op.offtake_premium == 0.0);
    // A myopic investor without an internal price sees dispatch's terms.
    CHECK(inv.variable == op.variable);
    CHECK(inv.carbon == op.carbon);
    CHECK(inv.allowances == op.allowances);
    CHECK(inv.standard_penalty == op.standard_penalty);
    CHECK(inv.storage == op.storage);
  }
  // Every term of bf is in play: the hand sum of the LCOS.
  const CostTerms bf = c.levelized(kBf, 100.0);
  const double direct = 2.0 * 0.75, stored = 2.0 * 0.25;
  CHECK(bf.levelized_total() ==
        Approx((100.0 * 0.1 + 15.0) / 1.0 + 100.0 + direct * 30.0 + 40.0 * (direct - std::min(1.5, direct)) +
               50.0 * (direct - 0.5) + 20.0 * stored - 100.0 * 0.5 * 5.0 / 10.0));
  // The simulation's own entry points use these totals.
  const MemberSimulation sim(s);
  CHECK(sim.option_lcos(0, 0, kH2, 500.0, 0, 6.0) ==
        sim.route_cost().levelized(Investor{0, 0, 6.0, -1}, kH2, 500.0, 0, sim.outlook()).levelized_total());
}

TEST_CASE("route cost: a region's terms computed once give every investor the same bits", "[sim][cost]") {
  Scenario s = with_ets(EmissionsTrading::Trading::cap);
  s.policy.carbon_price = YearSeries::constant(s.horizon, 30.0);
  s.technologies[kBf].capture_rate = 0.25; // 1.5 t CO2/t emitted, 0.5 t stored
  s.policy.storage_cost = 20.0;
  s.companies[0].foresight = Foresight::myopic;
  Costing c(s);
  c.outlook.expected_allowance = 40.0;
  c.outlook.internal_price[0] = 20.0;
  const RouteCost cost(c.s, c.tables, c.learning);
  const RegionRouteTerms region = cost.region_terms(Foresight::myopic, 0, kBf, 0, c.outlook);
  CHECK(region.tax == Approx(30.0));
  CHECK(region.storage == Approx(20.0 * 0.5));
  const Investor who{0, 0, 6.0, -1};
  const CostTerms once = cost.levelized(who, kBf, 100.0, 0, c.outlook, region);
  const CostTerms each = cost.levelized(who, kBf, 100.0, 0, c.outlook);
  CHECK(once.carbon ==
        Approx(1.5 * (30.0 + 20.0))); // the company's internal price on top of the region's tax
  CHECK(once.levelized_total() == each.levelized_total()); // bit for bit
  CHECK(once.capital == each.capital);
  CHECK(once.allowances == each.allowances);
}
