#include "sim/cost_tables.hpp"

#include "sim/hydrogen_cost.hpp"
#include "sim/hydrogen_credit.hpp"
#include "sim/levelized_cost.hpp"

#include <algorithm>

namespace steelpath {

namespace {

// The hydrogen commodity (the supply's, else one named "hydrogen", reported
// only) and its tables, zero until the regions fill them.
std::optional<int> init_hydrogen(const Scenario& s, const Eigen::MatrixXd& inputs, CostTables& t) {
  const std::optional<int> h2 =
      s.hydrogen_supply ? std::optional<int>(s.hydrogen_supply->commodity) : s.find_commodity("hydrogen");
  const auto n_reg = static_cast<Eigen::Index>(s.regions.size());
  const auto n_years = static_cast<Eigen::Index>(s.horizon.size());
  t.hydrogen_intensity = h2 ? Eigen::VectorXd(inputs.col(*h2)) : Eigen::VectorXd::Zero(inputs.rows());
  t.hydrogen_price = Eigen::MatrixXd::Zero(n_reg, n_years);
  t.hydrogen_upstream = Eigen::MatrixXd::Zero(n_reg, n_years);
  t.hydrogen_source = Eigen::MatrixXd::Zero(n_reg, n_years);
  t.hydrogen_subsidy = Eigen::MatrixXd::Zero(n_reg, n_years);
  if (s.hydrogen_supply && s.hydrogen_supply->production_credit) t.hydrogen_credit.resize(s.regions.size());
  return h2;
}

// Region ri's hydrogen (commodity row c): with a supply, the cheapest
// supply's cost and CO2 replace the price path, unless the region pins its
// own price (`own`); the row is reported either way.
void price_hydrogen(const Scenario& s, std::size_t ri, Eigen::Index c, bool own, Eigen::MatrixXd& prices,
                    Eigen::MatrixXd& upstream, CostTables& t) {
  const auto r = static_cast<Eigen::Index>(ri);
  if (s.hydrogen_supply && !own) {
    const RegionHydrogen h = region_hydrogen(s, ri);
    for (Eigen::Index y = 0; y < prices.cols(); ++y) {
      const auto yi = static_cast<std::size_t>(y);
      prices(c, y) = h.price[yi];
      upstream(c, y) = h.upstream[yi];
      t.hydrogen_source(r, y) = static_cast<double>(h.source[yi]);
      t.hydrogen_subsidy(r, y) = h.subsidy[yi];
    }
  }
  t.hydrogen_price.row(r) = prices.row(c);
  t.hydrogen_upstream.row(r) = upstream.row(c);
  // The production credit's tier from the region's upstream CO2 (t/kg -> kg/kg).
  if (!s.hydrogen_supply || !s.hydrogen_supply->production_credit) return;
  const ProductionCredit& credit = *s.hydrogen_supply->production_credit;
  std::vector<double>& rate = t.hydrogen_credit[ri];
  rate.assign(static_cast<std::size_t>(prices.cols()), 0.0);
  if (std::find(credit.regions.begin(), credit.regions.end(), static_cast<int>(ri)) == credit.regions.end())
    return;
  for (Eigen::Index y = 0; y < prices.cols(); ++y)
    rate[static_cast<std::size_t>(y)] = credit_rate(credit, 1000.0 * upstream(c, y));
}

} // namespace

CostTables build_cost_tables(const Scenario& s) {
  const auto n_tech = static_cast<Eigen::Index>(s.technologies.size());
  const auto n_comm = static_cast<Eigen::Index>(s.commodities.size());
  const auto n_years = static_cast<Eigen::Index>(s.horizon.size());
  const auto ny = static_cast<std::size_t>(n_years);

  Eigen::MatrixXd inputs(n_tech, n_comm);
  Eigen::VectorXd process(n_tech);
  Eigen::VectorXd capture(n_tech);
  for (Eigen::Index k = 0; k < n_tech; ++k) {
    const auto& t = s.technologies[static_cast<std::size_t>(k)];
    for (Eigen::Index c = 0; c < n_comm; ++c)
      inputs(k, c) = t.inputs[static_cast<std::size_t>(c)];
    process(k) = t.process_emissions;
    capture(k) = t.capture_rate;
  }
  Eigen::VectorXd factors(n_comm);
  for (Eigen::Index c = 0; c < n_comm; ++c)
    factors(c) = s.commodities[static_cast<std::size_t>(c)].emission_factor;

  CostTables t;
  const Eigen::VectorXd gross = inputs * factors + process;
  t.direct_intensity = gross.cwiseProduct(Eigen::VectorXd::Ones(n_tech) - capture);
  t.captured_intensity = gross.cwiseProduct(capture);
  t.scrap_intensity =
      s.scrap_commodity ? Eigen::VectorXd(inputs.col(*s.scrap_commodity)) : Eigen::VectorXd::Zero(n_tech);
  t.gas_intensity = Eigen::VectorXd::Zero(n_tech);
  for (Eigen::Index k = 0; k < n_tech && s.natural_gas_commodity; ++k)
    if (s.technologies[static_cast<std::size_t>(k)].family == "dri")
      t.gas_intensity(k) = std::max(0.0, inputs(k, *s.natural_gas_commodity));

  const std::optional<int> h2 = init_hydrogen(s, inputs, t);

  const double r = s.finance.discount_rate;
  bool perfect = false, trend = false;
  for (const Company& c : s.companies) {
    perfect = perfect || c.foresight == Foresight::perfect;
    trend = trend || c.foresight == Foresight::trend;
  }
  std::vector<double> row(ny);
  for (std::size_t ri = 0; ri < s.regions.size(); ++ri) {
    const Region& reg = s.regions[ri];
    Eigen::MatrixXd prices(n_comm, n_years);
    Eigen::MatrixXd upstream(n_comm, n_years);
    for (Eigen::Index c = 0; c < n_comm; ++c) {
      const auto ci = static_cast<std::size_t>(c);
      const Commodity& com = s.commodities[ci];
      const bool own = s.region_sets_price(ri, ci);
      const YearSeries& p = s.price_path(ri, ci);
      const bool grid = s.electricity_commodity && *s.electricity_commodity == c && reg.grid_intensity;
      for (Eigen::Index y = 0; y < n_years; ++y) {
        const auto yi = static_cast<std::size_t>(y);
        prices(c, y) = p[yi];
        upstream(c, y) = grid ? (*reg.grid_intensity)[yi] : com.indirect_emission_factor;
      }
      if (h2 && *h2 == c) price_hydrogen(s, ri, c, own, prices, upstream, t);
    }
    const YearSeries& tax = reg.carbon_price ? *reg.carbon_price : s.policy.carbon_price;
    Eigen::VectorXd tax_v(n_years);
    for (Eigen::Index y = 0; y < n_years; ++y)
      tax_v(y) = tax[static_cast<std::size_t>(y)];

    t.variable_cost.push_back(inputs * prices);
    t.indirect.push_back(inputs * upstream);
    t.carbon_tax.push_back(tax_v);
    // Levelized over each route's own campaign, weights at the scenario's
    // discount rate, paths flat after the horizon; only the tables some
    // company's foresight reads (perfect: average, trend: trend).
    Eigen::MatrixXd lev_v, lev_c, trend_v, trend_c;
    if (perfect) {
      lev_v.resize(n_tech, n_years);
      lev_c.resize(n_tech, n_years);
    }
    if (trend) {
      trend_v.resize(n_tech, n_years);
      trend_c.resize(n_tech, n_years);
    }
    for (Eigen::Index k = 0; k < n_tech && (perfect || trend); ++k) {
      const int n = s.technologies[static_cast<std::size_t>(k)].campaign_years;
      for (Eigen::Index y = 0; y < n_years; ++y)
        row[static_cast<std::size_t>(y)] = t.variable_cost.back()(k, y);
      for (Eigen::Index y = 0; y < n_years; ++y) {
        const auto yi = static_cast<std::size_t>(y);
        if (perfect) {
          lev_v(k, y) = levelized_average(row, yi, n, r);
          lev_c(k, y) = levelized_average(tax.values(), yi, n, r);
        }
        if (trend) {
          trend_v(k, y) = levelized_trend(row, yi, n, r);
          trend_c(k, y) = levelized_trend(tax.values(), yi, n, r);
        }
      }
    }
    t.lev_variable.push_back(std::move(lev_v));
    t.lev_carbon_tax.push_back(std::move(lev_c));
    t.trend_variable.push_back(std::move(trend_v));
    t.trend_carbon_tax.push_back(std::move(trend_c));
  }
  return t;
}

} // namespace steelpath
