#include "sim/cost_tables.hpp"

#include "sim/levelized_cost.hpp"

#include <vector>

namespace steelpath {

CostTables build_cost_tables(const Scenario& s) {
  const auto n_tech = static_cast<Eigen::Index>(s.technologies.size());
  const auto n_comm = static_cast<Eigen::Index>(s.commodities.size());
  const auto n_years = static_cast<Eigen::Index>(s.horizon.size());

  Eigen::MatrixXd inputs(n_tech, n_comm);
  Eigen::VectorXd process(n_tech);
  Eigen::VectorXd capture(n_tech);
  for (Eigen::Index k = 0; k < n_tech; ++k) {
    const auto& t = s.technologies[static_cast<std::size_t>(k)];
    for (Eigen::Index c = 0; c < n_comm; ++c) inputs(k, c) = t.inputs[static_cast<std::size_t>(c)];
    process(k) = t.process_emissions;
    capture(k) = t.capture_rate;
  }
  Eigen::MatrixXd prices(n_comm, n_years);
  Eigen::VectorXd factors(n_comm);
  for (Eigen::Index c = 0; c < n_comm; ++c) {
    const auto& com = s.commodities[static_cast<std::size_t>(c)];
    for (Eigen::Index y = 0; y < n_years; ++y) prices(c, y) = com.price[static_cast<std::size_t>(y)];
    factors(c) = com.emission_factor;
  }
  Eigen::RowVectorXd carbon(n_years);
  for (Eigen::Index y = 0; y < n_years; ++y) carbon(y) = s.policy.carbon_price[static_cast<std::size_t>(y)];

  CostTables t;
  t.variable_cost = inputs * prices;
  const Eigen::VectorXd gross = inputs * factors + process;
  t.direct_intensity = gross.cwiseProduct((Eigen::VectorXd::Ones(n_tech) - capture));
  t.captured_intensity = gross.cwiseProduct(capture);
  t.scrap_intensity = s.scrap_commodity ? Eigen::VectorXd(inputs.col(*s.scrap_commodity))
                                        : Eigen::VectorXd::Zero(n_tech);
  t.marginal_cost = t.variable_cost + t.direct_intensity * carbon;

  // Levelized over each route's own campaign, with perfect foresight of the
  // scenario's price and carbon paths (flat after the horizon).
  const double r = s.finance.discount_rate;
  const double u = s.finance.expected_utilisation;
  t.lcos_reline.resize(n_tech, n_years);
  t.lcos_switch.resize(n_tech, n_years);
  std::vector<double> var_row(static_cast<std::size_t>(n_years));
  const auto carbon_series = s.policy.carbon_price.values();
  for (Eigen::Index k = 0; k < n_tech; ++k) {
    const auto& tech = s.technologies[static_cast<std::size_t>(k)];
    for (Eigen::Index y = 0; y < n_years; ++y) var_row[static_cast<std::size_t>(y)] = t.variable_cost(k, y);
    const double crf = capital_recovery_factor(r, tech.campaign_years);
    for (Eigen::Index y = 0; y < n_years; ++y) {
      LcosInputs in;
      in.opex_fixed = tech.opex_fixed;
      in.capital_recovery = crf;
      in.utilisation = u;
      in.variable_cost = levelized_average(var_row, static_cast<std::size_t>(y), tech.campaign_years, r);
      in.emission_intensity = t.direct_intensity(k);
      in.carbon_price = levelized_average(carbon_series, static_cast<std::size_t>(y), tech.campaign_years, r);
      in.capex = tech.capex_reline;
      t.lcos_reline(k, y) = levelized_cost(in);
      in.capex = tech.capex_greenfield;
      t.lcos_switch(k, y) = levelized_cost(in);
    }
  }
  return t;
}

} // namespace steelpath
