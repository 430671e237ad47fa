// Bit-for-bit comparison of two members' results, NaN-aware (NaN equals NaN),
// over every series of the registry (sim/member_series.hpp) and the decisions, for "a lever set to zero
// reproduces the run without it".
#pragma once

#include "sim/member_result.hpp"
#include "sim/member_series.hpp"

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
  // Every stored series of the registry, so that a new series is compared too.
  for (const auto& series : member_series())
    if (series.field != nullptr && !same_bits(a.*series.field, b.*series.field)) return false;
  if (!same_bits(a.decision_lcos, b.decision_lcos)) return false;
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
