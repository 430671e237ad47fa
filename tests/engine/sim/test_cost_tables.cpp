// Per-route cost and emission tables as matrix products, checked by hand.
#include "sim/cost_tables.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;

TEST_CASE("variable cost and intensity are the input table times prices and factors", "[sim][costs]") {
  Scenario s = test::tiny_scenario();
  s.technologies[0].capture_rate = 0.25;
  s.technologies[0].process_emissions = 0.4;
  const CostTables t = build_cost_tables(s);
  // bf: 1 t coal x 100 USD/t = 100 USD/t;  h2: 50 kg x 4 USD/kg = 200 USD/t
  CHECK(t.variable_cost[0](0, 0) == Approx(100.0));
  CHECK(t.variable_cost[0](1, 5) == Approx(200.0));
  // bf gross CO2: 1 t coal x 2 t CO2/t + 0.4 process = 2.4; 25 % captured:
  // emitted 2.4 x 0.75 = 1.8, captured 2.4 x 0.25 = 0.6 t CO2/t.
  CHECK(t.direct_intensity(0) == Approx(1.8));
  CHECK(t.captured_intensity(0) == Approx(0.6));
  CHECK(t.direct_intensity(1) == 0.0);
  CHECK(t.scrap_intensity.isZero()); // no scrap commodity in this scenario
  CHECK(t.indirect[0].isZero());     // no upstream factors, no grid intensity
}

TEST_CASE("regional prices, carbon prices and grid intensity", "[sim][costs]") {
  Scenario s = test::tiny_scenario();
  s.commodities.push_back({"electricity", "MWh", YearSeries::constant(s.horizon, 50.0), 0.0, 0.0});
  for (auto& t : s.technologies)
    t.inputs.push_back(0.0);
  s.technologies[1].inputs[2] = 3.0; // h2 route: 3 MWh/t
  s.electricity_commodity = 2;
  Region south = s.regions[0];
  south.id = "south";
  south.prices.resize(3);
  south.prices[2] = YearSeries::constant(s.horizon, 20.0);     // cheap power
  south.grid_intensity = YearSeries::constant(s.horizon, 0.6); // t CO2/MWh
  south.carbon_price = YearSeries::constant(s.horizon, 40.0);
  s.regions.push_back(south);
  s.policy.carbon_price = YearSeries::constant(s.horizon, 10.0);
  const CostTables t = build_cost_tables(s);
  // North: 200 + 3 x 50 = 350 USD/t; south: 200 + 3 x 20 = 260 USD/t.
  CHECK(t.variable_cost[0](1, 0) == Approx(350.0));
  CHECK(t.variable_cost[1](1, 0) == Approx(260.0));
  // Indirect in the south: 3 MWh x 0.6 = 1.8 t CO2/t; none in the north.
  CHECK(t.indirect[1](1, 0) == Approx(1.8));
  CHECK(t.indirect[0](1, 0) == 0.0);
  CHECK(t.carbon_tax[0](3) == 10.0);
  CHECK(t.carbon_tax[1](3) == 40.0);
}

TEST_CASE("levelized variable cost and carbon tax look ahead along the paths", "[sim][costs]") {
  Scenario s = test::tiny_scenario();
  // Carbon price 0 until 2029, 100 from 2030.
  const std::pair<int, double> pts[] = {{2029, 0.0}, {2030, 100.0}};
  s.policy.carbon_price = YearSeries::interpolate(s.horizon, pts);
  const CostTables t = build_cost_tables(s);
  // Decided in 2025 with r = 0 over 10 years: 5 years at 0 and 5 at 100 -> 50.
  CHECK(t.lev_carbon_tax[0](0, 0) == Approx(50.0));
  // Decided in 2030: all ten years (2030..2039, flat after 2034) at 100.
  CHECK(t.lev_carbon_tax[0](0, 5) == Approx(100.0));
  CHECK(t.lev_variable[0](0, 0) == Approx(100.0));
}
