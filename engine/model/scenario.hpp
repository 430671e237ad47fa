// The complete, validated description of one model run: horizon, commodities,
// technologies, regions, companies, the starting fleet, policies and
// behavioural assumptions. It is built by the input layer and handed to the
// simulation as an immutable object; the core never reads files.
#pragma once

#include "model/commodity.hpp"
#include "model/company.hpp"
#include "model/horizon.hpp"
#include "model/hydrogen_supply.hpp"
#include "model/plant_unit.hpp"
#include "model/policy.hpp"
#include "model/region.hpp"
#include "model/technology.hpp"
#include "model/year_series.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace steelpath {

/// Financial assumptions of levelized costs.
struct Finance {
  double discount_rate = 0.08;        ///< default hurdle rate for levelized costs, 1/yr
  double expected_utilisation = 0.85; ///< capacity factor assumed when levelizing capex, 0..1
  /// Share of an investment paid from a company's cash; the rest is borrowed, 0..1 (Steel-IQ equity_share).
  double equity_share = 0.2;
  /// Interest rate on company debt, 1/yr (Steel-IQ's cost of debt of existing furnace groups).
  double cost_of_debt = 0.05;
  /// Years over which a loan is repaid as an annuity (Steel-IQ plant_lifetime).
  int debt_tenor = 20;
  /// New borrowing stops where net debt / last year's EBITDA would exceed this; 0: no limit.
  double leverage_limit = 0.0;
  /// Corporate income tax on profit (EBITDA less depreciation and interest,
  /// losses carried forward), 0..1.
  double tax_rate = 0.0;
  /// Share of profit after tax paid out as dividends (as far as cash allows), 0..1.
  double payout_ratio = 0.0;
  /// Years over which an investment is depreciated straight-line for tax, yr.
  int depreciation_years = 20;
};

/// How the results summarise a run (output/member_metrics.hpp): settings of
/// the reporting only, the simulation never reads them.
struct MetricSettings {
  /// Social discount rate of the present-value metrics (system_cost_discounted,
  /// abatement_cost_levelized), 1/yr. Default: HM Treasury, The Green Book
  /// (2022), section A6: the social time preference rate, 3.5 % for years 0-30.
  double discount_rate = 0.035;
};

/// Assumptions of the yearly market dispatch.
struct Market {
  double max_utilisation = 0.9; ///< highest share of capacity a unit can produce in a year, 0..1
  /// price elasticity of scrap supply (sim/scrap_market.hpp), > 0
  double scrap_elasticity = 0.3;
  /// share of available scrap collected at the scrap commodity's price, 0..1
  double scrap_reference_share = 0.83;
  /// lowest cleared scrap price as a share of the scrap commodity's price, 0..1
  double scrap_floor_share = 0.5;
  /// Scarcity adder at full utilisation, USD/t (Steel-IQ's steel_price_buffer, 200 USD/t).
  double scarcity_adder = 200.0;
  /// Utilisation (production / capacity x max_utilisation) where the adder starts, 0..1 (assumption).
  double scarcity_threshold = 0.95;
  /// Multiplies the long-run floor (full cost of the capacity kept); 0: no floor (calibrated, docs/model.md).
  double long_run_factor = 1.0;
  /// Near-zero steel (IEA, 2022, sliding scale; direct intensity as the
  /// measure): at most this t CO2/t with no scrap in the metallic charge ...
  double near_zero_intensity = 0.4;
  /// ... and at most this with only scrap, linear in between.
  double near_zero_intensity_scrap = 0.05;
  /// Whether investors weigh green premiums (market and offtake contracts);
  /// false only to separate their investment channel from dispatch.
  bool green_in_investment = true;
  /// Whether near-zero output is offered at its cost less the green premium
  /// in dispatch; false only to separate that channel from investment.
  bool green_in_dispatch = true;
};

/// How the agents decide (docs/model.md, "Decisions").
struct Behaviour {
  double heterogeneity = 0.0;        ///< logit scale, USD/t; 0: always the cheapest option
  double risk_premium_per_trl = 0.0; ///< added to the hurdle rate per readiness level below 9, 1/yr
  int campaign_jitter_years = 0;     ///< a unit's campaign varies by a draw in [-j, +j] years
  int stranding_years = 3;           ///< years without production that make a unit decide early
  double reserve_margin = 0.1;       ///< spare capacity over demand a region keeps before units may close
  int closure_loss_years = 2;        ///< years running of losses before a unit may close for them (0: never)
  double expansion_unit_size = 2.0;  ///< Mt/yr of a new greenfield unit
  /// Readiness (docs/model.md, "Readiness"): a route's technology readiness
  /// level rises by one for each readiness_capacity (Mt/yr) of it built during
  /// the run and by readiness_per_doubling for each doubling of its knowledge
  /// stock, to at most 9; alliance members see the whole rise, other companies
  /// readiness_spillover of it.
  double readiness_capacity = 1.0;     ///< Mt/yr of a route built per readiness level gained
  double readiness_per_doubling = 0.5; ///< readiness levels per doubling of a route's knowledge stock
  double readiness_spillover = 0.5;    ///< share of the rise companies outside the alliance see, 0..1
  /// A route opens to a company before its available_from once the readiness
  /// the company sees reaches this level.
  double open_readiness = 9.0;
};

/// How the starting fleet's unknown relining years are imputed (docs/model.md, "Fleet timing").
struct FleetTiming {
  /// Which draw of the imputation, 1: 0 is the shipped default, k > 0 another equally likely
  /// one (an ensemble samples it), -1 the central case (each imputed unit at its distribution's median).
  int draw = 0;
};

/// The complete, validated description of one model run (built by engine/input, read by engine/sim).
struct Scenario {
  /// The scenario's name, e.g. "demo".
  std::string name;
  /// The simulated years.
  Horizon horizon;
  /// Commodities; Technology::inputs and Region::prices follow this order.
  std::vector<Commodity> commodities;
  /// Steelmaking routes (PlantUnit::technology indexes them).
  std::vector<Technology> technologies;
  /// Market regions (PlantUnit::region indexes them).
  std::vector<Region> regions;
  /// Steelmakers (PlantUnit::company indexes them).
  std::vector<Company> companies;
  UnitList units; ///< the starting fleet, shared by copies of the scenario
  /// Policy levers.
  Policy policy;
  /// Financial assumptions.
  Finance finance;
  /// Market assumptions.
  Market market;
  /// How the agents decide.
  Behaviour behaviour;
  /// Reporting settings of the metrics.
  MetricSettings metrics;
  std::uint64_t seed = 1; ///< keys every random draw (sim/random_stream.hpp)
  /// How unknown relining years of the starting fleet are imputed.
  FleetTiming fleet_timing;
  /// Index of the commodity that is scrap (limited by Region::scrap_supply), if any.
  std::optional<int> scrap_commodity;
  /// Index of the commodity that is natural gas (limited by Region::dri_gas_supply for DRI routes), if any.
  std::optional<int> natural_gas_commodity;
  /// Index of the commodity that is grid electricity (Region::grid_intensity applies), if any.
  std::optional<int> electricity_commodity;
  /// Electrolytic hydrogen priced per region and year; empty: the hydrogen commodity's own price path.
  std::optional<HydrogenSupply> hydrogen_supply;

  /// Index of the technology with this id; empty if none.
  [[nodiscard]] std::optional<int> find_technology(const std::string& id) const;
  /// Index of the commodity with this id; empty if none.
  [[nodiscard]] std::optional<int> find_commodity(const std::string& id) const;
  /// Index of the region with this id; empty if none.
  [[nodiscard]] std::optional<int> find_region(const std::string& id) const;
  /// Index of the company with this id; empty if none.
  [[nodiscard]] std::optional<int> find_company(const std::string& id) const;
  /// Whether region r writes its own price path for commodity c.
  [[nodiscard]] bool region_sets_price(std::size_t r, std::size_t c) const {
    return !regions[r].prices.empty() && regions[r].prices[c].has_value();
  }
  /// Region r's price path of commodity c, USD per unit: its own, else the commodity's.
  [[nodiscard]] const YearSeries& price_path(std::size_t r, std::size_t c) const {
    return region_sets_price(r, c) ? *regions[r].prices[c] : commodities[c].price;
  }
};

/// Checks the internal consistency of a scenario (index ranges, vector sizes,
/// series lengths, value ranges) and returns one line per problem; empty when
/// the scenario can be simulated. The input layer reports problems with file
/// positions before it gets here; this is the core's own guard.
[[nodiscard]] std::vector<std::string> check_consistency(const Scenario& scenario);

} // namespace steelpath
