#include "sim/member_result.hpp"

#include <limits>
#include <numeric>

namespace steelpath {

namespace {
double block_sum(const std::vector<double>& v, std::size_t first, std::size_t n) {
  const auto b = v.begin() + static_cast<std::ptrdiff_t>(first);
  return std::accumulate(b, b + static_cast<std::ptrdiff_t>(n), 0.0);
}
} // namespace

void MemberResult::reset(const Horizon& h, std::size_t n_tech, std::size_t n_reg, std::size_t n_comp,
                         std::size_t n_con) {
  horizon = h;
  n_technologies = n_tech;
  n_regions = n_reg;
  n_companies = n_comp;
  n_contracts = n_con;
  const std::size_t ny = h.size();
  for (auto* v : {&production, &capacity, &emissions, &indirect, &captured})
    v->assign(ny * n_reg * n_tech, 0.0);
  for (auto* v :
       {&demand, &unmet_demand, &steel_price, &scrap_used, &carbon_price, &investment, &operating_cost})
    v->assign(ny * n_reg, 0.0);
  allowance_price.assign(ny * n_reg, 0.0);
  for (auto* v : {&subsidies_paid, &subsidies_unpaid, &fund_spent, &stranded})
    v->assign(ny, 0.0);
  for (auto* v : {&company_production, &company_emissions, &company_revenue, &internal_price, &company_costs,
                  &company_investment, &company_subsidies, &company_cash})
    v->assign(ny * n_comp, 0.0);
  for (auto* v : {&offtake_volume, &offtake_premium})
    v->assign(ny * n_con, 0.0);
  capex_factor.assign(ny * n_tech, 1.0);
  ets_cap.assign(ny, std::numeric_limits<double>::quiet_NaN());
  ets_emissions.assign(ny, std::numeric_limits<double>::quiet_NaN());
  decisions.clear();
  decision_lcos.clear();
  new_units.clear();
  unit_years = 0;
}

double MemberResult::total_emissions(std::size_t y) const {
  return block_sum(emissions, y * n_regions * n_technologies, n_regions * n_technologies);
}
double MemberResult::total_production(std::size_t y) const {
  return block_sum(production, y * n_regions * n_technologies, n_regions * n_technologies);
}
double MemberResult::technology_production(std::size_t y, std::size_t k) const {
  double s = 0.0;
  for (std::size_t r = 0; r < n_regions; ++r)
    s += production[at(y, r, k)];
  return s;
}
double MemberResult::technology_capacity(std::size_t y, std::size_t k) const {
  double s = 0.0;
  for (std::size_t r = 0; r < n_regions; ++r)
    s += capacity[at(y, r, k)];
  return s;
}

} // namespace steelpath
