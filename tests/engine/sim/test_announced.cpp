// Announced capacity (sim/member_announced.cpp), worked by hand on the tiny
// scenario: announced projects wait until their region needs them.
#include "../../support/tiny_scenario.hpp"
#include "sim/member_simulation.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>

using namespace steelpath;

namespace {
// u1, u2: 12 Mt/yr operating (u = 1). Announced: a1 bf 3 Mt/yr from 2027,
// a2 bf 3 Mt/yr from 2026. Demand 10 Mt/yr, 14 from 2029 when `grows`.
Scenario with_announced(bool grows, bool swapped = false) {
  Scenario s = test::tiny_scenario();
  std::vector<PlantUnit> units(s.units.begin(), s.units.end());
  PlantUnit a1{"a1", "pa1", 0, 0, 0, 3.0, 2027, 0, true};
  PlantUnit a2{"a2", "pa2", 0, 0, 0, 3.0, 2026, 0, true};
  units.push_back(swapped ? a2 : a1);
  units.push_back(swapped ? a1 : a2);
  s.units = UnitList(units);
  if (grows) {
    const std::pair<int, double> demand[] = {{2025, 10.0}, {2028, 10.0}, {2029, 14.0}, {2034, 14.0}};
    s.regions[0].demand = YearSeries::interpolate(s.horizon, demand);
  }
  return s;
}
std::vector<Decision> builds(const MemberResult& r) {
  std::vector<Decision> b;
  std::copy_if(r.decisions.begin(), r.decisions.end(), std::back_inserter(b),
               [](const Decision& d) { return d.action == DecisionAction::build; });
  return b;
}
} // namespace

TEST_CASE("announced capacity stays on hold while its region does not need it", "[sim][announced]") {
  const Scenario s = with_announced(false);
  const MemberResult r = simulate(s);
  CHECK(builds(r).empty());
  for (std::size_t y = 0; y < s.horizon.size(); ++y)
    CHECK(r.capacity[r.at(y, 0, 0)] == Approx(12.0)); // u1 + u2 only
  CHECK(r.company_investment[s.horizon.index(2027)] == 0.0);
}

TEST_CASE("announced capacity enters, earliest start first, when demand three years ahead needs it",
          "[sim][announced]") {
  // 2025: demand in 2028 is 10 <= 12, nothing. 2026: demand in 2029 is 14 >
  // 12: a2 (start 2026) enters first, ready in max(2026, 2026 + 1) = 2027;
  // 15 >= 14, so a1 stays on hold and no new unit is built.
  for (const bool swapped : {false, true}) {
    INFO("announced units listed " << (swapped ? "a1 first" : "a2 first"));
    const Scenario s = with_announced(true, swapped);
    const MemberResult r = simulate(s);
    const std::vector<Decision> b = builds(r);
    REQUIRE(b.size() == 1);
    CHECK(b[0].year == 2026);
    CHECK(s.units[static_cast<std::size_t>(b[0].unit)].id == "a2");
    CHECK(b[0].to_technology == 0);
    CHECK(r.new_units.empty());
    CHECK(r.capacity[r.at(s.horizon.index(2026), 0, 0)] == Approx(12.0));
    CHECK(r.capacity[r.at(s.horizon.index(2027), 0, 0)] == Approx(15.0));
    // It pays its greenfield capex when committed: 500 USD/(t/yr) x 3 Mt/yr = 1,500 million USD.
    CHECK(r.investment[s.horizon.index(2026)] == Approx(1500.0));
  }
}
