// The innovation fund's channels (docs/model.md, "Innovation fund"), worked
// by hand: the knowledge stock with lag and depreciation, readiness from
// demonstrated capacity and knowledge, the risk premium it sets, electrolyser
// R&D, and a demonstration grant that moves a route's first adoption year.
#include "sim/hydrogen_cost.hpp"
#include "sim/learning.hpp"
#include "sim/levelized_cost.hpp"
#include "sim/member_simulation.hpp"
#include "sim/readiness.hpp"

#include "../../support/mini_scenario.hpp"
#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace steelpath;

namespace {
InnovationFund fund(const Horizon& h, double budget) {
  InnovationFund f;
  f.budget = YearSeries::constant(h, budget);
  f.allocation = {0.0, 0.0};
  f.depreciation = 0.0;
  return f;
}

int first_year_on(const MemberResult& r, std::size_t k) {
  for (std::size_t y = 0; y < r.horizon.size(); ++y)
    if (r.production[y * r.n_technologies + k] > 0.0) return r.horizon.year(y);
  return 0;
}
} // namespace

TEST_CASE("fund: knowledge arrives after the lag and depreciates", "[sim][fund]") {
  const Horizon h{2025, 2030};
  InnovationFund f = fund(h, 100.0);
  f.depreciation = 0.1;
  f.lag_years = 2;
  // S(t) = 0.9 S(t-1) + 0.5 x 100 from t = 2 on: 0, 0, 50, 95, 135.5, 171.95.
  const std::vector<double> s = knowledge_stock_path(f, 0.5);
  REQUIRE(s.size() == 6);
  CHECK(s[0] == 0.0);
  CHECK(s[1] == 0.0);
  CHECK(s[2] == Approx(50.0));
  CHECK(s[3] == Approx(95.0));
  CHECK(s[4] == Approx(135.5));
  CHECK(s[5] == Approx(171.95));
}

TEST_CASE("fund: readiness rises with built capacity and knowledge, less for outsiders", "[sim][fund]") {
  Scenario s = test::tiny_scenario();
  s.technologies[1].readiness = 7;
  s.technologies[1].base_knowledge = 100.0;
  s.behaviour.readiness_capacity = 10.0;    // 10 Mt/yr per level
  s.behaviour.readiness_per_doubling = 0.5; // half a level per doubling of knowledge
  s.behaviour.readiness_spillover = 0.5;
  s.policy.fund = fund(s.horizon, 100.0);
  s.policy.fund->allocation = {0.0, 1.0};
  LearningState learning;
  learning.reset(s);
  ReadinessState readiness;
  readiness.reset(s, learning);
  CHECK(readiness.level(1, true) == 7.0);
  learning.add_capacity(1, 6.0); // rise 6/10 = 0.6
  CHECK(readiness.update(1, learning));
  CHECK(readiness.level(1, true) == Approx(7.6));
  CHECK(readiness.level(1, false) == Approx(7.3));
  learning.set_year(0); // knowledge 100 -> 200: one doubling, +0.5
  readiness.update(1, learning);
  CHECK(readiness.level(1, true) == Approx(8.1));
  CHECK(readiness.level(1, false) == Approx(7.55));
  learning.add_capacity(1, 100.0); // far past 9: capped
  readiness.update(1, learning);
  CHECK(readiness.level(1, true) == 9.0);
  CHECK(readiness.level(0, true) == 9.0); // bf is mature and never moves
  CHECK_FALSE(readiness.update(0, learning));
  CHECK(readiness.rose_to(1, true, 9.0));
}

TEST_CASE("fund: readiness sets the risk premium in the capital recovery factor", "[sim][fund]") {
  Scenario s = test::tiny_scenario();
  s.technologies[1].readiness = 7;
  s.behaviour.risk_premium_per_trl = 0.01;
  s.behaviour.readiness_capacity = 10.0;
  s.companies[0].hurdle_rate = 0.05;
  s.companies[0].alliance_member = true;
  const CostTables costs = build_cost_tables(s);
  LearningState learning;
  learning.reset(s);
  RouteCost cost(s, costs, learning);
  CHECK(cost.crf(0, 1) == Approx(capital_recovery_factor(0.07, 10))); // 5 % + 2 x 1 %
  ReadinessState readiness;
  readiness.reset(s, learning);
  learning.add_capacity(1, 5.0); // TRL 7.5: 5 % + 1.5 x 1 %
  readiness.update(1, learning);
  cost.set_readiness(1, readiness);
  CHECK(cost.crf(0, 1) == Approx(capital_recovery_factor(0.065, 10)));
}

TEST_CASE("fund: electrolyser R&D lowers electrolyser capex by the knowledge factor", "[sim][fund]") {
  Scenario s = test::tiny_scenario();
  HydrogenSupply h;
  h.commodity = 1;
  h.learning_rate_rd = 0.2;
  h.base_knowledge = 100.0;
  s.hydrogen_supply = h;
  s.policy.fund = fund(s.horizon, 100.0);
  s.policy.fund->hydrogen = 1.0;
  // K = 100 + 100 (t + 1): factor (K / 100)^log2(0.8): 0.8 at one doubling.
  const std::vector<double> f = electrolyser_research_factor(s);
  CHECK(f[0] == Approx(0.8));
  CHECK(f[1] == Approx(std::pow(3.0, std::log2(0.8))));
  CHECK(f[2] == Approx(0.64)); // K = 400: two doublings
  s.policy.fund->hydrogen = 0.0;
  CHECK(electrolyser_research_factor(s)[3] == 1.0);
}

TEST_CASE("fund: a demonstration grant moves the first adoption year by a computed amount", "[sim][fund]") {
  // Carbon 65 USD/t: bf relining costs 100 x 0.1 + 100 + 2 x 65 = 240 USD/t,
  // the h2 switch 500 x 0.1 + 50 x 4 = 250 USD/t (CRF 0.1 at r = 0 over 10
  // years). A grant of 35 % of the switch capex, 175 USD/(t/yr), is 17.5
  // USD/t: h2 at 232.5 wins. A 6 Mt/yr unit's grant is 1,050 million USD.
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 65.0);
  s.technologies[1].readiness = 7;
  s.technologies[1].base_capacity = 20.0; // h2 is first-of-a-kind below 20 Mt/yr
  s.technologies[1].start_capacity = 1.0;
  s.behaviour.readiness_capacity = 10.0;
  s.companies[0].alliance_member = true;
  const MemberResult none = simulate(s);
  CHECK(first_year_on(none, 1) == 0); // never

  s.policy.fund = fund(s.horizon, 1050.0);
  s.policy.fund->demonstration = 1.0;
  const MemberResult enough = simulate(s); // the pot covers u1's grant in 2025
  CHECK(first_year_on(enough, 1) == 2025);
  CHECK(enough.fund_grants[0 * 2 + 1] == Approx(1050.0));
  CHECK(enough.fund_grant_capacity[0 * 2 + 1] == Approx(6.0));
  CHECK(enough.company_subsidies[0] == Approx(1050.0));
  // u1's 6 Mt/yr raise h2's readiness by 6/10 from 2026 (recorded at the start of the year).
  CHECK(enough.readiness[0 * 2 + 1] == 7.0);
  CHECK(enough.readiness[1 * 2 + 1] == Approx(7.6));
  CHECK(enough.readiness_others[1 * 2 + 1] == Approx(7.3));

  s.policy.fund->budget = YearSeries::constant(s.horizon, 600.0); // 600 in 2025: too little;
  const MemberResult later = simulate(s);                         // 3,600 by u2's decision in 2030
  CHECK(first_year_on(later, 1) == 2030);
  CHECK(later.fund_grants[5 * 2 + 1] == Approx(1050.0));
  CHECK(later.fund_spent[5] == Approx(1050.0));

  s.companies[0].alliance_member = false; // grants go to alliance members only
  CHECK(first_year_on(simulate(s), 1) == 0);
}

TEST_CASE("fund: channel shares above the whole budget are refused", "[input][fund]") {
  auto lines = test::mini_lines();
  lines[23] = "policies: {fund: {budget: 10, allocation: {bf: 0.6}, hydrogen: 0.3, demonstration: 0.2}}";
  const std::string err = test::load_error(test::join_lines(lines));
  CHECK_THAT(err, Catch::Contains("policies.fund"));
  CHECK_THAT(err, Catch::Contains("sum <= 1"));
  CHECK_THAT(err, Catch::Contains("1.1"));
}
