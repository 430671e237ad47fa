// Closure for losses (sim/unit_closure.hpp), by hand: the avoidable loss, the
// order units close in, the stop when the loss is gone and at the capacity
// the region needs; and in a member, on the tiny scenario.
#include "sim/member_simulation.hpp"
#include "sim/unit_closure.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

using namespace steelpath;

TEST_CASE("avoidable loss: fixed opex less the margin on the unit's share of output", "[sim][closure]") {
  const ClosureBlock b{.production = 6.0, .capacity = 10.0, .margin = 50.0, .opex_fixed = 40.0};
  CHECK(avoidable_loss(b, 10.0, 0.9) == Approx(40.0 - 0.6 * 50.0));      // 10 USD per t/yr lost
  CHECK(avoidable_loss(b, 8.0, 0.9) == Approx(40.0 - 0.75 * 50.0));      // 2.5
  CHECK(avoidable_loss(b, 7.0, 0.9) == Approx(40.0 - 6.0 / 7.0 * 50.0)); // -2.86: a profit
  CHECK(avoidable_loss(b, 6.0, 0.8) == Approx(0.0));                     // output capped at 0.8 x 6
  CHECK(avoidable_loss(b, 0.0, 0.9) == Approx(40.0));
  CHECK(capacity_needed(100.0, 0.1, 0.9) == Approx(110.0 / 0.9));
}

namespace {
// Block 0 ("A"): 6 Mt out of 10 Mt/yr, margin 50 USD/t, fixed opex 40: loses 10.
// Block 1 ("B"): 3 Mt out of 4 Mt/yr, margin 20 USD/t, fixed opex 30: loses 15.
std::vector<ClosureBlock> two_blocks() {
  return {{.production = 6.0, .capacity = 10.0, .margin = 50.0, .opex_fixed = 40.0},
          {.production = 3.0, .capacity = 4.0, .margin = 20.0, .opex_fixed = 30.0}};
}
// A: units 0 (2 Mt/yr, 1990), 1 (2, 1980), 2 (2, 2000), 3 (4, 1995);
// B: units 4 and 5 (2 each, 1970; 5 has the smaller tiebreak).
std::vector<ClosureCandidate> units() {
  return {{0, 0, 2.0, 1990, 7}, {1, 0, 2.0, 1980, 7}, {2, 0, 2.0, 2000, 7},
          {3, 0, 4.0, 1995, 7}, {4, 1, 2.0, 1970, 9}, {5, 1, 2.0, 1970, 3}};
}
} // namespace

TEST_CASE("the largest loss closes first, oldest first, until the loss is gone", "[sim][closure]") {
  // B loses most (15): unit 5 closes (tiebreak 3 < 9); B at 2 Mt/yr runs at
  // 0.9 and still loses 30 - 0.9 x 20 = 12 > A's 10: unit 4 closes. Then A:
  // its oldest, unit 1 (1980), leaves 8 Mt/yr losing 2.5; unit 0 (1990)
  // leaves 6 Mt/yr at 0.9, a profit of 5: no more closures.
  auto blocks = two_blocks();
  auto cands = units();
  std::vector<std::size_t> closed;
  const double cut = choose_closures(blocks, cands, 14.0, 0.0, 0.9, closed);
  CHECK(closed == std::vector<std::size_t>{5, 4, 1, 0});
  CHECK(cut == Approx(8.0));
  CHECK(blocks[0].capacity == Approx(6.0));
  CHECK(blocks[1].capacity == Approx(0.0));
  CHECK(avoidable_loss(blocks[0], blocks[0].capacity, 0.9) < 0.0);
  // The candidates' order in the fleet does not matter.
  auto reversed = units();
  std::reverse(reversed.begin(), reversed.end());
  blocks = two_blocks();
  std::vector<std::size_t> again;
  (void)choose_closures(blocks, reversed, 14.0, 0.0, 0.9, again);
  CHECK(again == closed);
}

TEST_CASE("closures stop at the capacity the region needs", "[sim][closure]") {
  // Needing 9 Mt/yr of 14: units 5 and 4 close (14 -> 10); every A unit
  // would take the region below 9 and stays, though A loses.
  auto blocks = two_blocks();
  auto cands = units();
  std::vector<std::size_t> closed;
  CHECK(choose_closures(blocks, cands, 14.0, 9.0, 0.9, closed) == Approx(4.0));
  CHECK(closed == std::vector<std::size_t>{5, 4});
  // Needing 7.5: after B, A's 2 Mt/yr units fit (10 -> 8) but then none
  // does; the 4 Mt/yr unit 3 would not either.
  blocks = two_blocks();
  cands = units();
  closed.clear();
  CHECK(choose_closures(blocks, cands, 14.0, 7.5, 0.9, closed) == Approx(6.0));
  CHECK(closed == std::vector<std::size_t>{5, 4, 1});
  // A block without candidates (its losses not yet long enough) keeps its units.
  blocks = two_blocks();
  std::vector<ClosureCandidate> only_a = {{0, 0, 2.0, 1990, 7}, {1, 0, 2.0, 1980, 7}};
  closed.clear();
  (void)choose_closures(blocks, only_a, 14.0, 0.0, 0.9, closed);
  CHECK(closed == std::vector<std::size_t>{1, 0});
  CHECK(blocks[1].capacity == Approx(4.0));
}

TEST_CASE("a member closes a losing unit after closure_loss_years years of losses", "[sim][closure]") {
  // Tiny scenario, demand 5 Mt, two 6 Mt/yr blast furnaces with fixed opex
  // 10 USD per t/yr: the price is the furnaces' marginal cost (100 USD/t), so
  // each loses its fixed opex every year. After two years (2025, 2026) the
  // older u2 (built 1995) closes; u1 stays: 6 Mt/yr >= 5 x 1.1 is needed.
  Scenario s = test::tiny_scenario();
  s.regions[0].demand = YearSeries::constant(s.horizon, 5.0);
  s.technologies[0].opex_fixed = 10.0;
  s.units[1].start_year = 1995;
  REQUIRE(s.behaviour.closure_loss_years == 2);
  const MemberResult r = simulate(s);
  REQUIRE(r.decisions.size() == 2);
  CHECK(r.decisions[0].action == DecisionAction::reline); // u1 in 2025
  CHECK(r.decisions[1].unit == 1);
  CHECK(r.decisions[1].year == 2026);
  CHECK(r.decisions[1].reason == DecisionReason::losses);
  CHECK(r.decisions[1].action == DecisionAction::close);
  CHECK(r.decision_lcos.size() == 2 * s.technologies.size());
  CHECK(r.stranded[1] == Approx(6.0));
  CHECK(r.technology_capacity(2, 0) == Approx(6.0));
  CHECK(r.total_production(2) == Approx(5.0));
  CHECK(r.unmet_demand[9] == 0.0);
  // Costs 2027: 5 Mt x 100 USD/t + 6 Mt/yr x 10 (12 Mt/yr before the closure).
  CHECK(r.company_costs[2] == Approx(560.0));
  CHECK(r.company_costs[1] == Approx(620.0));
  // Three years of losses: it closes in 2027; 0 turns the rule off, and u2
  // closes at its 2030 decision point instead (surplus and uncompetitive).
  s.behaviour.closure_loss_years = 3;
  CHECK(simulate(s).decisions[1].year == 2027);
  s.behaviour.closure_loss_years = 0;
  const MemberResult off = simulate(s);
  REQUIRE(off.decisions.size() == 2);
  CHECK(off.decisions[1].year == 2030);
  CHECK(off.decisions[1].reason == DecisionReason::campaign_end);
}
