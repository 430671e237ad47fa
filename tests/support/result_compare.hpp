// Bit-for-bit comparison of two members' results, NaN-aware (NaN equals NaN),
// over every field, for "a lever set to zero reproduces the run without it".
#pragma once

#include "sim/member_result.hpp"

#include <cmath>
#include <cstring>
#include <vector>

namespace steelpath::test {

inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::memcmp(&a[i], &b[i], sizeof(double)) != 0 && !(std::isnan(a[i]) && std::isnan(b[i])))
      return false;
  return true;
}

inline bool identical(const MemberResult& a, const MemberResult& b) {
  const std::vector<double> MemberResult::*fields[] = {&MemberResult::production,
                                                       &MemberResult::capacity,
                                                       &MemberResult::emissions,
                                                       &MemberResult::indirect,
                                                       &MemberResult::captured,
                                                       &MemberResult::demand,
                                                       &MemberResult::unmet_demand,
                                                       &MemberResult::steel_price,
                                                       &MemberResult::scrap_used,
                                                       &MemberResult::carbon_price,
                                                       &MemberResult::investment,
                                                       &MemberResult::allowance_price,
                                                       &MemberResult::ets_cap,
                                                       &MemberResult::ets_emissions,
                                                       &MemberResult::subsidies_paid,
                                                       &MemberResult::subsidies_unpaid,
                                                       &MemberResult::fund_spent,
                                                       &MemberResult::stranded,
                                                       &MemberResult::company_production,
                                                       &MemberResult::company_emissions,
                                                       &MemberResult::company_revenue,
                                                       &MemberResult::internal_price,
                                                       &MemberResult::offtake_volume,
                                                       &MemberResult::offtake_premium,
                                                       &MemberResult::company_costs,
                                                       &MemberResult::company_investment,
                                                       &MemberResult::company_subsidies,
                                                       &MemberResult::company_cash,
                                                       &MemberResult::capex_factor,
                                                       &MemberResult::decision_lcos};
  for (auto f : fields)
    if (!same_bits(a.*f, b.*f)) return false;
  if (a.decisions.size() != b.decisions.size() || a.new_units != b.new_units || a.unit_years != b.unit_years)
    return false;
  for (std::size_t i = 0; i < a.decisions.size(); ++i) {
    const Decision& x = a.decisions[i];
    const Decision& y = b.decisions[i];
    if (x.year != y.year || x.unit != y.unit || x.from_technology != y.from_technology ||
        x.to_technology != y.to_technology || x.reason != y.reason || x.action != y.action ||
        !same_bits({x.lcos_chosen, x.lcos_reline}, {y.lcos_chosen, y.lcos_reline}))
      return false;
  }
  return true;
}

} // namespace steelpath::test
