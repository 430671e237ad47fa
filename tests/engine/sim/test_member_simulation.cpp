// One member's year loop on the tiny scenario: decisions at the right years,
// dispatch, and conservation of production, capacity and emissions.
#include "sim/member_simulation.hpp"

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
  s.regions.push_back({"r2", YearSeries::constant(s.horizon, 3.0), YearSeries::constant(s.horizon, 0.0)});
  s.units.push_back({"u3", "p3", 0, 1, 0, 2.0, 2000, 2018});
  s.units.push_back({"u4", "p4", 0, 0, 1, 1.0, 2028, 2028}); // starts in 2028
  const std::pair<int, double> pts[] = {{2025, 0.0}, {2034, 150.0}};
  s.policy.carbon_price = YearSeries::interpolate(s.horizon, pts);
  const MemberResult r = simulate(s);
  const CostTables costs = build_cost_tables(s);
  const std::size_t T = r.n_technologies;
  const std::size_t R = r.n_regions;
  for (std::size_t y = 0; y < r.horizon.size(); ++y) {
    double demand = 0, unmet = 0, cap = 0, emitted = 0;
    for (std::size_t g = 0; g < R; ++g) {
      demand += r.demand[y * R + g];
      unmet += r.unmet_demand[y * R + g];
    }
    for (std::size_t k = 0; k < T; ++k) {
      cap += r.capacity[y * T + k];
      emitted += r.production[y * T + k] * costs.direct_intensity(static_cast<Eigen::Index>(k));
      CHECK(r.emissions[y * T + k] == Approx(r.production[y * T + k] * costs.direct_intensity(
                                                                           static_cast<Eigen::Index>(k))));
    }
    CHECK(r.total_production(y) == Approx(demand - unmet));
    CHECK(r.total_emissions(y) == Approx(emitted));
    // No closures in v0.1: capacity is the starting fleet plus units that have started.
    CHECK(cap == Approx(r.horizon.year(y) >= 2028 ? 15.0 : 14.0));
  }
  // Region r2 has 2 Mt of capacity for 3 Mt of demand: 1 Mt unmet every year.
  CHECK(r.unmet_demand[1] == Approx(1.0));
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
