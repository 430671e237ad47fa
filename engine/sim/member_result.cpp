#include "sim/member_result.hpp"

#include <algorithm>
#include <numeric>

namespace steelpath {

namespace {
void zero(std::vector<double>& v, std::size_t n) {
  v.assign(n, 0.0);
}
double row_sum(const std::vector<double>& v, std::size_t y, std::size_t width) {
  const auto first = v.begin() + static_cast<std::ptrdiff_t>(y * width);
  return std::accumulate(first, first + static_cast<std::ptrdiff_t>(width), 0.0);
}
} // namespace

void MemberResult::reset(const Horizon& h, std::size_t n_tech, std::size_t n_reg) {
  horizon = h;
  n_technologies = n_tech;
  n_regions = n_reg;
  const std::size_t ny = h.size();
  zero(production, ny * n_tech);
  zero(capacity, ny * n_tech);
  zero(emissions, ny * n_tech);
  zero(captured, ny * n_tech);
  zero(demand, ny * n_reg);
  zero(unmet_demand, ny * n_reg);
  zero(steel_price, ny * n_reg);
  zero(scrap_used, ny * n_reg);
  zero(carbon_price, ny);
  decisions.clear();
  unit_years = 0;
}

double MemberResult::total_emissions(std::size_t y) const { return row_sum(emissions, y, n_technologies); }
double MemberResult::total_production(std::size_t y) const { return row_sum(production, y, n_technologies); }

} // namespace steelpath
