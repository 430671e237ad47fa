// Small scenarios built in code for unit tests, with numbers simple enough to
// check by hand. Each test changes what it needs from these.
#pragma once

#include "model/scenario.hpp"

namespace steelpath::test {

/// One region, two commodities (coal in t, hydrogen in kg), two routes:
///   "bf"  : 1 t coal/t, coal EF 2 t CO2/t -> 2 t CO2/t; capex reline 100, greenfield 500
///   "h2"  : 50 kg H2/t, no emissions;           capex reline 100, greenfield 500
/// Coal 100 USD/t, hydrogen 4 USD/kg; no fixed opex; discount rate 0; u = 1;
/// campaign 10 years, no construction time, 40-year life; horizon 2025-2034;
/// demand 10 Mt/yr; no carbon price. The price is the marginal cost (no
/// scarcity adder, no long-run floor: sim/price_formation has its own tests).
/// Units: "u1" bf 6 Mt/yr relined 2015 (decides 2025), "u2" bf 6 Mt/yr relined 2020 (decides 2030).
inline Scenario tiny_scenario() {
  Scenario s;
  s.name = "tiny";
  s.horizon = {2025, 2034};
  const Horizon& h = s.horizon;
  s.commodities = {{"coal", "t", YearSeries::constant(h, 100.0), 2.0},
                   {"hydrogen", "kg", YearSeries::constant(h, 4.0), 0.0}};
  Technology bf;
  bf.id = "bf";
  bf.name = "Blast furnace";
  bf.inputs = {1.0, 0.0};
  bf.capex_greenfield = 500;
  bf.capex_switch = 500;
  bf.capex_reline = 100;
  bf.campaign_years = 10;
  bf.construction_years = 0; // conversions take effect at once, so the numbers stay simple
  Technology h2 = bf;
  h2.id = "h2";
  h2.name = "Hydrogen DRI";
  h2.inputs = {0.0, 50.0};
  s.technologies = {bf, h2};
  Region r;
  r.id = "r";
  r.demand = YearSeries::constant(h, 10.0);
  r.scrap_supply = YearSeries::constant(h, 0.0);
  s.regions = {r};
  Company c;
  c.id = "c";
  c.name = "Company C";
  c.hurdle_rate = 0.0;
  s.companies = {c};
  s.units = {{"u1", "p1", 0, 0, 0, 6.0, 2000, 2015}, {"u2", "p2", 0, 0, 0, 6.0, 2000, 2020}};
  s.policy.carbon_price = YearSeries::constant(h, 0.0);
  s.finance = {0.0, 1.0};
  s.market = {.max_utilisation = 1.0, .scarcity_adder = 0.0, .long_run_factor = 0.0};
  return s;
}

/// An electrolytic hydrogen supply for the tiny scenario's hydrogen (commodity 1)
/// whose levelized cost is worked by hand in test_hydrogen_cost.cpp: capex
/// 876 USD/kW, no learning, rate 0 over 20 years, fixed O&M 5 %/yr, 50 kWh/kg,
/// load factor 0.5, storage 0.25 USD/kg (1.00 USD/kg of capital and O&M).
inline HydrogenSupply tiny_electrolysis(const Horizon& horizon) {
  HydrogenSupply h;
  h.commodity = 1;
  h.electrolyser_capex = 876.0;
  h.deployment = YearSeries::constant(horizon, 5.0);
  h.base_deployment = 5.0;
  h.fixed_om = 0.05;
  h.lifetime_years = 20;
  h.discount_rate = 0.0;
  h.efficiency = YearSeries::constant(horizon, 50.0);
  h.load_factor = 0.5;
  h.storage_cost = 0.25;
  return h;
}

} // namespace steelpath::test
