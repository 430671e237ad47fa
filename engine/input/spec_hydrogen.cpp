// The scenario format's hydrogen_supply section: hydrogen from electrolysis
// or natural gas priced per region and year (model/hydrogen_supply.hpp,
// sim/hydrogen_cost.hpp).
// The shipped values and their sources are in scenarios/base/hydrogen.yaml.
#include "input/spec_leaves.hpp"

namespace steelpath::input::spec {

namespace {

// Hydrogen from gas: one record for SMR with or without capture.
template <auto Object>
Spec fossil_spec(const std::string& doc) {
  return record(
      doc + ": regions may buy it when allowed (its cost from the region's natural gas price, carbon "
            "tax on the CO2 not captured, policies.storage_cost on the CO2 captured)",
      false,
      {{"gas", at<Object, &FossilHydrogen::gas>(
                   number("natural gas per kg of hydrogen, feed and fuel", "GJ/kg", {0.0, 10.0}))},
       {"other_cost",
        at<Object, &FossilHydrogen::other_cost>(number("capex and O&M per kg", "USD/kg", {0.0, 100.0}))},
       {"co2", at<Object, &FossilHydrogen::co2>(
                   number("CO2 generated per kg of hydrogen", "kg CO2/kg", {0.0, 100.0}))},
       {"capture_rate", at<Object, &FossilHydrogen::capture_rate>(
                            number("share of that CO2 captured and stored", "1", share, "0"))},
       {"allowed", choice("whether regions may buy this supply", {"true", "false"}, "true")}});
}

// The production credit per kg by emissions tier (sim/hydrogen_credit.hpp).
// The 45V figures and their sources: docs/model.md, "Hydrogen production credit".
Spec credit_spec() {
  return record(
      "a hydrogen production credit per kg by emissions tier, limited in time, as the US 45V credit: "
      "paid on the hydrogen a unit uses for `years` from its route's placing in service, if its "
      "construction started by last_start_year (docs/model.md, \"Hydrogen production credit\")",
      false,
      {{"tiers",
        indexed(map_of("tiers in ascending max_intensity: the first whose bound the region's "
                       "hydrogen upstream CO2 does not exceed pays its credit (none above the last); 45V: "
                       "3.00 / 1.00 / 0.75 / 0.60 USD/kg at 0.45 / 1.5 / 2.5 / "
                       "4 kg CO2e/kg (26 USC 45V(b), with the wage bonus)",
                       "tier",
                       record("a tier", true,
                              {{"max_intensity",
                                at<h2tier, &CreditTier::max_intensity>(number(
                                    "upper bound of the tier, well-to-gate", "kg CO2/kg", {0.0, 1000.0}))},
                               {"credit", at<h2tier, &CreditTier::credit>(
                                              number("credit per kg of hydrogen", "USD/kg", {0.0, 100.0}))}}),
                       true),
                &EntryIndex::tier)},
       {"years", at<h2credit, &ProductionCredit::years>(
                     integer("years the credit is paid from the placing in service (26 USC 45V(a): 10)", "yr",
                             {0, 100}, "10"))},
       {"last_start_year",
        at<h2credit, &ProductionCredit::last_start_year>(
            integer("last year a plant may start construction and still earn the credit (OBBBA 2025: "
                    "before 2028; IRA: before 2033)",
                    "year", year, "2027"))},
       {"regions", ref_to("regions that pay it (default: all)", "regions", true)}});
}

} // namespace

Spec hydrogen_supply_spec() {
  return record(
      "hydrogen supply: the cost of the cheapest allowed supply (electrolysis, SMR with or without "
      "capture) per region and year replaces the hydrogen commodity's price path, its CO2 counts as "
      "upstream (docs/model.md, \"Hydrogen supply\")",
      false,
      {{"commodity",
        ref_to("the commodity that is hydrogen, priced per kg (default: 'hydrogen')", "commodities")},
       {"electrolyser_capex",
        at<h2supply, &HydrogenSupply::electrolyser_capex>(number(
            "installed electrolyser capex (system and EPC) at base_deployment", "USD/kW", {1.0, 1e5}))},
       {"deployment",
        at<h2supply, &HydrogenSupply::deployment>(
            series("cumulative global electrolyser capacity (exogenous learning path)", "GW", {1e-6, 1e6}))},
       {"base_deployment",
        at<h2supply, &HydrogenSupply::base_deployment>(
            number("cumulative global capacity at which electrolyser_capex holds", "GW", {1e-6, 1e6}))},
       {"learning_rate",
        at<h2supply, &HydrogenSupply::learning_rate>(
            number("capex reduction per doubling of cumulative global capacity", "1", {0.0, 0.9}, "0"))},
       {"learning_rate_rd",
        at<h2supply, &HydrogenSupply::learning_rate_rd>(
            number("capex reduction per doubling of the electrolyser knowledge stock (an innovation fund's "
                   "electrolyser R&D, policies.fund.hydrogen)",
                   "1", {0.0, 0.9}, "0"))},
       {"base_knowledge", at<h2supply, &HydrogenSupply::base_knowledge>(
                              number("electrolyser knowledge stock at which electrolyser_capex holds",
                                     "million USD", {1e-6, 1e9}, "1"))},
       {"fixed_om", at<h2supply, &HydrogenSupply::fixed_om>(
                        number("fixed operation and maintenance, share of capex per year", "1", rate))},
       {"lifetime_years", at<h2supply, &HydrogenSupply::lifetime_years>(integer(
                              "years over which the electrolyser's capex is recovered", "yr", {1, 100}))},
       {"discount_rate",
        defaults_to(at<h2supply, &HydrogenSupply::discount_rate>(optional(number(
                        "rate of the capital recovery factor (default: finance.discount_rate)", "1", rate))),
                    "finance.discount_rate")},
       {"efficiency", at<h2supply, &HydrogenSupply::efficiency>(
                          series("electricity per kg of hydrogen", "kWh/kg", {1.0, 1000.0}))},
       {"load_factor", at<h2supply, &HydrogenSupply::load_factor>(
                           number("share of the year the electrolyser runs", "1", {0.01, 1.0}))},
       {"storage_cost",
        at<h2supply, &HydrogenSupply::storage_cost>(number(
            "storage and buffering for steady supply to a shaft furnace", "USD/kg", {0.0, 100.0}, "0"))},
       {"power", choice("what powers the electrolysers: the region's grid (its electricity price and "
                        "grid_intensity) or a clean-power contract (no CO2) at contract_price",
                        {"grid", "contract"}, "grid")},
       {"contract_price", at<h2supply, &HydrogenSupply::contract_price>(optional(series(
                              "price of the clean-power contract (regions.*.h2_contract_price overrides it)",
                              "USD/MWh", price)))},
       {"electrolysis", choice("whether electrolysis is an allowed supply", {"true", "false"}, "true")},
       {"smr", fossil_spec<smr>("hydrogen from natural gas by steam methane reforming, unabated")},
       {"smr_ccs", fossil_spec<smr_ccs>("hydrogen from natural gas by steam methane reforming with capture")},
       {"power_subsidy",
        at<h2supply, &HydrogenSupply::power_subsidy>(optional(series(
            "subsidy on the electricity electrolysers use (at most the power price; its public cost is "
            "the hydrogen_subsidy output)",
            "USD/MWh", price)))},
       {"cost_factor", at<h2supply, &HydrogenSupply::cost_factor>(number(
                           "multiplies every supply's cost (an uncertainty on hydrogen's cost samples it)",
                           "1", {0.0, 100.0}, "1"))},
       {"production_credit", credit_spec()}});
}

} // namespace steelpath::input::spec
