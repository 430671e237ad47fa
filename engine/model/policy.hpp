// Policy and fund levers, each off unless the scenario sets it.
#pragma once

#include "model/carbon_contracts.hpp"
#include "model/green_market.hpp"
#include "model/year_series.hpp"

#include <optional>
#include <string>
#include <vector>

namespace steelpath {

/// An emissions trading system with an endogenous allowance price.
struct EmissionsTrading {
  /// How the allowance supply is set: a fixed cap, or (China's design) the
  /// sum of the free allocations, benchmark x output: a tradable performance
  /// standard where units below their benchmark sell their surplus.
  enum class Trading { cap, intensity };
  /// How the allowance supply is set (cap by default).
  Trading trading = Trading::cap;
  std::vector<int> regions; ///< covered regions
  YearSeries cap;           ///< Mt CO2/yr of direct emissions in the covered regions (Trading::cap only)
  /// Free allocation per tonne of output by route family (t CO2/t), parallel
  /// to `families`: output-based allocation, as in China's ETS.
  std::vector<std::string> families;
  /// Per family: free allocation, t CO2 per t of output (parallel to `families`).
  std::vector<YearSeries> benchmarks;
  double price_floor = 0.0;      ///< USD/t CO2
  double price_ceiling = 1000.0; ///< USD/t CO2: the price when the cap cannot be met
  /// The allowance price investors put in their decisions: `announced`, the
  /// price at which the fleet operating now would meet the cap (or the
  /// benchmarks) announced for `expectation_years` ahead at that year's demand
  /// and costs; `last`, last year's cleared price.
  enum class Expectation { announced, last };
  /// The allowance price investors put in their decisions (announced by default).
  Expectation expectation = Expectation::announced;
  int expectation_years = 5; ///< how far ahead `announced` reads the cap or benchmarks, yr
};

/// Capex subsidies per route, paid at investment within an annual budget.
struct CapexSubsidy {
  std::vector<double> share;        ///< per technology: share of capex paid, 0..1
  std::vector<double> per_capacity; ///< per technology: USD per (t/yr) paid
  YearSeries budget;                ///< million USD per year available
};

/// An innovation fund (e.g. the Global Low-carbon Metallurgical Innovation
/// Alliance's) and its channels (docs/model.md, "Innovation fund"): R&D on a
/// route's capex (`allocation`), R&D on electrolysers (`hydrogen`), and
/// demonstration grants to alliance members' first-of-a-kind plants
/// (`demonstration`). The shares sum to at most 1.
struct InnovationFund {
  YearSeries budget;              ///< million USD per year
  std::vector<double> allocation; ///< per technology: share of the budget spent on the route's R&D
  double depreciation = 0.1;      ///< knowledge stock lost per year, 0..1
  int lag_years = 0;              ///< years from R&D spending to knowledge, yr
  double hydrogen = 0.0;          ///< share of the budget spent on electrolyser R&D
  double demonstration = 0.0;     ///< share of the budget set aside for demonstration grants
  double grant_share = 0.35;      ///< share of a first-of-a-kind plant's capex a grant pays, 0..1
};

/// A green-steel offtake contract between a buyer and a steelmaker.
struct OfftakeContract {
  /// Key of the contract in the scenario, under `offtakes`.
  std::string id;
  std::string buyer;          ///< e.g. "FAW-Volkswagen"
  int company = -1;           ///< seller
  double volume = 0.0;        ///< Mt/yr bought at most
  double premium = 0.0;       ///< USD/t paid above the market price
  double max_intensity = 0.0; ///< t CO2/t: only steel at or below this direct intensity qualifies
  /// First calendar year the contract buys steel.
  int start_year = 0;
  /// Last calendar year the contract buys steel, inclusive.
  int end_year = 2100;
};

/// The policy levers of a scenario: carbon tax, ETS, subsidies, fund, CCfDs, offtakes, bans; each off unless
/// set.
struct Policy {
  YearSeries carbon_price; ///< carbon tax on direct emissions, USD per t CO2 (regions may override)
  /// Emissions trading system; empty: none.
  std::optional<EmissionsTrading> ets;
  /// Capex subsidies; empty: none.
  std::optional<CapexSubsidy> subsidy;
  /// Innovation fund; empty: none.
  std::optional<InnovationFund> fund;
  /// Carbon contracts for difference; empty: none.
  std::optional<CarbonContracts> carbon_contracts;
  /// Green-steel offtake contracts (none: no premium market).
  std::vector<OfftakeContract> offtakes;
  /// Green-steel procurement mandate; empty: none.
  std::optional<GreenProcurement> procurement;
  int blast_furnace_ban_year = 0; ///< no new or relined "bf" family units from this year; 0: none
  double storage_cost = 0.0;      ///< USD per t CO2 captured (transport and storage)
};

} // namespace steelpath
