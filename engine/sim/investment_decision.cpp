#include "sim/investment_decision.hpp"

namespace steelpath {

InvestmentChoice choose_investment(const CostTables& costs, Eigen::Index year_index, int current,
                                   std::span<const std::uint8_t> allowed) {
  InvestmentChoice c;
  c.technology = current;
  c.lcos_reline = costs.lcos_reline(current, year_index);
  c.lcos_chosen = c.lcos_reline;
  const auto n = static_cast<int>(allowed.size());
  for (int k = 0; k < n; ++k) {
    if (k == current || !allowed[static_cast<std::size_t>(k)]) continue;
    const double lcos = costs.lcos_switch(k, year_index);
    if (lcos < c.lcos_chosen) { // strict: a tie keeps the current route
      c.lcos_chosen = lcos;
      c.technology = k;
    }
  }
  return c;
}

} // namespace steelpath
