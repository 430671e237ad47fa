// policies.carbon_contracts in a scenario file: its keys are read into the
// model, a budget in another currency is converted, and defaults are the
// Klimaschutzverträge's (docs/research/issue-18-channels.md, section 1.1).
#include "../../support/mini_scenario.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;

namespace {

input::LoadedScenario load(const std::string& policies) {
  auto lines = test::mini_lines();
  lines[23] = policies;
  test::TempDir dir;
  dir.write("fleet.csv", test::kMiniFleet);
  return input::load_scenario(dir.write("s.yaml", test::join_lines(lines) + "currencies: {EUR: 1.08}\n"));
}

} // namespace

TEST_CASE("carbon contracts are read into the model", "[input][ccfd]") {
  const Scenario s =
      load("policies: {carbon_contracts: {regions: [r], budget: 4 billion EUR, first_round: 2026, "
           "round_interval: 4, round_count: 2, reference_route: bf, settlement: one_way}}")
          .scenario;
  REQUIRE(s.policy.carbon_contracts);
  const CarbonContracts& cc = *s.policy.carbon_contracts;
  CHECK(cc.regions == std::vector<int>{0});
  CHECK(cc.budget == Approx(4320.0)); // 4e9 EUR x 1.08 USD/EUR, in million USD
  CHECK(cc.reference_route == *s.find_technology("bf"));
  CHECK_FALSE(cc.two_way);
  // Defaults: 15 years, 90 % cut, 165 EUR/t at 1.08 USD/EUR, 10 % margin.
  CHECK(cc.years == 15);
  CHECK(cc.min_cut == 0.9);
  CHECK(cc.max_strike == 178.0);
  CHECK(cc.bid_margin == 0.1);
  // Rounds in 2026 and 2030 only.
  CHECK(cc.round_in(2026));
  CHECK_FALSE(cc.round_in(2028));
  CHECK(cc.round_in(2030));
  CHECK_FALSE(cc.round_in(2034));
  CHECK_FALSE(cc.round_in(2025));
  // Without the section there are none.
  CHECK_FALSE(load("policies: {carbon_price: 10}").scenario.policy.carbon_contracts);
}
