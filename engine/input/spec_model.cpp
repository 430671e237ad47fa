// The scenario format's model sections: commodities, technologies, regions
// and companies (scenario_spec.hpp; constructors in spec_leaves.hpp).
#include "input/spec_leaves.hpp"

namespace steelpath::input::spec {

Spec commodities_spec() {
  return indexed(
      map_of("what routes consume", "commodity",
             record("a commodity", true,
                    {{"unit", text("physical unit of one quantity: t, GJ, kg, MWh, ...", true)},
                     {"price", at<commodity, &Commodity::price>(series("price", "USD/@commodity", price))},
                     {"emission_factor",
                      at<commodity, &Commodity::emission_factor>(number(
                          "direct CO2 per unit (0 for electricity)", "t CO2/@commodity", intensity, "0"))},
                     {"indirect_emission_factor", at<commodity, &Commodity::indirect_emission_factor>(
                                                      number("upstream CO2 per unit, counted as indirect "
                                                             "(grid electricity: regions.*.grid_intensity)",
                                                             "t CO2/@commodity", intensity, "0"))}})),
      &EntryIndex::commodity);
}

Spec technologies_spec() {
  Spec inputs;
  inputs.kind = SpecKind::ref_map;
  inputs.doc =
      "inputs per t crude steel, by commodity, in the commodity's unit; a negative quantity is a net "
      "export (e.g. electricity from process gases), credited at the price";
  inputs.ref = "commodities";
  inputs.entry_name = "commodity";
  inputs.required = true;
  inputs.index = &EntryIndex::commodity;
  inputs.entry.push_back(
      bound(number("quantity per t crude steel", "@commodity", Bounds{-1e3, 1e5}), technology_input()));

  return indexed(
      map_of(
          "steelmaking routes", "technology",
          record(
              "a route", true,
              {{"name", text("readable name (default: the id)")},
               {"family", choice("route family, for ETS benchmarks and bans",
                                 {"bf", "dri", "eaf", "sr", "electrolysis", "other"}, "other")},
               {"inputs", inputs},
               {"process_emissions",
                at<technology, &Technology::process_emissions>(
                    number("CO2 not tied to an input (fluxes, electrodes)", "t CO2/t", intensity, "0"))},
               {"capture_rate", at<technology, &Technology::capture_rate>(
                                    number("share of direct CO2 captured", "1", share, "0"))},
               {"capex_greenfield",
                at<technology, &Technology::capex_greenfield>(
                    number("capex of a new build or a conversion to this route", "USD/(t/yr)", capex))},
               {"capex_switch", defaults_to(at<technology, &Technology::capex_switch>(optional(number(
                                                "capex of converting a unit of another route to this one "
                                                "(default: capex_greenfield)",
                                                "USD/(t/yr)", capex))),
                                            "capex_greenfield")},
               {"capex_switch_from",
                indexed(ref_map("conversion capex from particular routes (overrides "
                                "capex_switch)",
                                "technologies", "technology",
                                bound(number("capex of converting from that route", "USD/(t/yr)", capex),
                                      technology_switch_from())),
                        &EntryIndex::route)},
               {"capex_reline", at<technology, &Technology::capex_reline>(number(
                                    "capex of a relining at the end of a campaign", "USD/(t/yr)", capex))},
               {"opex_fixed", at<technology, &Technology::opex_fixed>(
                                  number("fixed operating cost", "USD/(t/yr)/yr", capex))},
               {"campaign_years", at<technology, &Technology::campaign_years>(
                                      integer("years between investment decisions", "yr", {1, 100}))},
               {"available_from", at<technology, &Technology::available_from>(integer(
                                      "first year the route can be chosen", "year", {1800, 2300}, "1800"))},
               {"lifetime_years", at<technology, &Technology::lifetime_years>(
                                      integer("years from start to end of life", "yr", {1, 200}, "40"))},
               {"construction_years", at<technology, &Technology::construction_years>(integer(
                                          "years a new build or conversion takes", "yr", {0, 20}, "3"))},
               {"readiness", at<technology, &Technology::readiness>(integer(
                                 "technology readiness level (risk premium below 9)", "1", {1, 9}, "9"))},
               {"max_new_capacity", at<technology, &Technology::max_new_capacity>(optional(series(
                                        "build-out limit: capacity the route may gain per year by new builds "
                                        "and conversions, all regions together (default: unlimited)",
                                        "Mt/yr per yr", Bounds{0.0, 1e5})))},
               {"learning_rate",
                at<technology, &Technology::learning_rate>(
                    number("capex reduction per doubling of cumulative capacity", "1", {0.0, 0.9}, "0"))},
               {"learning_rate_rd",
                at<technology, &Technology::learning_rate_rd>(
                    number("capex reduction per doubling of the knowledge stock", "1", {0.0, 0.9}, "0"))},
               {"base_capacity",
                at<technology, &Technology::base_capacity>(number(
                    "cumulative capacity at which the capex figures hold", "Mt/yr", {1e-6, 1e5}, "1"))},
               {"start_capacity",
                at<technology, &Technology::start_capacity>(
                    number("world cumulative capacity of the route when the run starts (0: base_capacity; "
                           "below base_capacity the route starts with a first-of-a-kind premium)",
                           "Mt/yr", {0.0, 1e5}, "0"))},
               {"base_knowledge",
                at<technology, &Technology::base_knowledge>(number(
                    "knowledge stock at which the capex figures hold", "million USD", {1e-6, 1e9}, "1"))},
               {"knowledge_threshold",
                at<technology, &Technology::knowledge_threshold>(
                    number("knowledge stock that makes the route available to alliance members (0: "
                           "never before available_from)",
                           "million USD", {0.0, 1e9}, "0"))}})),
      &EntryIndex::technology);
}

Spec regions_spec() {
  return indexed(
      map_of(
          "markets", "region",
          record(
              "a region", true,
              {{"demand", at<region, &Region::demand>(series("crude steel demand", "Mt/yr", quantity))},
               {"scrap_supply",
                at<region, &Region::scrap_supply>(
                    series("scrap that can be collected (obsolete, home and prompt)", "Mt/yr", quantity))},
               {"dri_gas_supply",
                at<region, &Region::dri_gas_supply>(optional(
                    series("natural gas available to 'dri' routes (absent: no limit)", "bcm/yr", quantity)))},
               {"prices",
                indexed(ref_map("regional price paths overriding the commodities' own", "commodities",
                                "commodity",
                                bound(series("regional price", "USD/@commodity", price), region_price())),
                        &EntryIndex::commodity)},
               {"carbon_price", at<region, &Region::carbon_price>(optional(series(
                                    "regional carbon price (overrides policies)", "USD/t CO2", carbon)))},
               {"grid_intensity", at<region, &Region::grid_intensity>(optional(series(
                                      "CO2 of grid electricity (indirect)", "t CO2/MWh", {0.0, 10.0})))},
               {"h2_contract_price",
                at<region, &Region::h2_contract_price>(optional(
                    series("price of the clean-power contract of the region's electrolysers (overrides "
                           "hydrogen_supply.contract_price)",
                           "USD/MWh", price)))},
               {"h2_capex_factor",
                at<region, &Region::h2_capex_factor>(number(
                    "multiplies hydrogen_supply.electrolyser_capex in this region", "1", {0.01, 10.0}, "1"))},
               {"green_buyers",
                record("buyers of near-zero steel: the share of demand paying at least a premium falls "
                       "linearly from all of it at 0 to knee_share at knee_premium and to none at "
                       "max_premium (docs/model.md, \"The green-steel market\")",
                       false,
                       {{"max_premium", at<green_buyers, &GreenBuyers::max_premium>(number(
                                            "the highest premium any buyer pays (Fastmarkets, northern "
                                            "Europe 2023-24: 100-300 EUR/t)",
                                            "USD/t", capex))},
                        {"knee_premium",
                         at<green_buyers, &GreenBuyers::knee_premium>(
                             number("a premium knee_share of demand pays at least (McKinsey 2024: 75 USD/t)",
                                    "USD/t", capex))},
                        {"knee_share", at<green_buyers, &GreenBuyers::knee_share>(number(
                                           "share of demand paying at least knee_premium (McKinsey 2024: "
                                           "about a fifth of European buyers)",
                                           "1", rate))}})},
               {"demand_reduction",
                at<region, &Region::demand_reduction>(
                    series("material efficiency: share of demand avoided", "1", {0.0, 0.95}, "0"))},
               {"capacity_replacement",
                at<region, &Region::capacity_replacement>(
                    number("capacity a fleet unit that starts must retire per t/yr of its own (0: none)", "1",
                           {0.0, 5.0}, "0"))},
               {"intensity_standard",
                record(
                    "maximum direct intensity; units above it pay a penalty", false,
                    {{"max", bound(series("maximum direct intensity", "t CO2/t", intensity), standard_max())},
                     {"penalty", bound(number("penalty per t CO2 above the standard", "USD/t CO2", carbon),
                                       standard_penalty())}})}})),
      &EntryIndex::region);
}

Spec companies_spec() {
  return indexed(
      map_of("steelmakers (with companies_from_fleet: only those with their own settings)", "company",
             record("a company", false,
                    {{"name", text("readable name")},
                     {"hurdle_rate",
                      defaults_to(at<company, &Company::hurdle_rate>(optional(number(
                                      "its discount rate (default: finance.discount_rate)", "1", rate))),
                                  "finance.discount_rate")},
                     {"foresight", choice("what it expects of prices: the scenario's paths, today's, or the "
                                          "last five years' trend",
                                          {"perfect", "myopic", "trend"}, "perfect")},
                     {"finance_limit", at<company, &Company::finance_limit>(number(
                                           "capex per year at most this share of last year's revenue (0: no "
                                           "limit)",
                                           "1", {0.0, 10.0}, "0"))},
                     {"debt_limit", at<company, &Company::debt_limit>(
                                        number("net debt (debt - cash) may not exceed this (0: no limit)",
                                               "million USD", {0.0, 1e7}, "0"))},
                     {"alliance", choice("member of the innovation alliance", {"true", "false"}, "false")},
                     {"target",
                      record("climate target, acting as an internal carbon price", false,
                             {{"peak_year", at<target, &CompanyTarget::peak_year>(
                                                optional(integer("emissions peak by", "year", year)))},
                              {"neutrality_year", at<target, &CompanyTarget::neutrality_year>(optional(
                                                      integer("direct emissions zero by", "year", year)))},
                              {"intensity",
                               at<target, &CompanyTarget::intensity>(optional(series(
                                   "intensity milestones: maximum direct intensity", "t CO2/t", intensity)))},
                              {"price_step",
                               at<target, &CompanyTarget::price_step>(number(
                                   "internal price rise per year off track", "USD/t CO2", carbon, "10"))},
                              {"price_max", at<target, &CompanyTarget::price_max>(number(
                                                "internal price ceiling", "USD/t CO2", carbon, "300"))}})}}),
             false),
      &EntryIndex::company);
}

} // namespace steelpath::input::spec
