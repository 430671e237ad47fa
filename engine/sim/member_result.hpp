// Everything one simulated member produces, in memory, before an output sink
// (HDF5) writes it. Arrays are row-major with the year first: [year][a][b].
// Money is in million USD (USD x 1e6), quantities in Mt, Mt/yr and Mt CO2.
#pragma once

#include "model/horizon.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace steelpath {

/// Why a unit decided in a year.
enum class DecisionReason : std::uint8_t {
  campaign_end = 0, ///< its campaign ended
  end_of_life = 1,  ///< its life ended
  stranded = 2,     ///< it produced nothing for behaviour.stranding_years
  expansion = 3,    ///< a new build for demand
  losses = 4,       ///< its route lost on avoidable costs (sim/unit_closure.hpp): a closure
  replacement = 5   ///< retired for a new unit under capacity replacement (sim/capacity_replacement.hpp)
};
/// What it decided.
enum class DecisionAction : std::uint8_t { reline = 0, switch_route = 1, close = 2, build = 3, defer = 4 };

/// One investment decision taken at a unit's decision point.
struct Decision {
  int year = 0;            ///< calendar year of the decision
  int unit = 0;            ///< unit index (scenario units first, then new builds)
  int from_technology = 0; ///< route before (-1 for a new build)
  int to_technology = 0;   ///< route chosen (== from for a relining; -1 for a closure)
  /// why the unit decided
  DecisionReason reason = DecisionReason::campaign_end;
  /// what it decided
  DecisionAction action = DecisionAction::reline;
  double lcos_chosen = 0.0; ///< levelized cost of the chosen option, USD/t (NaN for a closure)
  double lcos_reline = 0.0; ///< levelized cost of relining as is, USD/t (NaN when not an option)
};

/// One member's results. Its yearly series are listed, with their schema
/// names, dimensions and units, in sim/member_series.hpp: a new series is a
/// field here and a row there.
struct MemberResult {
  /// the simulated years
  Horizon horizon;
  /// number of routes (technology dimension)
  std::size_t n_technologies = 0;
  /// number of regions
  std::size_t n_regions = 0;
  /// number of companies
  std::size_t n_companies = 0;
  /// number of offtake contracts
  std::size_t n_contracts = 0;

  // [year][region][technology]
  std::vector<double> production; ///< Mt crude steel
  std::vector<double> capacity;   ///< Mt/yr operating nameplate capacity
  std::vector<double> emissions;  ///< direct CO2 emitted, Mt CO2
  std::vector<double> indirect;   ///< indirect CO2 (grid electricity, upstream), Mt CO2
  std::vector<double> captured;   ///< CO2 captured, Mt CO2
  // [year][region]
  std::vector<double> demand;       ///< after material efficiency, Mt
  std::vector<double> unmet_demand; ///< Mt
  std::vector<double> steel_price;  ///< USD/t, max(short run, long-run floor) (NaN: nothing produced)
  std::vector<double> steel_price_short_run; ///< USD/t, marginal unit's cost + scarcity adder (NaN: none)
  std::vector<double> steel_price_floor; ///< USD/t, long-run floor: full cost of capacity kept (NaN: none)
  std::vector<double> scrap_used;        ///< Mt scrap
  /// cleared scrap price, USD/t scrap
  std::vector<double> scrap_price;
  /// scrap that can be collected, Mt
  std::vector<double> scrap_available;
  /// natural gas burnt by 'dri' routes, bcm
  std::vector<double> gas_use;
  std::vector<double> carbon_price; ///< carbon tax, USD/t CO2
  std::vector<double> investment;   ///< capex spent, million USD
  /// Resource cost of operating: variable costs without carbon payments
  /// (taxes, allowances, penalties are transfers), scrap at its collection
  /// cost (the area under the supply curve), CCUS storage and fixed opex,
  /// million USD.
  std::vector<double> operating_cost;
  /// Scrap collectors' rent: cleared scrap price x scrap used less the
  /// collection cost, a transfer left out of operating_cost, million USD.
  std::vector<double> scrap_rent;
  std::vector<double> hydrogen_cost;    ///< the region's hydrogen cost (cheapest supply allowed), USD/kg
  std::vector<double> hydrogen_use;     ///< hydrogen used by the region's routes, kt H2
  std::vector<double> hydrogen_co2;     ///< upstream CO2 of that hydrogen (in emissions_indirect), Mt CO2
  std::vector<double> hydrogen_source;  ///< its supply: 0 price path, 1 electrolysis, 2 SMR, 3 SMR with CCS
  std::vector<double> hydrogen_subsidy; ///< public cost of the power subsidy for electrolysis, million USD
  std::vector<double> hydrogen_credit; ///< hydrogen production credit paid to the region's units, million USD
  std::vector<double> green_volume;    ///< near-zero steel sold at a green premium (outside contracts), Mt
  std::vector<double> green_premium;   ///< the green premium that cleared, USD/t
  std::vector<double> green_premium_paid; ///< green premiums paid by the region's buyers, million USD
  std::vector<double> green_shortfall;    ///< mandated near-zero steel not supplied, Mt
  std::vector<double> green_penalty_paid; ///< penalties mandated buyers pay on the shortfall, million USD
  /// Capacity that took a near-zero route because of green premiums (market or offtake), Mt/yr.
  std::vector<double> green_additional_capacity;
  // [year]
  std::vector<double> allowance_price; ///< [year][region] ETS price, USD/t CO2 (0 outside an ETS)
  std::vector<double> ets_cap;         ///< ETS cap, Mt CO2 (NaN without an ETS)
  std::vector<double> ets_emissions;   ///< covered direct emissions, Mt CO2 (NaN without an ETS)
  /// Allowance price investors put in that year's decisions, USD/t CO2 (NaN without an ETS).
  std::vector<double> expected_allowance_price;
  std::vector<double> subsidies_paid;         ///< million USD
  std::vector<double> subsidies_unpaid;       ///< requested but beyond the budget, million USD
  std::vector<double> fund_spent;             ///< innovation fund spending, all channels, million USD
  std::vector<double> fund_hydrogen_research; ///< the fund's electrolyser R&D, million USD
  std::vector<double> stranded;               ///< capacity closed before its end of life, Mt/yr
  // [year]: carbon contracts for difference (sim/carbon_contracts.hpp)
  std::vector<double> ccfd_bids;      ///< bids admitted in the year's round (at or below the maximum strike)
  std::vector<double> ccfd_awarded;   ///< contracts awarded in the year's round
  std::vector<double> ccfd_strike;    ///< mean strike of the contracts awarded, USD/t CO2 (0: none)
  std::vector<double> ccfd_committed; ///< expected payments the round committed, million USD
  std::vector<double> ccfd_built;     ///< capacity of awarded units that built their route, Mt/yr
  std::vector<double> ccfd_paid;      ///< paid to contract holders, million USD
  std::vector<double> ccfd_clawback;  ///< paid back by contract holders (two-way), million USD
  std::vector<double> ccfd_avoided;   ///< CO2 avoided against the reference route by contract holders, Mt CO2
  // [year][company]
  std::vector<double> company_production; ///< Mt
  std::vector<double> company_emissions;  ///< direct, Mt CO2
  std::vector<double> company_revenue;    ///< million USD
  std::vector<double> internal_price;     ///< the target's internal carbon price, USD/t CO2
  std::vector<double>
      company_costs; ///< variable, carbon (tax, allowances, penalties, storage) and fixed costs, million USD
  std::vector<double> company_investment; ///< capex before subsidies, million USD
  std::vector<double> company_subsidies;  ///< capex subsidies received, million USD
  std::vector<double> company_cash;       ///< cash at the end of the year, million USD (company_finance.hpp)
  std::vector<double> company_ebitda;     ///< revenue - costs, million USD
  std::vector<double> company_debt;       ///< loans outstanding at the end of the year, million USD
  std::vector<double> company_interest;   ///< interest paid in the year, million USD
  std::vector<double> company_tax;        ///< corporate income tax paid in the year, million USD
  std::vector<double> company_dividends;  ///< dividends paid in the year, million USD
  // [year][contract]
  std::vector<double> offtake_volume;  ///< Mt delivered under the contract
  std::vector<double> offtake_premium; ///< million USD paid above the market price
  // [year][technology]
  std::vector<double> capex_factor;        ///< learning factor on each route's capex
  std::vector<double> readiness;           ///< readiness level alliance members see (TRL, 1..9)
  std::vector<double> readiness_others;    ///< readiness level other companies see (TRL, 1..9)
  std::vector<double> fund_research;       ///< the fund's R&D on the route's capex, million USD
  std::vector<double> fund_grants;         ///< demonstration grants paid for the route's plants, million USD
  std::vector<double> fund_grant_capacity; ///< capacity of those plants, Mt/yr
  std::vector<Decision> decisions;         ///< in the order taken (year, then unit)
  /// [decision][technology]: levelized cost of each option the decision
  /// weighed, USD/t (NaN: not an option: unavailable, banned, no scrap).
  std::vector<double> decision_lcos;
  std::vector<std::string> new_units; ///< ids of units built during the run, after the scenario's
  std::size_t unit_years = 0;         ///< operating units x years simulated (throughput figures)

  /// Sizes every series of member_series() for a horizon and fills it with
  /// its initial value (0; 1 for capex_factor; NaN for the ETS series);
  /// clears the decision log. Keeps allocated memory.
  void reset(const Horizon& horizon, std::size_t n_technologies, std::size_t n_regions,
             std::size_t n_companies, std::size_t n_contracts);

  /// Index of [year][region][technology].
  [[nodiscard]] std::size_t at(std::size_t y, std::size_t r, std::size_t k) const {
    return (y * n_regions + r) * n_technologies + k;
  }
  /// Totals over regions and routes in year index y.
  [[nodiscard]] double total_emissions(std::size_t y) const;
  /// Crude steel production in year index y, all regions and routes, Mt.
  [[nodiscard]] double total_production(std::size_t y) const;
  /// Production of route k in year index y, all regions.
  [[nodiscard]] double technology_production(std::size_t y, std::size_t k) const;
  /// Capacity of route k in year index y, all regions, Mt/yr.
  [[nodiscard]] double technology_capacity(std::size_t y, std::size_t k) const;
};

} // namespace steelpath
