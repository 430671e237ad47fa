// Per-member tables of what each route costs and emits in each region and
// year, computed once before the year loop as matrix products (Eigen) of the
// technology input table A (T x C) with price and emission-factor vectors:
//
//   variable_cost[r] (T x Y) = A * P_r (C x Y)               USD/t crude steel
//   gross direct (T)         = A * f + process                t CO2/t
//   direct_intensity         = gross .* (1 - capture)         t CO2/t
//   captured_intensity       = gross .* capture               t CO2/t
//   indirect[r] (T x Y)      = A * g_r (C x Y)                t CO2/t (grid electricity, upstream)
//
// plus the levelized variable cost and carbon tax that a unit with perfect
// foresight expects over each route's campaign (docs/model.md, "Levelized cost"),
// and those a trend-following one expects: each pair only when some company
// has that foresight (empty matrices otherwise).
#pragma once

#include "model/scenario.hpp"

#include <Eigen/Dense>

#include <vector>

namespace steelpath {

/// What each route costs (USD/t) and emits (t CO2/t) per region and year, computed once per member.
struct CostTables {
  std::vector<Eigen::MatrixXd> variable_cost;  ///< per region: USD/t, technologies x years
  std::vector<Eigen::MatrixXd> indirect;       ///< per region: t CO2/t, technologies x years
  std::vector<Eigen::VectorXd> carbon_tax;     ///< per region: USD/t CO2, per year
  std::vector<Eigen::MatrixXd> lev_variable;   ///< per region: levelized over the campaign, T x Y
  std::vector<Eigen::MatrixXd> lev_carbon_tax; ///< per region: levelized carbon tax, T x Y
  std::vector<Eigen::MatrixXd>
      trend_variable; ///< per region: levelized, extending the last 5 years' trend, T x Y
  std::vector<Eigen::MatrixXd> trend_carbon_tax; ///< per region: the same for the carbon tax, T x Y
  Eigen::VectorXd direct_intensity;              ///< t CO2 emitted per t crude steel, per technology
  Eigen::VectorXd captured_intensity;            ///< t CO2 captured per t crude steel, per technology
  Eigen::VectorXd scrap_intensity;               ///< t scrap per t crude steel (0 without a scrap commodity)
  /// GJ of natural gas per t crude steel that counts against Region::dri_gas_supply ('dri' routes only)
  Eigen::VectorXd gas_intensity;
  /// kg hydrogen per t crude steel, per technology (0 without a hydrogen commodity)
  Eigen::VectorXd hydrogen_intensity;
  Eigen::MatrixXd hydrogen_price;    ///< USD/kg, regions x years (0 without a hydrogen commodity)
  Eigen::MatrixXd hydrogen_upstream; ///< t CO2 per kg, regions x years
  Eigen::MatrixXd hydrogen_source;   ///< HydrogenSource as a number, regions x years
  Eigen::MatrixXd hydrogen_subsidy;  ///< power subsidy in each kg bought, USD/kg, regions x years
  /// Per region: the production credit per kg of its hydrogen in its tier, USD/kg, per year
  /// (empty without hydrogen_supply.production_credit; zeros where the region does not pay it).
  std::vector<std::vector<double>> hydrogen_credit;
};

/// Builds every table for one scenario (one ensemble member).
[[nodiscard]] CostTables build_cost_tables(const Scenario& scenario);

} // namespace steelpath
