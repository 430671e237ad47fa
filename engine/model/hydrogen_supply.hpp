// Hydrogen made from electricity in each region (docs/model.md, "Hydrogen
// supply"): an electrolyser whose capex falls on an exogenous path of
// cumulative global electrolyser capacity (one-factor learning), run at a
// steady load factor on the region's grid power or on a clean-power
// contract, with a buffer store for steady supply to a shaft furnace. With
// it, the hydrogen commodity's price and upstream CO2 are computed per
// region and year (sim/hydrogen_cost.hpp) instead of read from its price path.
// Hydrogen from gas (SMR, with or without capture) is an alternative supply:
// each region buys the cheapest one allowed.
#pragma once

#include "model/year_series.hpp"

#include <optional>
#include <string>
#include <vector>

namespace steelpath {

/// Hydrogen from natural gas by steam methane reforming (SMR), with or without capture.
struct FossilHydrogen {
  double gas = 0.0;          ///< natural gas per kg of hydrogen, feed and fuel, GJ/kg
  double other_cost = 0.0;   ///< capex and O&M per kg, USD/kg
  double co2 = 0.0;          ///< CO2 generated per kg of hydrogen, kg CO2/kg
  double capture_rate = 0.0; ///< share of that CO2 captured and stored, 0..1
  bool allowed = true;       ///< whether regions may buy this supply
};

/// Where a region's hydrogen comes from in a year (the cheapest supply allowed).
enum class HydrogenSource {
  price_path = 0,   ///< the commodity's price path (no hydrogen_supply, or the region's own price)
  electrolysis = 1, ///< electrolysis
  smr = 2,          ///< steam methane reforming without capture
  smr_ccs = 3,      ///< steam methane reforming with capture and storage
};

/// One tier of a hydrogen production credit: the credit paid per kg of hydrogen whose
/// upstream intensity is at most max_intensity.
struct CreditTier {
  std::string id;             ///< the tier's name in the scenario (e.g. "clean")
  double max_intensity = 0.0; ///< upper bound of the tier (inclusive), kg CO2 per kg H2
  double credit = 0.0;        ///< credit paid per kg, USD/kg
};

/// A hydrogen production credit tiered by emissions and limited in time, as the
/// US 45V credit (26 USC 45V; docs/model.md, "Hydrogen production credit"): a
/// unit whose hydrogen route was placed in service in year S, its construction
/// started in S - construction_years <= last_start_year, earns the credit of its
/// region's tier on the hydrogen it uses in years S .. S + years - 1.
struct ProductionCredit {
  /// Tiers in ascending max_intensity; the first whose bound the intensity does not exceed pays.
  std::vector<CreditTier> tiers;
  /// Years the credit is paid from the placing in service, yr.
  int years = 10;
  /// Last year a plant may start construction and still earn the credit.
  int last_start_year = 2027;
  /// Indices of the regions that pay it.
  std::vector<int> regions;
};

/// Hydrogen supply: the levelized cost inputs shared by all regions.
struct HydrogenSupply {
  /// Index of the hydrogen commodity (priced per kg) whose price and upstream CO2 this supply sets.
  int commodity = -1;
  /// Installed electrolyser capex (system, EPC included) at base_deployment, USD per kW of electric input.
  double electrolyser_capex = 2000.0;
  /// Cumulative global electrolyser capacity (exogenous path), GW.
  YearSeries deployment;
  /// Cumulative global capacity at which electrolyser_capex holds, GW.
  double base_deployment = 5.2;
  /// Capex reduction per doubling of cumulative global capacity, 0..1.
  double learning_rate = 0.0;
  /// Capex reduction per doubling of the electrolyser knowledge stock (an
  /// innovation fund's electrolyser R&D over base_knowledge), 0..1.
  double learning_rate_rd = 0.0;
  /// Electrolyser knowledge stock at which electrolyser_capex holds, million USD.
  double base_knowledge = 1.0;
  /// Fixed operation and maintenance, share of capex per year, 1/yr.
  double fixed_om = 0.02;
  /// Years over which the electrolyser's capex is recovered, yr.
  int lifetime_years = 20;
  /// Rate of the capital recovery factor, 1/yr (default: Finance::discount_rate).
  double discount_rate = 0.08;
  /// Electricity per kg of hydrogen, kWh/kg.
  YearSeries efficiency;
  /// Share of the year the electrolyser runs (steady supply to a shaft furnace), 0..1.
  double load_factor = 0.9;
  /// Storage and buffering for steady supply to a shaft furnace, USD/kg.
  double storage_cost = 0.0;
  /// True: powered by a clean-power contract (no upstream CO2) at contract_price; false: the region's grid.
  bool contract = false;
  /// Price of the clean-power contract, USD/MWh (a region's own Region::h2_contract_price overrides it).
  std::optional<YearSeries> contract_price;
  /// Subsidy on the electricity electrolysers use, USD/MWh (at most the power price); empty: none.
  std::optional<YearSeries> power_subsidy;
  /// Multiplies every supply's cost (1: as computed); what a scale uncertainty on hydrogen's cost samples.
  double cost_factor = 1.0;
  /// Whether electrolysis is an allowed supply.
  bool electrolysis = true;
  /// Unabated SMR from the region's gas, allowed when present.
  std::optional<FossilHydrogen> smr;
  /// SMR with capture and storage, allowed when present.
  std::optional<FossilHydrogen> smr_ccs;
  /// A production credit per kg by emissions tier, when present.
  std::optional<ProductionCredit> production_credit;
};

} // namespace steelpath
