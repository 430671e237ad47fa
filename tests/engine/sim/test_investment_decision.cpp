// The reline-or-switch choice and its break-even carbon price.
#include "sim/investment_decision.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace steelpath;

namespace {
int choice_at_carbon_price(double price) {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, price);
  const CostTables t = build_cost_tables(s);
  const std::vector<std::uint8_t> allowed = {1, 1};
  return choose_investment(t, 0, 0, allowed).technology;
}
} // namespace

TEST_CASE("the cheaper option is chosen; a tie keeps the current route", "[sim][decision]") {
  // bf reline 110 + 2p, h2 switch 250 (see tiny_scenario and test_cost_tables).
  CHECK(choice_at_carbon_price(0.0) == 0);   // 110 < 250
  CHECK(choice_at_carbon_price(80.0) == 1);  // 270 > 250
  CHECK(choice_at_carbon_price(70.0) == 0);  // 250 == 250: relining wins the tie
}

TEST_CASE("a route that is not allowed is never chosen", "[sim][decision]") {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 500.0);
  const CostTables t = build_cost_tables(s);
  const std::vector<std::uint8_t> allowed = {1, 0};
  const InvestmentChoice c = choose_investment(t, 0, 0, allowed);
  CHECK(c.technology == 0);
  CHECK(c.lcos_chosen == Approx(110.0 + 2 * 500.0));
  CHECK(c.lcos_reline == c.lcos_chosen);
}

TEST_CASE("break-even carbon price matches the closed form", "[sim][decision]") {
  // Closed form: 110 + 2 p* = 250  ->  p* = (250 - 110) / (2 - 0) = 70 USD/t CO2.
  double lo = 0.0;
  double hi = 1000.0;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    (choice_at_carbon_price(mid) == 1 ? hi : lo) = mid;
  }
  CHECK(hi == Approx(70.0).margin(0.1));
}
