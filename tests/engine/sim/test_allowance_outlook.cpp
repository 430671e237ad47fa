// What investors expect the allowance price to be (sim/member_allowance_outlook.cpp):
// the price at which the fleet operating now meets the cap announced
// expectation_years ahead, against last year's cleared price.
#include "sim/member_simulation.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace steelpath;

namespace {
// 20 Mt CO2 to 2029, `from_2030` from 2030 (a step: points a year apart).
YearSeries step_cap(const Horizon& h, double from_2030) {
  const std::pair<int, double> points[] = {{2029, 20.0}, {2030, from_2030}};
  return YearSeries::interpolate(h, points);
}

// Two units that never decide within the horizon (campaigns end later), so
// only dispatch answers the price: u1 h2 (6 Mt/yr at 200 USD/t, 0 t/t), u2
// bf (6 Mt/yr at 100 + 2p USD/t, 2 t/t); demand 10 Mt. bf runs first at
// p = 0: 6 x 2 = 12 Mt CO2. A cap of 10 Mt needs the order flipped:
// 100 + 2p > 200, p* = 50 USD/t. The cap is 20 Mt (loose) until 2029 and
// 10 Mt from 2030.
Scenario tightening_cap(EmissionsTrading::Expectation rule, int years_ahead) {
  Scenario s = test::tiny_scenario();
  s.technologies[0].family = "bf";
  s.technologies[1].family = "dri";
  s.policy.carbon_price = YearSeries::constant(s.horizon, 0.0);
  s.units[0].technology = 1;
  s.units[0].last_reline_year = s.units[1].last_reline_year = 2024;
  EmissionsTrading ets;
  ets.regions = {0};
  ets.cap = step_cap(s.horizon, 10.0);
  ets.expectation = rule;
  ets.expectation_years = years_ahead;
  s.policy.ets = ets;
  return s;
}
} // namespace

TEST_CASE("ETS expectation: investors read the cap announced years ahead", "[sim][levers][ets]") {
  const MemberResult r = simulate(tightening_cap(EmissionsTrading::Expectation::announced, 3));
  // Cleared: 0 while the cap is loose (2025-2029), 50 once it binds.
  CHECK(r.allowance_price[4] == 0.0);                       // 2029
  CHECK(r.allowance_price[5] == Approx(50.0).margin(0.01)); // 2030
  // Expected, reading 3 years ahead: 2025 reads 2028 (20 Mt: 0), 2026 reads
  // 2029 (0), 2027 reads 2030 (10 Mt: 50) and every later year 50.
  CHECK(r.expected_allowance_price[0] == 0.0);
  CHECK(r.expected_allowance_price[1] == 0.0);
  for (std::size_t y = 2; y < r.horizon.size(); ++y)
    CHECK(r.expected_allowance_price[y] == Approx(50.0).margin(0.01));
  // The expectation is a reading, not a trade: the cleared prices and the
  // dispatch are those of the run that expects last year's price.
  const MemberResult last = simulate(tightening_cap(EmissionsTrading::Expectation::last, 3));
  CHECK(last.allowance_price == r.allowance_price);
  CHECK(last.emissions == r.emissions);
  // Last year's price: the floor in the first year, then each year's clearing.
  CHECK(last.expected_allowance_price[0] == 0.0);
  for (std::size_t y = 1; y < last.horizon.size(); ++y)
    CHECK(last.expected_allowance_price[y] == last.allowance_price[y - 1]);
  CHECK(last.expected_allowance_price[5] == 0.0); // 2030 expects 2029's 0 while paying 50
}

TEST_CASE("ETS expectation: reading 0 years ahead is this year's cap with the fleet now",
          "[sim][levers][ets]") {
  const MemberResult r = simulate(tightening_cap(EmissionsTrading::Expectation::announced, 0));
  // With no decision in the horizon the fleet never changes, so the reading
  // equals the year's own clearing.
  for (std::size_t y = 0; y < r.horizon.size(); ++y)
    CHECK(r.expected_allowance_price[y] == r.allowance_price[y]);
}

TEST_CASE("ETS expectation: a cap the fleet cannot meet is read at the ceiling", "[sim][levers][ets]") {
  Scenario s = tightening_cap(EmissionsTrading::Expectation::announced, 2);
  s.policy.ets->cap = step_cap(s.horizon, 5.0); // at best 4 x 2 = 8 Mt
  s.policy.ets->price_ceiling = 300.0;
  const MemberResult r = simulate(s);
  CHECK(r.expected_allowance_price[2] == 0.0);   // 2027 reads 2029: loose
  CHECK(r.expected_allowance_price[3] == 300.0); // 2028 reads 2030: 5 Mt, short at any price
  CHECK(r.allowance_price[5] == 300.0);
  CHECK(r.ets_emissions[5] == Approx(8.0));
  // Without an ETS the series is NaN.
  s.policy.ets.reset();
  CHECK(std::isnan(simulate(s).expected_allowance_price[0]));
}
