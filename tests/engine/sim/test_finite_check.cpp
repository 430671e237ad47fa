// The check after every member (sim/finite_check.hpp): a simulated member
// passes; a non-finite value forced into any series of the registry, or into
// the decision log, is found and named by series, year and place; NaN passes
// only where the registry says it means "no value", an infinity nowhere.
#include "sim/finite_check.hpp"

#include "model/errors.hpp"
#include "sim/member_series.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using namespace steelpath;
using Catch::Contains;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The tiny scenario at 80 USD/t CO2: u1 switches to h2 in 2025, u2 in 2030
// (tests/engine/sim/test_decisions.cpp), so the decision log has rows.
struct Member {
  Scenario scenario = test::tiny_scenario();
  MemberResult result;
  Member() {
    scenario.policy.carbon_price = YearSeries::constant(scenario.horizon, 80.0);
    result = simulate(scenario);
  }
};

} // namespace

TEST_CASE("a simulated member holds no value its series may not", "[sim][finite]") {
  const Member m;
  REQUIRE(m.result.decisions.size() == 2);
  CHECK_FALSE(find_non_finite(m.result, m.scenario));
  CHECK_NOTHROW(check_finite(m.result, m.scenario));
}

TEST_CASE("an infinity in any registry series is found; NaN only where it means no value", "[sim][finite]") {
  const Member m;
  // 2025..2034, 1 region, 2 routes, 1 company, no contract: the last value
  // of each series is in 2034 (a contract series is empty).
  for (const auto& s : member_series()) {
    if (s.field == nullptr) continue;
    MemberResult r = m.result;
    auto& v = r.*s.field;
    if (v.empty()) continue;
    INFO(s.name);
    v.back() = kInf;
    auto bad = find_non_finite(r, m.scenario);
    REQUIRE(bad);
    CHECK(bad->series == s.name); // the stored series, not a total derived from it
    CHECK(bad->year == 2034);
    CHECK(bad->value == kInf);
    v.back() = -kInf;
    REQUIRE(find_non_finite(r, m.scenario));
    CHECK(find_non_finite(r, m.scenario)->describe().find(" is -inf; ") != std::string::npos);
    v.back() = kNaN;
    CHECK(find_non_finite(r, m.scenario).has_value() == (s.non_finite == NonFinite::none));
  }
}

TEST_CASE("the message names the series, the year and the region, route, company or unit", "[sim][finite]") {
  const Member m;
  MemberResult r = m.result;
  // production is [year][region][technology]: index (2 x 1 + 0) x 2 + 1 is 2027, region r, route h2.
  r.production[5] = kInf;
  CHECK(find_non_finite(r, m.scenario)->describe() ==
        "production in 2027 (region r, technology h2) is inf; it must be finite");
  CHECK_THROWS_AS(check_finite(r, m.scenario), NumericError);
  CHECK_THROWS_WITH(check_finite(r, m.scenario),
                    "numeric error: production in 2027 (region r, technology h2) is inf; it must be finite");
  r = m.result;
  r.company_cash[3] = kNaN; // [year][company]: 2028, company c
  CHECK(find_non_finite(r, m.scenario)->describe() ==
        "company_cash in 2028 (company c) is NaN; it must be finite");
  r = m.result;
  r.steel_price[4] = kNaN; // no steel made: allowed
  CHECK_FALSE(find_non_finite(r, m.scenario));
  r.steel_price[4] = kInf;
  CHECK(find_non_finite(r, m.scenario)->describe() ==
        "steel_price in 2029 (region r) is inf; it may be NaN (no value), never infinite");
  r = m.result;
  r.stranded[9] = -kInf; // [year] only
  CHECK(find_non_finite(r, m.scenario)->describe() == "stranded_capacity in 2034 is -inf; it must be finite");
  r = m.result;
  r.capex_factor[1] = kNaN; // [year][technology]: 2025, route h2
  CHECK(find_non_finite(r, m.scenario)->describe() ==
        "capex_factor in 2025 (technology h2) is NaN; it must be finite");
}

TEST_CASE("the decision log's levelized costs may be NaN, never infinite", "[sim][finite]") {
  const Member m;
  MemberResult r = m.result;
  const Decision& second = r.decisions[1]; // u2 decides in 2030
  REQUIRE(second.year == 2030);
  r.decisions[1].lcos_reline = kNaN; // relining not an option: allowed
  r.decisions[1].lcos_chosen = kNaN; // a closure: allowed
  CHECK_FALSE(find_non_finite(r, m.scenario));
  r.decisions[1].lcos_chosen = kInf; // what a CRF dividing by zero gave (issue 16)
  CHECK(find_non_finite(r, m.scenario)->describe() ==
        "decisions/lcos_chosen in 2030 (unit u2, region r) is inf; it may be NaN (no value), never infinite");
  r = m.result;
  r.decisions[0].lcos_reline = kInf;
  CHECK(find_non_finite(r, m.scenario)->series == "decisions/lcos_reline");
  r = m.result;
  REQUIRE(r.decision_lcos.size() == 4); // [decision][technology]
  r.decision_lcos[2] = kNaN;            // an option not open: allowed
  CHECK_FALSE(find_non_finite(r, m.scenario));
  r.decision_lcos[3] = kInf;
  CHECK(find_non_finite(r, m.scenario)->describe() ==
        "decisions/lcos_options in 2030 (unit u2, region r, option technology h2) is inf; it may be NaN (no "
        "value), never infinite");
  // A unit built during the run is named by its id; a unit the result does
  // not know, by its index.
  r = m.result;
  r.new_units = {"r-new-1"};
  r.decisions[0].unit = 2;
  r.decisions[0].lcos_chosen = kInf;
  CHECK(find_non_finite(r, m.scenario)
            ->describe()
            .starts_with("decisions/lcos_chosen in 2025 (unit r-new-1, built during the run) is inf"));
  r.decisions[0].unit = 7;
  CHECK(find_non_finite(r, m.scenario)
            ->describe()
            .starts_with("decisions/lcos_chosen in 2025 (unit #7) is inf"));
}
