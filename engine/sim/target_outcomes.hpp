// Whether a member met the companies' own climate targets: a neutrality
// target is met when the company's direct emissions in its neutrality year
// are near zero (at most 10 % of its first-year emissions, the same "near
// zero" as the ensemble metrics; the model keeps small residues), a peak
// target when no later year exceeds the emissions of its peak year.
#pragma once

#include "model/scenario.hpp"
#include "sim/member_result.hpp"

#include <string>
#include <vector>

namespace steelpath {

/// A company target to check on a member's result: whose, which year, neutrality or peak.
struct TargetCheck {
  /// company index
  std::size_t company = 0;
  /// the target's calendar year (neutrality year or peak year)
  int year = 0;
  bool neutrality = true; ///< false: a peak target
  std::string label;      ///< e.g. "baowu: neutral by 2050"
};

/// The targets of the scenario's companies that fall inside the horizon.
[[nodiscard]] std::vector<TargetCheck> company_targets(const Scenario& scenario);

/// 1 where the result meets the target, 0 where not (one per target).
[[nodiscard]] std::vector<double> targets_met(const std::vector<TargetCheck>& targets, const MemberResult& r);

} // namespace steelpath
