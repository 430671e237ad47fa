#include "sim/target_outcomes.hpp"

#include <algorithm>

namespace steelpath {

namespace {
constexpr double kNearZeroShare = 0.1; // as output/member_metrics.hpp
}

std::vector<TargetCheck> company_targets(const Scenario& s) {
  std::vector<TargetCheck> out;
  for (std::size_t c = 0; c < s.companies.size(); ++c) {
    const auto& t = s.companies[c].target;
    if (!t) continue;
    if (t->peak_year > 0 && t->peak_year <= s.horizon.last_year)
      out.push_back({c, std::max(t->peak_year, s.horizon.first_year), false,
                     s.companies[c].id + ": peak by " + std::to_string(t->peak_year)});
    if (t->neutrality_year > 0 && s.horizon.contains(t->neutrality_year))
      out.push_back({c, t->neutrality_year, true,
                     s.companies[c].id + ": neutral by " + std::to_string(t->neutrality_year)});
  }
  return out;
}

std::vector<double> targets_met(const std::vector<TargetCheck>& targets, const MemberResult& r) {
  std::vector<double> out;
  const std::size_t C = r.n_companies, Y = r.horizon.size();
  auto emissions = [&](std::size_t y, std::size_t c) { return r.company_emissions[y * C + c]; };
  for (const auto& t : targets) {
    const auto y = static_cast<std::size_t>(t.year - r.horizon.first_year);
    bool met = true;
    if (t.neutrality) {
      met = emissions(y, t.company) <= kNearZeroShare * emissions(0, t.company);
    } else {
      // A relative tolerance: a later year equal to the peak up to rounding is no rise.
      const double peak = emissions(y, t.company) * (1.0 + 1e-9);
      for (std::size_t later = y + 1; later < Y && met; ++later)
        met = emissions(later, t.company) <= peak;
    }
    out.push_back(met ? 1.0 : 0.0);
  }
  return out;
}

} // namespace steelpath
