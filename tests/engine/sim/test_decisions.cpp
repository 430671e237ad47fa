// Option costs, the logit choice, and the break-even carbon price.
#include "sim/finite_check.hpp"
#include "sim/logit_choice.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace steelpath;

namespace {
// bf reline = 100 x 0.1 + 100 + 2 p = 110 + 2 p; h2 switch = 500 x 0.1 + 200 = 250 (r = 0, u = 1, N = 10).
double reline(double p) {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, p);
  const MemberSimulation sim(s);
  return sim.option_lcos(0, 0, 0, 100.0, 0, 6.0);
}
int choice_at_carbon_price(double p) {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, p);
  return simulate(s).decisions.at(0).to_technology;
}
} // namespace

TEST_CASE("option costs follow the levelized-cost formula", "[sim][decision]") {
  CHECK(reline(0.0) == Approx(110.0));
  CHECK(reline(30.0) == Approx(170.0));
  Scenario s = test::tiny_scenario();
  const MemberSimulation sim(s);
  CHECK(sim.option_lcos(0, 0, 1, 500.0, 0, 6.0) == Approx(250.0));
}

TEST_CASE("break-even carbon price matches the closed form", "[sim][decision]") {
  // Closed form: 110 + 2 p* = 250  ->  p* = (250 - 110) / (2 - 0) = 70 USD/t CO2.
  CHECK(choice_at_carbon_price(69.9) == 0);
  CHECK(choice_at_carbon_price(70.1) == 1);
  double lo = 0.0, hi = 1000.0;
  for (int i = 0; i < 50; ++i) {
    const double mid = 0.5 * (lo + hi);
    (choice_at_carbon_price(mid) == 1 ? hi : lo) = mid;
  }
  CHECK(hi == Approx(70.0).margin(0.1));
}

TEST_CASE("logit shares equal the analytic formula", "[sim][decision]") {
  // Costs 100, 110, 130 USD/t with sigma = 10:
  //   weights e^0, e^-1, e^-3 = 1, 0.367879, 0.049787; sum 1.417666
  //   P = 0.705385, 0.259496, 0.035119
  const std::vector<double> lcos = {100.0, 110.0, 130.0};
  std::vector<double> p(3);
  logit_probabilities(lcos, 10.0, p);
  CHECK(p[0] == Approx(0.705385).epsilon(1e-5));
  CHECK(p[1] == Approx(0.259496).epsilon(1e-5));
  CHECK(p[2] == Approx(0.035119).epsilon(1e-4));
  // The choice by a draw u follows the cumulative shares.
  CHECK(logit_choose(lcos, 10.0, 0.70) == 0);
  CHECK(logit_choose(lcos, 10.0, 0.71) == 1);
  CHECK(logit_choose(lcos, 10.0, 0.97) == 2);
  // Many draws reproduce the shares (a law of large numbers check).
  int counts[3] = {0, 0, 0};
  const int n = 200000;
  for (int i = 0; i < n; ++i)
    ++counts[logit_choose(lcos, 10.0, (i + 0.5) / n)];
  CHECK(counts[1] / double(n) == Approx(0.259496).margin(1e-4));
}

TEST_CASE("the deterministic limit picks the cheapest", "[sim][decision]") {
  const std::vector<double> lcos = {120.0, 100.0, 100.0};
  std::vector<double> p(3);
  logit_probabilities(lcos, 0.0, p);
  CHECK(p == std::vector<double>{0.0, 1.0, 0.0}); // the first of equals
  for (double u : {0.01, 0.5, 0.99})
    CHECK(logit_choose(lcos, 0.0, u) == 1);
  // A tiny sigma tends to the same choice.
  const std::vector<double> two = {120.0, 100.0};
  logit_probabilities(two, 0.01, p);
  CHECK(p[1] == Approx(1.0));
}

TEST_CASE("a hurdle rate at the edge of zero decides as zero does, at finite costs", "[sim][decision]") {
  // 1 + 1e-16 is 1 in double: the textbook capital recovery factor divided
  // by (1+r)^n - 1 = 0 there, and every option cost +inf (issue 16). Each
  // rate below gives the decisions of r = 0 and costs within 1e-9 of them
  // (the capital charge moves by about 0.525 r / 0.1, relative).
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 80.0);
  const MemberResult zero = simulate(s);
  REQUIRE(zero.decisions.size() == 2);
  for (const double r : {1e-300, 1e-17, 1e-16, 2.2e-16, 1e-12}) {
    INFO("r = " << r);
    s.companies[0].hurdle_rate = r;
    s.finance.discount_rate = r;
    const MemberResult got = simulate(s);
    CHECK_FALSE(find_non_finite(got, s));
    REQUIRE(got.decisions.size() == zero.decisions.size());
    for (std::size_t i = 0; i < got.decisions.size(); ++i) {
      CHECK(got.decisions[i].to_technology == zero.decisions[i].to_technology);
      CHECK(got.decisions[i].lcos_chosen == Approx(zero.decisions[i].lcos_chosen).epsilon(1e-9));
    }
    REQUIRE(got.decision_lcos.size() == zero.decision_lcos.size());
    for (std::size_t i = 0; i < got.decision_lcos.size(); ++i)
      if (std::isnan(zero.decision_lcos[i]))
        CHECK(std::isnan(got.decision_lcos[i])); // not an option either way
      else
        CHECK(got.decision_lcos[i] == Approx(zero.decision_lcos[i]).epsilon(1e-9));
  }
}
