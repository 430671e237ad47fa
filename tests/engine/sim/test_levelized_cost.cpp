// Levelized cost of steel: the formula and its pieces, by hand.
#include "sim/levelized_cost.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace steelpath;

TEST_CASE("capital recovery factor", "[sim][lcos]") {
  // CRF(8 %, 17 yr) = 0.08 * 1.08^17 / (1.08^17 - 1); 1.08^17 = 3.700018055
  //                 = 0.296001444 / 2.700018055 = 0.1096294315
  CHECK(capital_recovery_factor(0.08, 17) == Approx(0.1096294315).epsilon(1e-9));
  // CRF(8 %, 20 yr): 1.08^20 = 4.660957144 -> 0.372876572 / 3.660957144 = 0.1018522088
  CHECK(capital_recovery_factor(0.08, 20) == Approx(0.1018522088).epsilon(1e-9));
  // Without discounting the capital is recovered in equal shares.
  CHECK(capital_recovery_factor(0.0, 10) == Approx(0.1));
  CHECK(capital_recovery_factor(0.05, 0) == 0.0);
}

TEST_CASE("levelized average of a yearly series", "[sim][lcos]") {
  const std::vector<double> s = {10.0, 20.0, 30.0};
  // r = 0: plain mean of 10 and 20.
  CHECK(levelized_average(s, 0, 2, 0.0) == Approx(15.0));
  // r = 10 %: (10 + 20/1.1) / (1 + 1/1.1) = 28.181818 / 1.909091 = 14.761905
  CHECK(levelized_average(s, 0, 2, 0.1) == Approx(14.761905).epsilon(1e-7));
  // Past the end the last value holds: (30 + 30 + 30) / 3.
  CHECK(levelized_average(s, 2, 3, 0.0) == Approx(30.0));
  // Starting at index 1 over 4 years with r = 0: (20 + 30 + 30 + 30) / 4 = 27.5
  CHECK(levelized_average(s, 1, 4, 0.0) == Approx(27.5));
  // A constant series levelizes to itself at any rate.
  const std::vector<double> c(5, 7.0);
  CHECK(levelized_average(c, 0, 20, 0.08) == Approx(7.0));
}
