#include "sim/member_result.hpp"

#include "sim/member_series.hpp"

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
  // Every stored series, sized by its dimensions (member_series.hpp).
  for (const auto& series : member_series())
    if (series.field != nullptr)
      (this->*series.field).assign(series_size(*this, series.dims), series.initial);
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
