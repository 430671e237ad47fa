// Build-out limits go to the largest gains, ties to the year's lottery, never
// to the unit listed first; a refused unit waits a year (docs/model.md,
// "Build-out limits").
#include "sim/buildout_allocation.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace steelpath;

namespace {
std::vector<bool> granted_by_unit(const std::vector<BuildoutRequest>& requests) {
  std::vector<bool> g(requests.size());
  for (const auto& q : requests)
    g[q.unit] = q.granted;
  return g;
}
} // namespace

TEST_CASE("build-out allocation: largest gains first, a request that no longer fits is skipped",
          "[sim][buildout]") {
  // Route 0 may gain 10 Mt/yr. By gain: unit 1 (50 USD/t, 5 Mt) -> 5 granted;
  // unit 0 (30, 6 Mt) -> 11 > 10 refused; units 2 and 3 tie at 20: unit 3's
  // lottery (0.2) is below unit 2's (0.7), so unit 3 (3 Mt) -> 8 granted,
  // then unit 2 (4 Mt) -> 12 > 10 refused. Route 1 has no limit: granted.
  std::vector<BuildoutRequest> q = {
      {0, 11, 0.5, 0, 6.0, 30.0}, {1, 12, 0.9, 0, 5.0, 50.0}, {2, 13, 0.7, 0, 4.0, 20.0},
      {3, 14, 0.2, 0, 3.0, 20.0}, {4, 15, 0.1, 1, 9.0, -5.0},
  };
  const double allowance[] = {10.0, std::numeric_limits<double>::infinity()};
  const std::vector<double> granted = allocate_buildout(q, allowance);
  CHECK(granted[0] == 8.0);
  CHECK(granted[1] == 9.0);
  CHECK(granted_by_unit(q) == std::vector<bool>{false, true, false, true, true});
  // Any order of the requests grants the same units.
  std::vector<BuildoutRequest> r = q;
  std::reverse(r.begin(), r.end());
  std::rotate(r.begin(), r.begin() + 2, r.end());
  allocate_buildout(r, allowance);
  CHECK(granted_by_unit(r) == granted_by_unit(q));
}

TEST_CASE("build-out allocation: equal gains and lotteries go by stream id; zero allowance grants nothing",
          "[sim][buildout]") {
  std::vector<BuildoutRequest> q = {{0, 90, 0.5, 0, 2.0, 10.0}, {1, 7, 0.5, 0, 2.0, 10.0}};
  const double room[] = {3.0};
  allocate_buildout(q, room);
  CHECK(granted_by_unit(q) == std::vector<bool>{false, true}); // stream id 7 < 90
  const double none[] = {0.0};
  allocate_buildout(q, none);
  CHECK(granted_by_unit(q) == std::vector<bool>{false, false});
}

namespace {
// tiny_scenario at 100 USD/t CO2: bf relines at 100 coal + 200 carbon + 10
// capex = 310 USD/t, h2 switches at 200 + 50 = 250 (gain 60 at a 0 % hurdle).
// Both 6 Mt/yr units decide in 2025; h2 may gain 6 Mt/yr a year: one unit.
Scenario contested() {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 100.0);
  s.technologies[1].max_new_capacity = YearSeries::constant(s.horizon, 6.0);
  s.units[1].last_reline_year = 2015;
  Company slow = s.companies[0];
  slow.id = "slow";
  slow.hurdle_rate = 0.05; // a dearer capital: h2's extra capex gains it less
  s.companies.push_back(slow);
  return s;
}
int year_of_switch(const MemberResult& r, int unit) {
  for (const Decision& d : r.decisions)
    if (d.unit == unit && d.action == DecisionAction::switch_route) return d.year;
  return -1;
}
} // namespace

TEST_CASE("build-out limit: the unit that gains most converts first, the other waits a year",
          "[sim][buildout]") {
  for (const int slow_unit : {0, 1}) {
    Scenario s = contested();
    s.units[static_cast<std::size_t>(slow_unit)].company = 1;
    const int fast_unit = 1 - slow_unit;
    const MemberResult r = simulate(s);
    // The 0 %-hurdle unit gains 60 USD/t, the 5 % one less: whichever is
    // listed first, the fast one converts in 2025 and the slow one waits.
    CHECK(year_of_switch(r, fast_unit) == 2025);
    CHECK(year_of_switch(r, slow_unit) == 2026);
    const auto wait = std::find_if(r.decisions.begin(), r.decisions.end(), [&](const Decision& d) {
      return d.unit == slow_unit && d.action == DecisionAction::defer;
    });
    REQUIRE(wait != r.decisions.end());
    CHECK(wait->year == 2025);
    CHECK(wait->to_technology == 1);
    // 2025: 6 Mt of h2 and 4 Mt of bf (8 Mt CO2); from 2026 all h2.
    CHECK(std::accumulate(r.emissions.begin(), r.emissions.end(), 0.0) == Approx(8.0));
  }
}
