// The complete, validated description of one model run: horizon, commodities,
// technologies, regions, companies, the starting fleet, policies and
// behavioural assumptions. It is built by the input layer and handed to the
// simulation as an immutable object; the core never reads files.
#pragma once

#include "model/commodity.hpp"
#include "model/company.hpp"
#include "model/horizon.hpp"
#include "model/plant_unit.hpp"
#include "model/region.hpp"
#include "model/technology.hpp"
#include "model/year_series.hpp"

#include <optional>
#include <string>
#include <vector>

namespace steelpath {

struct Policy {
  YearSeries carbon_price; ///< carbon tax on direct emissions, USD per t CO2 (all regions)
};

struct Finance {
  double discount_rate = 0.08;        ///< hurdle rate for levelized costs, 1/yr
  double expected_utilisation = 0.85; ///< capacity factor assumed when levelizing capex, 0..1
};

struct Market {
  double max_utilisation = 0.9; ///< highest share of capacity a unit can produce in a year, 0..1
};

struct Scenario {
  std::string name;
  Horizon horizon;
  std::vector<Commodity> commodities;
  std::vector<Technology> technologies;
  std::vector<Region> regions;
  std::vector<Company> companies;
  std::vector<PlantUnit> units;
  Policy policy;
  Finance finance;
  Market market;
  /// Index of the commodity that is scrap (limited by Region::scrap_supply), if any.
  std::optional<int> scrap_commodity;

  [[nodiscard]] std::optional<int> find_technology(const std::string& id) const;
  [[nodiscard]] std::optional<int> find_commodity(const std::string& id) const;
  [[nodiscard]] std::optional<int> find_region(const std::string& id) const;
  [[nodiscard]] std::optional<int> find_company(const std::string& id) const;
};

/// Checks the internal consistency of a scenario (index ranges, vector sizes,
/// series lengths, value ranges) and returns one line per problem; empty when
/// the scenario can be simulated. The input layer reports problems with file
/// positions before it gets here; this is the core's own guard.
[[nodiscard]] std::vector<std::string> check_consistency(const Scenario& scenario);

} // namespace steelpath
