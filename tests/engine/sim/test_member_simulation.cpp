// One member's year loop on the tiny scenario: decisions at the right years,
// dispatch, and conservation of production, capacity and emissions.
#include "sim/member_simulation.hpp"
#include "sim/target_outcomes.hpp"

#include "model/errors.hpp"
#include "sim/cost_tables.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;

namespace {
MemberResult run_with_carbon(double price) {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, price);
  return simulate(s);
}
} // namespace

TEST_CASE("without a carbon price both blast furnaces reline", "[sim][member]") {
  const MemberResult r = run_with_carbon(0.0);
  // u1 decides in 2025 (relined 2015 + 10), u2 in 2030: both reline (110 < 250).
  REQUIRE(r.decisions.size() == 2);
  CHECK(r.decisions[0].year == 2025);
  CHECK(r.decisions[0].unit == 0);
  CHECK(r.decisions[0].to_technology == 0);
  CHECK(r.decisions[1].year == 2030);
  CHECK(r.decisions[1].unit == 1);
  for (std::size_t y = 0; y < r.horizon.size(); ++y) {
    CHECK(r.total_production(y) == Approx(10.0));
    CHECK(r.total_emissions(y) == Approx(20.0)); // 10 Mt x 2 t CO2/t
    CHECK(r.steel_price[y] == Approx(100.0));    // bf variable cost
  }
}

TEST_CASE("a carbon price above break-even converts each unit at its own decision year", "[sim][member]") {
  const MemberResult r = run_with_carbon(80.0);
  REQUIRE(r.decisions.size() == 2);
  CHECK(r.decisions[0].year == 2025);
  CHECK(r.decisions[0].to_technology == 1);
  CHECK(r.decisions[0].lcos_chosen == Approx(250.0));
  CHECK(r.decisions[0].lcos_reline == Approx(270.0));
  CHECK(r.decisions[1].year == 2030);
  CHECK(r.decisions[1].to_technology == 1);
  const std::size_t T = r.n_technologies;
  // 2025-2029: h2 unit (6 Mt, cost 200) first, bf (cost 100 + 2 x 80 = 260) the other 4 Mt.
  for (std::size_t y = 0; y < 5; ++y) {
    CHECK(r.production[y * T + 1] == Approx(6.0));
    CHECK(r.production[y * T + 0] == Approx(4.0));
    CHECK(r.total_emissions(y) == Approx(8.0));
    CHECK(r.steel_price[y] == Approx(260.0));
    CHECK(r.capacity[y * T + 0] == Approx(6.0));
    CHECK(r.capacity[y * T + 1] == Approx(6.0));
  }
  // From 2030 both units make hydrogen steel: no emissions, price 200.
  for (std::size_t y = 5; y < r.horizon.size(); ++y) {
    CHECK(r.production[y * T + 1] == Approx(10.0));
    CHECK(r.total_emissions(y) == 0.0);
    CHECK(r.steel_price[y] == Approx(200.0));
  }
}

TEST_CASE("conservation in every year of a multi-region run", "[sim][member]") {
  Scenario s = test::tiny_scenario();
  Region r2 = s.regions[0];
  r2.id = "r2";
  r2.demand = YearSeries::constant(s.horizon, 3.0);
  s.regions.push_back(r2);
  s.units.push_back({"u3", "p3", 0, 1, 0, 2.0, 2000, 2018});
  s.units.push_back({"u4", "p4", 0, 0, 1, 1.0, 2028, 2028}); // starts in 2028
  const std::pair<int, double> pts[] = {{2025, 0.0}, {2034, 150.0}};
  s.policy.carbon_price = YearSeries::interpolate(s.horizon, pts);
  const MemberResult r = simulate(s);
  const CostTables costs = build_cost_tables(s);
  const std::size_t T = r.n_technologies;
  const std::size_t R = r.n_regions;
  double built = 0.0, closed = 0.0;
  std::size_t d = 0;
  for (std::size_t y = 0; y < r.horizon.size(); ++y) {
    const int year = r.horizon.year(y);
    // Builds decided last year or before produce from this year; closures at once.
    for (; d < r.decisions.size() && r.decisions[d].year <= year; ++d) {
      const Decision& dec = r.decisions[d];
      if (dec.action == DecisionAction::close)
        closed += dec.unit < 4 ? s.units[static_cast<std::size_t>(dec.unit)].capacity : 2.0;
    }
    built = 0.0;
    for (const Decision& dec : r.decisions)
      if (dec.action == DecisionAction::build && dec.year < year) built += s.behaviour.expansion_unit_size;
    double demand = 0, unmet = 0, cap = 0, emitted = 0;
    for (std::size_t g = 0; g < R; ++g) {
      demand += r.demand[y * R + g];
      unmet += r.unmet_demand[y * R + g];
      for (std::size_t k = 0; k < T; ++k) {
        const std::size_t a = r.at(y, g, k);
        cap += r.capacity[a];
        emitted += r.production[a] * costs.direct_intensity(static_cast<Eigen::Index>(k));
        CHECK(r.emissions[a] ==
              Approx(r.production[a] * costs.direct_intensity(static_cast<Eigen::Index>(k))));
      }
    }
    INFO("year " << year);
    CHECK(r.total_production(y) == Approx(demand - unmet));
    CHECK(r.total_emissions(y) == Approx(emitted));
    // Capacity: starting fleet + started units + builds - closures.
    CHECK(cap == Approx((year >= 2028 ? 15.0 : 14.0) + built - closed));
  }
  // Region r2 has 2 Mt of capacity for 3 Mt of demand: 1 Mt unmet in 2025,
  // and a 2 Mt unit is built that produces from 2026.
  CHECK(r.unmet_demand[1] == Approx(1.0));
  REQUIRE(r.decisions.size() >= 1);
  CHECK(r.unmet_demand[1 * R + 1] == 0.0);
}

TEST_CASE("running the same member twice gives identical results", "[sim][member]") {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 75.0);
  MemberSimulation sim(s);
  MemberResult a, b;
  sim.run(a);
  sim.run(b);
  CHECK(a.production == b.production);
  CHECK(a.emissions == b.emissions);
  CHECK(a.decisions.size() == b.decisions.size());
}

TEST_CASE("an inconsistent scenario is refused", "[sim][member]") {
  Scenario s = test::tiny_scenario();
  s.units[0].technology = 7;
  CHECK_THROWS_AS(MemberSimulation(s), ModelError);
}

TEST_CASE("discounting, expected and maximum utilisation enter as the formulas say", "[sim][member]") {
  // r = 10 %, u = 0.8, 10-year campaigns: CRF = 0.1 x 1.1^10 / (1.1^10 - 1)
  //   = 0.25937425 / 1.59374246 = 0.16274539.
  // bf reline: 100 x 0.16274539 / 0.8 + 100 + 2 p = 120.343174 + 2 p
  // h2 switch: 500 x 0.16274539 / 0.8 + 200     = 301.715872
  // break-even p* = (301.715872 - 120.343174) / 2 = 90.686349 USD/t CO2.
  auto run = [](double carbon) {
    Scenario s = test::tiny_scenario();
    s.finance = {0.10, 0.8};
    s.companies[0].hurdle_rate = 0.10;
    s.market = {.max_utilisation = 0.9,
                .scarcity_adder = 0.0,
                .long_run_factor = 0.0}; // the price is the marginal cost (no adder, no floor)
    s.policy.carbon_price = YearSeries::constant(s.horizon, carbon);
    return simulate(s);
  };
  const MemberResult below = run(90.6);
  REQUIRE(below.decisions.size() == 2);
  CHECK(below.decisions[0].to_technology == 0);
  CHECK(below.decisions[0].lcos_reline == Approx(120.343174 + 2 * 90.6).epsilon(1e-8));
  const MemberResult above = run(90.8);
  CHECK(above.decisions[0].to_technology == 1);
  CHECK(above.decisions[0].lcos_chosen == Approx(301.715872).epsilon(1e-8));
  // Dispatch with max utilisation 0.9: the h2 unit gives 6 x 0.9 = 5.4 Mt at
  // 200 USD/t; the bf unit the remaining 4.6 Mt at 100 + 2 x 90.8 = 281.6.
  const std::size_t T = above.n_technologies;
  CHECK(above.production[1] == Approx(5.4));
  CHECK(above.production[0] == Approx(4.6));
  CHECK(above.total_emissions(0) == Approx(9.2));
  CHECK(above.steel_price[0] == Approx(281.6));
  CHECK(above.production[5 * T + 1] == Approx(10.0)); // both units h2 from 2030
}

TEST_CASE("a route is not chosen before its first available year", "[sim][member]") {
  Scenario s = test::tiny_scenario();
  s.technologies[1].available_from = 2028;
  s.policy.carbon_price = YearSeries::constant(s.horizon, 200.0); // h2 far cheaper: 250 < 510
  const MemberResult r = simulate(s);
  REQUIRE(r.decisions.size() == 2);
  CHECK(r.decisions[0].year == 2025);
  CHECK(r.decisions[0].to_technology == 0); // h2 not yet available: reline
  CHECK(r.decisions[1].year == 2030);
  CHECK(r.decisions[1].to_technology == 1);
}

TEST_CASE("a switch to a scrap route needs the region's scrap", "[sim][member]") {
  // Add scrap (100 USD/t) and a scrap EAF (1.1 t scrap/t, greenfield 200).
  // r = 0, u = 0.8: eaf switch = 200 x 0.1 / 0.8 + 110 = 135;
  // bf reline = 100 x 0.1 / 0.8 + 100 + 2 x 20 = 152.5; h2 = 262.5.
  // u1 (6 Mt/yr) would need 6 x 0.8 x 1.1 = 5.28 Mt of scrap a year.
  auto run = [](double scrap_supply) {
    Scenario s = test::tiny_scenario();
    s.commodities.push_back({"scrap", "t", YearSeries::constant(s.horizon, 100.0), 0.0});
    for (auto& t : s.technologies)
      t.inputs.push_back(0.0);
    Technology eaf = s.technologies[0];
    eaf.id = "eaf";
    eaf.inputs = {0.0, 0.0, 1.1};
    eaf.capex_greenfield = 200;
    eaf.capex_switch = 200;
    s.technologies.push_back(eaf);
    s.scrap_commodity = 2;
    s.regions[0].scrap_supply = YearSeries::constant(s.horizon, scrap_supply);
    // All the scrap at the reference price (phi = 1), a steep curve below it (eps = 5).
    s.market.scrap_reference_share = 1.0;
    s.market.scrap_elasticity = 5.0;
    s.finance = {0.0, 0.8};
    s.policy.carbon_price = YearSeries::constant(s.horizon, 20.0);
    return simulate(s);
  };
  // Scrap is committed at full utilisation (max_utilisation 1.0 here):
  // 6 Mt/yr x 1.0 x 1.1 t/t = 6.6 Mt.
  CHECK(run(6.5).decisions[0].to_technology == 0); // 6.6 > 6.5: not enough scrap, reline
  const MemberResult enough = run(6.7);
  CHECK(enough.decisions[0].to_technology == 2); // 6.6 <= 6.7: switch
  // Investors price scrap as price takers at what the committed fleet bids
  // for it (no scrap route yet: none, so the floor, 0.5 x 100 USD/t):
  // 135 + 1.1 x (50 - 100) = 80.
  CHECK(enough.decisions[0].lcos_chosen == Approx(80.0));
  // u2 decides in 2030: its 6.6 Mt more does not fit beside u1's; it relines.
  CHECK(enough.decisions[1].to_technology == 0);
  // Dispatch: the EAF runs at capacity (6 Mt, 6.6 Mt of scrap); the bf unit makes the rest of 10 Mt.
  CHECK(enough.production[2] == Approx(6.0));
  CHECK(enough.scrap_used[0] == Approx(6.6));
  // The scrap market clears where 6.7 (p / 100)^5 = 6.6: p = 100 x (6.6 / 6.7)^0.2 = 99.70 USD/t.
  CHECK(enough.scrap_price[0] == Approx(99.70).margin(0.06));
}

TEST_CASE("company targets are met or missed as worked out by hand", "[sim][targets]") {
  Scenario s;
  s.horizon = {2025, 2030};
  s.companies.resize(2);
  s.companies[0].id = "a";
  s.companies[0].target = CompanyTarget{2026, 2029, 0.0, 0.0, std::nullopt}; // peak 2026, neutral 2029
  s.companies[1].id = "b";
  s.companies[1].target = CompanyTarget{0, 2030, 0.0, 0.0, std::nullopt}; // neutral 2030 only
  const auto targets = company_targets(s);
  REQUIRE(targets.size() == 3);
  CHECK(targets[0].label == "a: peak by 2026");
  CHECK(targets[1].label == "a: neutral by 2029");
  CHECK(targets[2].label == "b: neutral by 2030");
  MemberResult r;
  r.reset(s.horizon, 1, 1, 2, 0);
  // Company a: 10, 12, 11, 12, 0.5, 0 -> rises again after 2026 (12 in 2028 is not above 12: met),
  // 0.5 <= 1.0 in 2029: neutral. Company b: 20 ... 3 in 2030 > 2.0: missed.
  const double a[] = {10, 12, 11, 12, 0.5, 0}, b[] = {20, 20, 20, 10, 5, 3};
  for (std::size_t y = 0; y < 6; ++y) {
    r.company_emissions[y * 2] = a[y];
    r.company_emissions[y * 2 + 1] = b[y];
  }
  CHECK(targets_met(targets, r) == std::vector<double>{1.0, 1.0, 0.0});
  r.company_emissions[3 * 2] = 12.5; // 2028 above the 2026 peak
  CHECK(targets_met(targets, r)[0] == 0.0);
}
