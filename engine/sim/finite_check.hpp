// The check that runs after every member, single run or ensemble: no
// reported number may be one its series cannot hold. Each yearly series says
// in the registry (sim/member_series.hpp, NonFinite) whether NaN is a
// legitimate "no value" there; no series and no levelized cost of the
// decision log (NaN: not an option, or a closure) may be infinite. A member
// that fails it is not written: a single run stops with exit 1, an ensemble
// counts the member as failed with the message as its reason.
#pragma once

#include "model/scenario.hpp"
#include "sim/member_result.hpp"

#include <optional>
#include <string>

namespace steelpath {

/// The first number of a member's results that its series may not hold.
struct NonFiniteValue {
  std::string series; ///< schema name: "production", "decisions/lcos_chosen"
  int year = 0;       ///< calendar year of the value (of the decision, for the decision log)
  /// Where in the year, by coordinate: "region CHN, technology bf_bof",
  /// "unit baoshan-bf1"; empty for a series of years only.
  std::string place;
  double value = 0.0;  ///< the value: +inf, -inf or NaN
  bool nan_ok = false; ///< the series may hold NaN (so the value is an infinity)

  /// "production in 2031 (region CHN, technology bf_bof) is inf; it must be finite".
  [[nodiscard]] std::string describe() const;
};

/// The first value of `result` that its series may not hold, in the order of
/// the registry, then the decision log; nullopt when every value is allowed.
/// `scenario` is the member's (it names regions, routes, companies, contracts
/// and units); an index it does not cover is named by its number.
[[nodiscard]] std::optional<NonFiniteValue> find_non_finite(const MemberResult& result,
                                                            const Scenario& scenario);

/// Throws NumericError "numeric error: <describe()>" when find_non_finite
/// finds a value.
void check_finite(const MemberResult& result, const Scenario& scenario);

} // namespace steelpath
