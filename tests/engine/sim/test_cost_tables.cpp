// Per-route cost and emission tables as matrix products, checked by hand.
#include "sim/cost_tables.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;

TEST_CASE("variable cost and intensity are the input table times prices and factors", "[sim][costs]") {
  Scenario s = test::tiny_scenario();
  s.technologies[0].capture_rate = 0.25;
  s.technologies[0].process_emissions = 0.4;
  s.policy.carbon_price = YearSeries::constant(s.horizon, 80.0);
  const CostTables t = build_cost_tables(s);
  // bf: 1 t coal x 100 USD/t = 100 USD/t;  h2: 50 kg x 4 USD/kg = 200 USD/t
  CHECK(t.variable_cost(0, 0) == Approx(100.0));
  CHECK(t.variable_cost(1, 5) == Approx(200.0));
  // bf gross CO2: 1 t coal x 2 t CO2/t + 0.4 process = 2.4; 25 % captured:
  // emitted 2.4 x 0.75 = 1.8, captured 2.4 x 0.25 = 0.6 t CO2/t.
  CHECK(t.direct_intensity(0) == Approx(1.8));
  CHECK(t.captured_intensity(0) == Approx(0.6));
  CHECK(t.direct_intensity(1) == 0.0);
  // Marginal cost with 80 USD/t CO2: 100 + 1.8 x 80 = 244 USD/t.
  CHECK(t.marginal_cost(0, 3) == Approx(244.0));
  CHECK(t.marginal_cost(1, 3) == Approx(200.0));
  // No scrap commodity in this scenario.
  CHECK(t.scrap_intensity.isZero());
}

TEST_CASE("levelized costs of relining and switching", "[sim][costs]") {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 30.0);
  const CostTables t = build_cost_tables(s);
  // r = 0, u = 1, 10-year campaign: CRF = 0.1.
  // bf reline: 100 x 0.1 + 100 + 2 x 30 = 170;  bf greenfield: 500 x 0.1 + 100 + 60 = 210
  // h2 switch: 500 x 0.1 + 200 + 0 = 250
  CHECK(t.lcos_reline(0, 0) == Approx(170.0));
  CHECK(t.lcos_switch(0, 0) == Approx(210.0));
  CHECK(t.lcos_switch(1, 0) == Approx(250.0));
}

TEST_CASE("levelized costs look ahead along the price paths", "[sim][costs]") {
  Scenario s = test::tiny_scenario();
  // Carbon price 0 until 2029, 100 from 2030 (points 2029: 0, 2030: 100).
  const std::pair<int, double> pts[] = {{2029, 0.0}, {2030, 100.0}};
  s.policy.carbon_price = YearSeries::interpolate(s.horizon, pts);
  const CostTables t = build_cost_tables(s);
  // Decided in 2025, r = 0: 10 years 2025..2034 hold 5 years at 0 and 5 at 100
  // -> levelized carbon price 50; bf reline = 10 + 100 + 2 x 50 = 210.
  CHECK(t.lcos_reline(0, 0) == Approx(210.0));
  // Decided in 2030: all ten years (2030..2039, flat after 2034) at 100 -> 310.
  CHECK(t.lcos_reline(0, 5) == Approx(310.0));
}
