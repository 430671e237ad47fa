// Runs one ensemble member from its design row to its journal payload: build
// the member's scenario, simulate it with the member's random streams, check
// the numbers (sim/finite_check.hpp), encode the arrays. A member that throws
// or holds a number its series may not becomes a failure with its reason; it
// never stops others.
#pragma once

#include "ensemble/design.hpp"
#include "input/member_scenario.hpp"
#include "sim/member_result.hpp"
#include "sim/target_outcomes.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace steelpath::ensemble {

/// What running one member gives: its journal record, or why it failed.
struct MemberOutcome {
  /// the member threw or holds a number its series may not (sim/finite_check.hpp)
  bool failed = false;
  std::string reason;             ///< why it failed
  std::vector<std::byte> payload; ///< the journal record (encode_member or the reason)
  /// unit-years simulated (units x years; for throughput figures)
  double unit_years = 0.0;
};

/// `result` is working memory reused between members of one thread.
/// `targets`: the base scenario's company targets, checked on the result.
[[nodiscard]] MemberOutcome run_member(const Design& design, const input::ScenarioFactory& factory,
                                       std::size_t member, MemberResult& result,
                                       const std::vector<TargetCheck>& targets = {});

} // namespace steelpath::ensemble
