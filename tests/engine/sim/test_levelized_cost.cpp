// Levelized cost of steel: the formula and its pieces, by hand.
#include "sim/levelized_cost.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
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

namespace {

// The capital recovery factor from its definition, 1 / sum_{t=1..n} (1+r)^-t,
// in long double (64-bit significand on x86-64: 1 + 1e-16 keeps r to 5e-4
// and the sum to about 1e-18 relative, far inside double's rounding).
double crf_by_series(double rate, int years) {
  const long double growth = 1.0L + static_cast<long double>(rate);
  long double weight = 1.0L, sum = 0.0L;
  for (int t = 1; t <= years; ++t)
    sum += weight /= growth;
  return static_cast<double>(1.0L / sum);
}

// |a - b| in units in the last place of b.
double ulps(double a, double b) {
  return std::fabs(a - b) / (std::nextafter(std::fabs(b), INFINITY) - std::fabs(b));
}

} // namespace

TEST_CASE("the capital recovery factor tends to 1/n as the rate tends to 0", "[sim][lcos]") {
  // Near r = 0, CRF(r, n) = 1/n + (n+1)/(2n) r + (n^2-1)/(12n) r^2 + O(r^3)
  // (expand 1 / sum_t (1+r)^-t). For n = 20: 0.05 + 0.525 r + 1.6625 r^2.
  //   r = 1e-8 : 0.05 + 5.25e-9 + 1.6625e-16      = 0.05000000525000016625
  //   r = 1e-12: 0.05 + 5.25e-13 (+1.7e-24)       = 0.050000000000525
  //   r = 1e-16: 0.05 + 5.25e-17 (about 8 ulps of 0.05; 1 + r is 1 in double,
  //              where the textbook form divided by zero and gave +inf)
  //   r = 1e-300 and r = 0: 0.05 (the correction is far below an ulp)
  // r = 5 %: 1.05^20 = 2.6532977051444224, CRF = 0.05 x 2.6532977051444224 /
  // 1.6532977051444224 = 0.0802425871906913 (an annuity table's 0.08024).
  struct Case {
    double rate, want;
  };
  for (const Case c : {Case{0.0, 0.05}, Case{1e-300, 0.05}, Case{1e-16, 0.0500000000000000525},
                       Case{1e-12, 0.050000000000525}, Case{1e-8, 0.05000000525000016625},
                       Case{0.05, 0.0802425871906913248}}) {
    INFO("r = " << c.rate);
    const double got = capital_recovery_factor(c.rate, 20);
    REQUIRE(std::isfinite(got));
    // The stable form (below kSmallRate) within 2 ulps; the textbook form,
    // kept above it, within its own few ulps.
    CHECK(ulps(got, c.want) <= (c.rate < kSmallRate ? 2.0 : 8.0));
    if (std::numeric_limits<long double>::digits >= 64) CHECK(ulps(got, crf_by_series(c.rate, 20)) <= 8.0);
  }
  // Every tiny rate, subnormals included, and a single year (CRF = 1 + r).
  for (const double r : {4.9e-324, 1e-310, 1e-200, 1e-20, 2.2e-16, 1e-15, 1e-4, 0.009})
    for (const int n : {1, 2, 17, 40, 100}) {
      INFO("r = " << r << ", n = " << n);
      const double got = capital_recovery_factor(r, n);
      REQUIRE(std::isfinite(got));
      CHECK(got >= (1.0 / n) * (1.0 - 1e-15)); // the limit, from above
      if (std::numeric_limits<long double>::digits >= 64) CHECK(ulps(got, crf_by_series(r, n)) <= 8.0);
    }
  CHECK(ulps(capital_recovery_factor(1e-8, 1), 1.0 + 1e-8) <= 2.0);
  // A negative zero is zero.
  CHECK(capital_recovery_factor(-0.0, 10) == 0.1);
}

TEST_CASE("the capital recovery factor is continuous where its two forms meet", "[sim][lcos]") {
  // Just below kSmallRate the stable form, within a few ulps of the series;
  // at it the textbook form, whose error is what 1 + r rounds away and what
  // (1+r)^n - 1 cancels: about 1.1e-16 (1/(2r) + 1/(n r)) relative, at most
  // 3.3e-14 at r = 1 % (21 ulps at n = 5, where 1.01 is 8.9e-18 too large).
  // So the step between the two neighbours is that rounding, never a jump.
  const double below = std::nextafter(kSmallRate, 0.0);
  for (const int n : {1, 2, 5, 10, 17, 20, 25, 40, 60}) {
    INFO("n = " << n);
    const double a = capital_recovery_factor(below, n);
    const double b = capital_recovery_factor(kSmallRate, n);
    CHECK(std::fabs(b - a) <= 3.3e-14 * b);
    if (std::numeric_limits<long double>::digits >= 64) {
      const double exact = crf_by_series(kSmallRate, n); // and at `below`, to 1e-18
      CHECK(ulps(a, exact) <= 4.0);
      CHECK(std::fabs(b - exact) <= 3.3e-14 * exact);
    }
  }
}

TEST_CASE("the usual rates keep the textbook form bit for bit", "[sim][lcos]") {
  // Results at the shipped scenarios' rates must not move: at and above
  // kSmallRate the function is r (1+r)^n / ((1+r)^n - 1), computed as before.
  for (const double r : {0.01, 0.02, 0.035, 0.05, 0.08, 0.1, 0.15, 0.2, 1.0})
    for (const int n : {1, 10, 17, 20, 25, 40}) {
      const double g = std::pow(1.0 + r, n);
      CHECK(capital_recovery_factor(r, n) == r * g / (g - 1.0));
    }
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
