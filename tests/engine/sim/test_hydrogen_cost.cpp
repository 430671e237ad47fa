// The levelized cost of electrolytic hydrogen, its learning on the exogenous
// deployment path and its upstream CO2, hydrogen from gas and the choice of
// the cheapest supply, checked by hand; and its place in the cost tables and
// the results of a small scenario.
#include "sim/cost_tables.hpp"
#include "sim/hydrogen_cost.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;

namespace {

// The tiny scenario (hydrogen DRI "h2": 50 kg H2/t) with grid electricity at
// 40 USD/MWh, 0.6 t CO2/MWh, and an electrolytic supply whose levelized cost
// is worked by hand below: capex 876 USD/kW, no learning, rate 0 over 20
// years, fixed O&M 5 %/yr, 50 kWh/kg, load factor 0.5, storage 0.25 USD/kg.
Scenario with_supply() {
  Scenario s = test::tiny_scenario();
  s.commodities.push_back({"electricity", "MWh", YearSeries::constant(s.horizon, 40.0), 0.0, 0.0});
  for (auto& t : s.technologies)
    t.inputs.push_back(0.0);
  s.electricity_commodity = 2;
  s.regions[0].prices.resize(3);
  s.regions[0].grid_intensity = YearSeries::constant(s.horizon, 0.6);
  HydrogenSupply h = test::tiny_electrolysis(s.horizon);
  h.learning_rate = 0.18;
  s.hydrogen_supply = h;
  return s;
}

} // namespace

TEST_CASE("the electrolyser's capital recovery factor", "[sim][hydrogen]") {
  CHECK(capital_recovery_factor(0.0, 20) == Approx(0.05));
  // 0.08 / (1 - 1.08^-20) = 0.08 / (1 - 0.214548) = 0.101852 (annuity tables)
  CHECK(capital_recovery_factor(0.08, 20) == Approx(0.101852).epsilon(1e-5));
  // One year: repay capex and a year's interest.
  CHECK(capital_recovery_factor(0.1, 1) == Approx(1.1));
}

TEST_CASE("hand-worked levelized cost of electrolytic hydrogen", "[sim][hydrogen]") {
  // capex 876 USD/kW x (CRF 1/20 = 0.05 + O&M 0.05) = 87.6 USD/kW/yr;
  // a kW makes 8760 h x 0.5 / 50 kWh/kg = 87.6 kg/yr -> 1.00 USD/kg;
  // power 50 kWh/kg x 40 USD/MWh / 1000 = 2.00 USD/kg; storage 0.25 -> 3.25 USD/kg.
  const ElectrolysisInputs in{876.0, 0.05, 0.05, 0.5, 50.0, 40.0, 0.25};
  CHECK(levelized_cost_of_hydrogen(in) == Approx(3.25));
  // At the 8 % rate: 876 x (0.101852 + 0.05) / 87.6 = 1.51852, + 2 + 0.25 = 3.76852.
  const ElectrolysisInputs at8{876.0, capital_recovery_factor(0.08, 20), 0.05, 0.5, 50.0, 40.0, 0.25};
  CHECK(levelized_cost_of_hydrogen(at8) == Approx(3.76852).epsilon(1e-5));
}

TEST_CASE("electrolyser capex learns on the exogenous global deployment path", "[sim][hydrogen]") {
  HydrogenSupply h;
  h.electrolyser_capex = 1000.0;
  h.base_deployment = 5.0;
  h.learning_rate = 0.18;
  CHECK(electrolyser_capex(h, 5.0) == Approx(1000.0));
  // Each doubling lowers capex by exactly the learning rate.
  CHECK(electrolyser_capex(h, 10.0) == Approx(820.0));
  CHECK(electrolyser_capex(h, 20.0) == Approx(672.4));
  CHECK(electrolyser_capex(h, 2.5) == Approx(1000.0 / 0.82));
  h.learning_rate = 0.0;
  CHECK(electrolyser_capex(h, 640.0) == Approx(1000.0));
}

TEST_CASE("a region's hydrogen: cost per year, grid CO2 or a clean contract", "[sim][hydrogen]") {
  Scenario s = with_supply();
  const std::pair<int, double> pts[] = {{2025, 5.0}, {2034, 10.0}};
  s.hydrogen_supply->deployment = YearSeries::interpolate(s.horizon, pts);
  RegionHydrogen h = region_hydrogen(s, 0);
  CHECK(h.price[0] == Approx(3.25));
  // 2034: capex 876 x 0.82 = 718.32 -> capex term 0.82 USD/kg: 0.82 + 2 + 0.25 = 3.07.
  CHECK(h.price[9] == Approx(3.07));
  // Upstream: 50 kWh/kg x 0.6 t CO2/MWh / 1000 = 0.03 t CO2/kg (30 kg CO2/kg H2).
  CHECK(h.upstream[0] == Approx(0.03));

  // A clean-power contract at 30 USD/MWh: power 1.50 USD/kg, no CO2.
  s.hydrogen_supply->contract = true;
  s.hydrogen_supply->contract_price = YearSeries::constant(s.horizon, 30.0);
  h = region_hydrogen(s, 0);
  CHECK(h.price[0] == Approx(1.0 + 1.5 + 0.25));
  CHECK(h.upstream[0] == 0.0);
  // The region's own contract price and capex factor: 20 USD/MWh, capex x 0.5.
  s.regions[0].h2_contract_price = YearSeries::constant(s.horizon, 20.0);
  s.regions[0].h2_capex_factor = 0.5;
  h = region_hydrogen(s, 0);
  CHECK(h.price[0] == Approx(0.5 + 1.0 + 0.25));
}

TEST_CASE("a power subsidy for electrolysis lowers the cost by its share of the power", "[sim][hydrogen]") {
  Scenario s = with_supply();
  s.hydrogen_supply->power_subsidy = YearSeries::constant(s.horizon, 10.0);
  RegionHydrogen h = region_hydrogen(s, 0);
  CHECK(h.price[0] == Approx(3.25 - 0.5)); // 50 kWh/kg x 10 USD/MWh / 1000
  CHECK(h.subsidy[0] == Approx(0.5));
  // Capped at the power price (40 USD/MWh): power is free, the subsidy 2.00 USD/kg.
  s.hydrogen_supply->power_subsidy = YearSeries::constant(s.horizon, 100.0);
  h = region_hydrogen(s, 0);
  CHECK(h.price[0] == Approx(1.25));
  CHECK(h.subsidy[0] == Approx(2.0));
  // Through the cost tables: the h2 route pays 50 kg x 1.25 = 62.5 USD/t.
  CHECK(build_cost_tables(s).variable_cost[0](1, 0) == Approx(62.5));
}

TEST_CASE("the cost tables price hydrogen DRI at the region's levelized hydrogen cost", "[sim][hydrogen]") {
  Scenario s = with_supply();
  Region south = s.regions[0];
  south.id = "south";
  south.prices[2] = YearSeries::constant(s.horizon, 20.0);     // cheap power
  south.grid_intensity = YearSeries::constant(s.horizon, 0.1); // t CO2/MWh
  s.regions.push_back(south);
  CostTables t = build_cost_tables(s);
  // North: 50 kg x 3.25 = 162.5 USD/t (the commodity's own 4 USD/kg is not used);
  // south: power 1.00 USD/kg -> 2.25 USD/kg -> 112.5 USD/t.
  CHECK(t.variable_cost[0](1, 0) == Approx(162.5));
  CHECK(t.variable_cost[1](1, 0) == Approx(112.5));
  // Indirect: 50 kg x 0.03 = 1.5 t CO2/t in the north, 50 x 0.005 = 0.25 in the south.
  CHECK(t.indirect[0](1, 0) == Approx(1.5));
  CHECK(t.indirect[1](1, 0) == Approx(0.25));
  CHECK(t.direct_intensity(1) == 0.0);

  // The cost factor (what a scale uncertainty on hydrogen's cost samples) halves it.
  s.hydrogen_supply->cost_factor = 0.5;
  t = build_cost_tables(s);
  CHECK(t.variable_cost[0](1, 0) == Approx(81.25));
  CHECK(t.indirect[0](1, 0) == Approx(1.5)); // the power used is the same

  // A region that pins its own hydrogen price keeps it.
  s.regions[1].prices[1] = YearSeries::constant(s.horizon, 1.0);
  t = build_cost_tables(s);
  CHECK(t.variable_cost[1](1, 0) == Approx(50.0));
  CHECK(t.indirect[1](1, 0) == 0.0);

  // Without a supply, hydrogen costs its price path (4 USD/kg) as before.
  s.hydrogen_supply.reset();
  t = build_cost_tables(s);
  CHECK(t.variable_cost[0](1, 0) == Approx(200.0));
  CHECK(t.indirect[0](1, 0) == 0.0);
}

TEST_CASE("hand-worked hydrogen from gas, with and without capture", "[sim][hydrogen]") {
  // Unabated: 0.16 GJ/kg x 10 USD/GJ = 1.60, + 0.50, + 9 kg CO2 x 50 USD/t = 0.45 -> 2.55 USD/kg.
  const FossilHydrogen smr{0.16, 0.5, 9.0, 0.0, true};
  const SupplyCost a = fossil_hydrogen_cost(smr, 10.0, 50.0, 20.0);
  CHECK(a.price == Approx(2.55));
  CHECK(a.upstream == Approx(0.009));
  // With capture: 1.75 + 0.80, 1 kg emitted x 50 USD/t = 0.05, 9 kg stored x 20 USD/t = 0.18 -> 2.78.
  const FossilHydrogen ccs{0.175, 0.8, 10.0, 0.9, true};
  const SupplyCost b = fossil_hydrogen_cost(ccs, 10.0, 50.0, 20.0);
  CHECK(b.price == Approx(2.78));
  CHECK(b.upstream == Approx(0.001));
}

TEST_CASE("the cheapest supply flips where the carbon price crosses its break-even", "[sim][hydrogen]") {
  Scenario s = with_supply();
  s.commodities.push_back({"natural_gas", "GJ", YearSeries::constant(s.horizon, 10.0), 0.0561, 0.0});
  for (auto& t : s.technologies)
    t.inputs.push_back(0.0);
  s.natural_gas_commodity = 3;
  s.regions[0].prices.resize(4);
  s.hydrogen_supply->smr = FossilHydrogen{0.16, 0.5, 9.0, 0.0, true};
  // Electrolysis 3.25 USD/kg; SMR 2.10 + 0.009 x carbon price: break-even
  // (3.25 - 2.10) / 0.009 = 127.8 USD/t CO2.
  s.policy.carbon_price = YearSeries::constant(s.horizon, 120.0);
  RegionHydrogen h = region_hydrogen(s, 0);
  CHECK(h.source[0] == HydrogenSource::smr);
  CHECK(h.price[0] == Approx(2.1 + 1.08));
  CHECK(h.upstream[0] == Approx(0.009));
  s.policy.carbon_price = YearSeries::constant(s.horizon, 135.0);
  h = region_hydrogen(s, 0);
  CHECK(h.source[0] == HydrogenSource::electrolysis);
  CHECK(h.price[0] == Approx(3.25));
  CHECK(h.upstream[0] == Approx(0.03));
  // The region's own carbon price decides, not the global one.
  s.regions[0].carbon_price = YearSeries::constant(s.horizon, 0.0);
  CHECK(region_hydrogen(s, 0).source[0] == HydrogenSource::smr);
  // A supply not allowed is never bought.
  s.hydrogen_supply->smr->allowed = false;
  CHECK(region_hydrogen(s, 0).source[0] == HydrogenSource::electrolysis);
}

TEST_CASE("the results report each region's hydrogen cost, use, CO2 and supply", "[sim][hydrogen]") {
  Scenario s = with_supply();
  // A power subsidy of 10 USD/MWh: 50 kWh/kg x 10 / 1000 = 0.50 USD/kg off 3.25;
  // at a cost factor of 0.1, 0.275 USD/kg: hydrogen DRI is the cheapest route.
  s.hydrogen_supply->power_subsidy = YearSeries::constant(s.horizon, 10.0);
  s.hydrogen_supply->cost_factor = 0.1;
  const MemberResult r = simulate(s);
  const std::size_t T = s.technologies.size();
  double used = 0.0;
  for (std::size_t y = 0; y < r.horizon.size(); ++y) {
    CHECK(r.hydrogen_cost[y] == Approx(0.275));
    CHECK(r.hydrogen_subsidy[y] == Approx(r.hydrogen_use[y] * 0.5)); // kt x USD/kg = million USD
    CHECK(r.hydrogen_source[y] == 1.0);
    // 50 kg per t of the h2 route's output (Mt x kg/t = kt); its CO2 is that route's indirect CO2.
    CHECK(r.hydrogen_use[y] == Approx(r.production[y * T + 1] * 50.0));
    CHECK(r.hydrogen_co2[y] == Approx(r.hydrogen_use[y] * 0.03));
    CHECK(r.hydrogen_co2[y] == Approx(r.indirect[y * T + 1]));
    used += r.hydrogen_use[y];
  }
  CHECK(used > 0.0);
  // Without a supply: the price path, source 0.
  const MemberResult plain = simulate(test::tiny_scenario());
  CHECK(plain.hydrogen_cost[0] == Approx(4.0));
  CHECK(plain.hydrogen_source[0] == 0.0);
  CHECK(plain.hydrogen_co2[0] == 0.0);
}
