// Capacity replacement (sim/capacity_replacement.hpp), by hand: which units a
// starting unit retires, in which order, stopping at the ratio and at the
// capacity the region needs; and in a member, on the tiny scenario.
#include "sim/capacity_replacement.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

using namespace steelpath;

namespace {
// Own units 0 (3 Mt/yr, 1990) and 1 (2, 1980); others' 2 (4, 1970), 3 (1, 1960).
std::vector<ReplacementCandidate> fleet() {
  return {
      {0, true, 3.0, 1990, 5}, {1, true, 2.0, 1980, 5}, {2, false, 4.0, 1970, 5}, {3, false, 1.0, 1960, 5}};
}
} // namespace

TEST_CASE("a starting unit retires its company's oldest units first, then others'", "[sim][replacement]") {
  // 4 Mt/yr at 1.25:1 retires 5: own 1 (1980, 2), own 0 (1990, 3): done.
  auto c = fleet();
  std::vector<std::size_t> retired;
  CHECK(choose_replacements(c, 1.25 * 4.0, 100.0, 0.0, retired) == Approx(5.0));
  CHECK(retired == std::vector<std::size_t>{1, 0});
  // 6 Mt/yr at 1.25:1 (7.5): both own (5), then others' oldest, 3 (1960, 1)
  // and 2 (1970, 4): 10, the last unit overshooting.
  c = fleet();
  retired.clear();
  CHECK(choose_replacements(c, 1.25 * 6.0, 100.0, 0.0, retired) == Approx(10.0));
  CHECK(retired == std::vector<std::size_t>{1, 0, 3, 2});
  // The candidates' order does not matter.
  c = fleet();
  std::reverse(c.begin(), c.end());
  std::vector<std::size_t> again;
  (void)choose_replacements(c, 1.25 * 6.0, 100.0, 0.0, again);
  CHECK(again == retired);
}

TEST_CASE("replacement never takes the region below the capacity it needs", "[sim][replacement]") {
  // Region 12 Mt/yr, needs 8: own 1 (12 -> 10), own 0 would leave 7: stays;
  // others' 3 (10 -> 9); 2 would leave 5: stays. 3 of the 7.5 retired.
  auto c = fleet();
  std::vector<std::size_t> retired;
  CHECK(choose_replacements(c, 7.5, 12.0, 8.0, retired) == Approx(3.0));
  CHECK(retired == std::vector<std::size_t>{1, 3});
}

TEST_CASE("a member's starting fleet unit retires capacity under replacement", "[sim][replacement]") {
  // Tiny scenario, demand 5 Mt; u1, u2 (6 Mt/yr each) and u3, 4 Mt/yr, ready
  // in 2027. With 1.25:1 it retires 5 Mt/yr: the older u2 (built 1995),
  // leaving 10 >= 5 x 1.1; without replacement, nothing closes in 2027.
  Scenario s = test::tiny_scenario();
  s.regions[0].demand = YearSeries::constant(s.horizon, 5.0);
  s.units[1].start_year = 1995;
  s.units.push_back({"u3", "p3", 0, 0, 0, 4.0, 2027, 0});
  s.regions[0].capacity_replacement = 1.25;
  const MemberResult r = simulate(s);
  std::vector<Decision> retired;
  std::copy_if(r.decisions.begin(), r.decisions.end(), std::back_inserter(retired),
               [](const Decision& d) { return d.reason == DecisionReason::replacement; });
  REQUIRE(retired.size() == 1);
  CHECK(retired[0].unit == 1);
  CHECK(retired[0].year == 2027);
  CHECK(retired[0].action == DecisionAction::close);
  CHECK(r.technology_capacity(2, 0) == Approx(10.0)); // u1 6 + u3 4
  CHECK(r.unmet_demand[2] == 0.0);
  s.regions[0].capacity_replacement = 0.0;
  const MemberResult none = simulate(s);
  CHECK(std::none_of(none.decisions.begin(), none.decisions.end(),
                     [](const Decision& d) { return d.reason == DecisionReason::replacement; }));
  CHECK(none.technology_capacity(2, 0) == Approx(16.0));
}
