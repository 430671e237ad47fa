// The levelized cost of electrolytic hydrogen per region and year
// (docs/model.md, "Hydrogen supply"), computed once per member before the
// cost tables:
//
//   capex(t)  = capex0 x f_r x (D(t) / D0)^log2(1 - LR) x (K(t) / K0)^log2(1 - LRrd)   USD/kW
//   CRF       = i / (1 - (1 + i)^-n)  (1/n at i = 0; sim/levelized_cost.hpp)  1/yr
//   LCOH(t)   = [ capex(t) x (CRF + fom) / (8760 x LF / e(t))
//               + e(t) x p_r(t) / 1000 + storage ] x cost_factor          USD/kg
//   upstream  = e(t) x g_r(t) / 1000 (grid power), 0 (clean-power contract)  t CO2/kg
//
// with p_r net of a power subsidy for electrolysis (at most p_r), whose
// public cost is e(t) x subsidy / 1000 per kg.
//
// K = K0 + S(t) the electrolyser knowledge stock (million USD), S(t) an
// innovation fund's electrolyser R&D stock (sim/learning.hpp,
// knowledge_stock_path; the budget is a scenario path, so S is known before
// the run). D the exogenous cumulative global electrolyser capacity (GW), f_r the
// region's capex factor, e the electricity use (kWh/kg), LF the load factor,
// p_r the region's power price (grid or contract, USD/MWh), g_r its grid
// intensity (t CO2/MWh). Hydrogen from gas (SMR, with or without capture):
//
//   h_smr(t)  = [ gas x p_gas,r(t) + other + co2/1000 x ((1 - c) x tax_r(t) + c x storage) ] x cost_factor
//   upstream  = co2/1000 x (1 - c)                                        t CO2/kg
//
// and the region buys the cheapest supply allowed (ties: electrolysis, SMR, SMR with CCS).
#pragma once

#include "model/scenario.hpp"
#include "sim/learning.hpp"       // knowledge_stock_path
#include "sim/levelized_cost.hpp" // capital_recovery_factor

#include <cstddef>
#include <vector>

namespace steelpath {

/// Electrolyser capex on the exogenous learning curve at cumulative global capacity `deployment_gw`, USD/kW.
[[nodiscard]] double electrolyser_capex(const HydrogenSupply& h, double deployment_gw);

/// The inputs of one levelized cost of electrolytic hydrogen.
struct ElectrolysisInputs {
  double capex = 0.0;       ///< installed capex, USD/kW
  double crf = 0.0;         ///< capital recovery factor, 1/yr
  double fixed_om = 0.0;    ///< fixed O&M, share of capex per year, 1/yr
  double load_factor = 1.0; ///< share of the year running, 0..1
  double efficiency = 0.0;  ///< electricity per kg, kWh/kg
  double power_price = 0.0; ///< USD/MWh
  double storage = 0.0;     ///< storage and buffering, USD/kg
};

/// Per simulated year, the factor an innovation fund's electrolyser R&D puts
/// on electrolyser capex, (K / K0)^log2(1 - LRrd) (1 without such R&D).
[[nodiscard]] std::vector<double> electrolyser_research_factor(const Scenario& s);

/// Levelized cost of electrolytic hydrogen before the cost factor, USD/kg.
[[nodiscard]] double levelized_cost_of_hydrogen(const ElectrolysisInputs& in);

/// One supply's hydrogen in a region and year.
struct SupplyCost {
  double price = 0.0;    ///< USD/kg, net of subsidies, before the cost factor
  double upstream = 0.0; ///< t CO2 per kg not captured (indirect)
  double subsidy = 0.0;  ///< power subsidy in the price, USD/kg (public cost)
};

/// Hydrogen from gas at `gas_price` (USD/GJ), paying `carbon_price` (USD/t CO2)
/// on what is not captured and `storage_cost` (USD/t CO2) on what is.
[[nodiscard]] SupplyCost fossil_hydrogen_cost(const FossilHydrogen& f, double gas_price, double carbon_price,
                                              double storage_cost);

/// A region's hydrogen, per horizon year.
struct RegionHydrogen {
  std::vector<double> price;          ///< USD/kg
  std::vector<double> upstream;       ///< t CO2 per kg (indirect)
  std::vector<HydrogenSource> source; ///< the supply chosen (the cheapest allowed)
  std::vector<double> subsidy;        ///< power subsidy in each kg, USD/kg (public cost)
};

/// The hydrogen cost and upstream CO2 of region `region` from the scenario's
/// HydrogenSupply (precondition: s.hydrogen_supply is set and consistent).
[[nodiscard]] RegionHydrogen region_hydrogen(const Scenario& s, std::size_t region);

} // namespace steelpath
