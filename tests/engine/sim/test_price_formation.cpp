// The regional price rule (sim/price_formation.hpp), worked by hand.
#include "sim/price_formation.hpp"

#include "input/scenario_loader.hpp"
#include "sim/levelized_cost.hpp"
#include "sim/member_simulation.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace steelpath;

namespace {
// A: 10 Mt at 300 USD/t marginal, 380 full; B: 5 Mt at 200 marginal, 420 full.
const std::vector<SupplyBlock> kMarginal = {{10.0, 300.0, 0.0}, {5.0, 200.0, 0.0}};
const std::vector<SupplyBlock> kFull = {{10.0, 380.0, 0.0}, {5.0, 420.0, 0.0}};

RegionalPrice price_at(double demand, double factor, double scrap = 0.0) {
  std::vector<double> production(2);
  std::vector<std::size_t> order(2);
  const DispatchOutcome d = dispatch(kMarginal, demand, scrap, production, order);
  const std::vector<double> full = {kFull[0].marginal_cost, kFull[1].marginal_cost};
  Market m; // scarcity_adder 200
  m.scarcity_threshold = 0.9;
  m.long_run_factor = factor;
  return form_price(d, kMarginal, full, production, m);
}
} // namespace

TEST_CASE("the scarcity adder rises smoothly from the threshold to its level", "[sim][price]") {
  CHECK(scarcity_adder(0.5, 200.0, 0.9) == 0.0);
  CHECK(scarcity_adder(0.9, 200.0, 0.9) == 0.0);
  // s = (0.95 - 0.9) / 0.1 = 0.5; 200 x 0.25 = 50.
  CHECK(scarcity_adder(0.95, 200.0, 0.9) == Approx(50.0));
  CHECK(scarcity_adder(1.0, 200.0, 0.9) == Approx(200.0));
  CHECK(scarcity_adder(1.3, 200.0, 0.9) == Approx(200.0)); // capped at the level
  // Zero slope at the threshold: 1e-4 above it adds 200 x (1e-3)^2 = 2e-4.
  CHECK(scarcity_adder(0.9001, 200.0, 0.9) == Approx(2e-4).epsilon(1e-6));
}

TEST_CASE("full cost adds fixed opex and the relining's capital charge per tonne", "[sim][price]") {
  // 400 + (30 + 200 x 0.1) / 0.8 = 400 + 62.5.
  CHECK(full_cost(400.0, 30.0, 200.0, 0.1, 0.8) == Approx(462.5));
}

TEST_CASE("the price is the higher of the short-run price and the long-run floor", "[sim][price]") {
  // Demand 12: dispatch runs B (200) then 7 of A: short run 300, utilisation
  // 12 / 15 = 0.8, no adder. Both produced: the floor is the higher full
  // cost, B's 420.
  const RegionalPrice p = price_at(12.0, 1.0);
  CHECK(p.short_run == Approx(300.0));
  CHECK(p.floor == Approx(420.0));
  CHECK(p.price == Approx(420.0));
  // Half the floor (210) is below the short run: the short run sets the price.
  CHECK(price_at(12.0, 0.5).price == Approx(300.0));
  // No floor.
  const RegionalPrice none = price_at(12.0, 0.0);
  CHECK(none.floor == 0.0);
  CHECK(none.price == Approx(300.0));
}

TEST_CASE("an idle block does not set the floor, however dear", "[sim][price]") {
  // C: 4 Mt at 500 marginal, 900 full, not dispatched for demand 12 (B 5, A 7).
  const std::vector<SupplyBlock> blocks = {{10.0, 300.0, 0.0}, {5.0, 200.0, 0.0}, {4.0, 500.0, 0.0}};
  std::vector<double> production(3);
  std::vector<std::size_t> order(3);
  const DispatchOutcome d = dispatch(blocks, 12.0, 0.0, production, order);
  REQUIRE(production[2] == 0.0);
  Market m;
  m.long_run_factor = 1.0;
  const RegionalPrice p = form_price(d, blocks, std::vector<double>{380.0, 420.0, 900.0}, production, m);
  CHECK(p.floor == Approx(420.0));
  CHECK(p.price == Approx(420.0));
}

TEST_CASE("scarcity raises the short-run price", "[sim][price]") {
  // Demand 14.5 of 15: u = 0.96667, s = 0.6667, adder 200 x 0.4444 = 88.89.
  const RegionalPrice p = price_at(14.5, 0.0);
  CHECK(p.short_run == Approx(300.0 + 200.0 * (2.0 / 3.0) * (2.0 / 3.0)));
  CHECK(p.price == Approx(388.889).epsilon(1e-5));
  // Demand 4 runs only B (marginal 200): floor 420 x 1.1 = 462. Demand 10
  // runs all of B and 5 of A: still B's 420.
  CHECK(price_at(4.0, 1.1).floor == Approx(462.0));
  CHECK(price_at(10.0, 1.0).floor == Approx(420.0));
  // Unmet demand (20 of 15) is full scarcity: 300 + 200 = 500 above the floor 420.
  const RegionalPrice u = price_at(20.0, 1.0);
  CHECK(u.short_run == Approx(500.0));
  CHECK(u.floor == Approx(420.0));
  CHECK(u.price == Approx(500.0));
}

TEST_CASE("nothing produced: no price", "[sim][price]") {
  const RegionalPrice p = price_at(0.0, 1.0);
  CHECK(std::isnan(p.price));
  CHECK(std::isnan(p.short_run));
  CHECK(std::isnan(p.floor));
}

#ifdef STEELPATH_SOURCE_DIR
namespace {
// Revenue and full cost of the capacity kept (million USD), summed over
// 2025-2060: company costs (variable, carbon, fixed opex on every operating
// unit) plus each route's operating capacity x relining capex (after
// learning) x its capital recovery factor at the scenario's discount rate.
struct Totals {
  double revenue = 0.0;
  double full_cost = 0.0;
};
Totals totals(const std::string& name) {
  const Scenario s = input::load_scenario(std::string(STEELPATH_SOURCE_DIR) + "/scenarios/" + name).scenario;
  const MemberResult r = simulate(s);
  const std::size_t T = s.technologies.size(), R = s.regions.size(), C = s.companies.size();
  Totals t;
  for (std::size_t y = 0; y < s.horizon.size(); ++y) {
    if (s.horizon.year(y) < 2025 || s.horizon.year(y) > 2060) continue;
    for (std::size_t c = 0; c < C; ++c) {
      t.revenue += r.company_revenue[y * C + c];
      t.full_cost += r.company_costs[y * C + c];
    }
    for (std::size_t g = 0; g < R; ++g)
      for (std::size_t k = 0; k < T; ++k) {
        const Technology& tech = s.technologies[k];
        t.full_cost += r.capacity[r.at(y, g, k)] * tech.capex_reline * r.capex_factor[y * T + k] *
                       capital_recovery_factor(s.finance.discount_rate, tech.campaign_years);
      }
  }
  return t;
}
} // namespace

TEST_CASE("in the baselines the price recovers the full cost of the capacity kept, 2025-2060",
          "[sim][price][scenario]") {
  for (const char* name : {"global-baseline.yaml", "china-baseline.yaml"}) {
    INFO(name);
    const Totals t = totals(name);
    REQUIRE(t.full_cost > 0.0);
    CHECK(t.revenue >= t.full_cost);
  }
}
#endif
