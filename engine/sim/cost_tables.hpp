// Per-member tables of what each route costs and emits in each year, computed
// once before the year loop as matrix products (Eigen) of the technology input
// table with the commodity price and emission-factor vectors:
//
//   variable_cost (T x Y) = A (T x C) * P (C x Y)          USD/t crude steel
//   gross_intensity (T)   = A * f (C) + process             t CO2/t
//   direct_intensity      = gross_intensity .* (1 - capture) t CO2/t
//   marginal_cost (T x Y) = variable_cost + direct_intensity * carbon_price^T
//
// and the levelized costs of relining or switching to each route for a
// decision taken in each year (sim/levelized_cost.hpp).
#pragma once

#include "model/scenario.hpp"

#include <Eigen/Dense>

namespace steelpath {

struct CostTables {
  Eigen::MatrixXd variable_cost;    ///< USD/t, technologies x years
  Eigen::VectorXd direct_intensity; ///< t CO2 emitted per t crude steel, per technology
  Eigen::VectorXd captured_intensity; ///< t CO2 captured per t crude steel, per technology
  Eigen::VectorXd scrap_intensity;  ///< t scrap per t crude steel (0 without a scrap commodity)
  Eigen::MatrixXd marginal_cost;    ///< USD/t incl. carbon cost, technologies x years
  Eigen::MatrixXd lcos_reline;      ///< USD/t, relining a unit of this route, decided in year y
  Eigen::MatrixXd lcos_switch;      ///< USD/t, converting a unit to this route, decided in year y
};

/// Builds every table for one scenario (one ensemble member).
[[nodiscard]] CostTables build_cost_tables(const Scenario& scenario);

} // namespace steelpath
