// Ensemble sampling designs: Sobol points against Joe & Kuo / scipy, the
// stratification of Latin hypercubes, the Saltelli layout, and the inverse
// CDFs of the uncertainty distributions.
#include "ensemble/distributions.hpp"
#include "ensemble/sampling.hpp"
#include "ensemble/sobol.hpp"
#include "model/errors.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace steelpath;
using namespace steelpath::ensemble;

namespace {

// The stratum k of v: k/n <= v < (k+1)/n, with the bounds computed as the
// design computes them (floor(v n) alone can round across an edge).
std::size_t stratum(double v, std::size_t n) {
  const double dn = static_cast<double>(n);
  auto k = static_cast<std::size_t>(std::floor(v * dn));
  if (k > 0 && v < static_cast<double>(k) / dn) --k;
  if (v >= static_cast<double>(k + 1) / dn) ++k;
  return k;
}

input::Uncertainty dist(const std::string& name, std::map<std::string, double> params) {
  input::Uncertainty u;
  u.path = "test." + name;
  u.distribution = name;
  u.params = std::move(params);
  return u;
}

} // namespace

TEST_CASE("Sobol points of dimensions 1-3 are Joe and Kuo's", "[ensemble][sobol]") {
  // Gray-code order, as new-joe-kuo-6.21201's program and
  // scipy.stats.qmc.Sobol(d=3, scramble=False).random(8) print them.
  // Dimension 1 is van der Corput in Gray-code order.
  const double expected[8][3] = {{0, 0, 0},
                                 {0.5, 0.5, 0.5},
                                 {0.75, 0.25, 0.25},
                                 {0.25, 0.75, 0.75},
                                 {0.375, 0.375, 0.625},
                                 {0.875, 0.875, 0.125},
                                 {0.625, 0.125, 0.875},
                                 {0.125, 0.625, 0.375}};
  const SobolSequence seq(3);
  CHECK(seq.dims() == 3);
  std::vector<double> x(3);
  for (std::uint64_t i = 0; i < 8; ++i) {
    seq.point(i, x);
    for (std::size_t d = 0; d < 3; ++d) {
      INFO("point " << i << ", dimension " << d + 1);
      CHECK(x[d] == expected[i][d]);
    }
  }
  // Point 2^k - 1 has Gray code 2^(k-1): its coordinates are the direction
  // numbers v_k = m_k / 2^k. Dimension 3 (s = 2, a = 1, m = 1, 3): m_3 = 2 m_2
  // ^ 4 m_1 ^ m_1 = 6 ^ 4 ^ 1 = 3, so point 7 is 3/8; m_4 = 2 m_3 ^ 4 m_2
  // ^ m_2 = 6 ^ 12 ^ 3 = 9, so point 15 is 9/16.
  seq.point(15, x);
  CHECK(x[0] == 1.0 / 16);
  CHECK(x[2] == 9.0 / 16);
  CHECK_THROWS_AS(SobolSequence(0), ModelError);
  CHECK_THROWS_AS(SobolSequence(kSobolMaxDimensions + 1), ModelError);
  CHECK_THROWS_AS(seq.point(kSobolMaxPoints, x), ModelError);
  // The last of the 2^32 points is still strictly inside (0, 1).
  seq.point(kSobolMaxPoints - 1, x);
  for (double v : x)
    CHECK((v > 0 && v < 1));
}

TEST_CASE("Sobol points in 256 dimensions equal scipy's", "[ensemble][sobol]") {
  // tests/data/sobol_reference.csv: rows of
  // scipy.stats.qmc.Sobol(d=256, scramble=False).random(1024), each coordinate
  // times 1024 (scripts/gen_sobol_directions.py --reference). The points are
  // dyadic rationals, so the comparison is exact.
  std::ifstream in(std::string(STEELPATH_SOURCE_DIR) + "/tests/data/sobol_reference.csv");
  REQUIRE(in.good());
  const SobolSequence seq(256);
  std::vector<double> x(256);
  std::string line;
  std::size_t rows = 0, mismatches = 0;
  bool header = true;
  std::set<std::uint64_t> indices;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::istringstream cells(line);
    std::string cell;
    std::getline(cells, cell, ',');
    const std::uint64_t index = std::stoull(cell);
    indices.insert(index);
    seq.point(index, x);
    std::size_t d = 0;
    while (std::getline(cells, cell, ',')) {
      REQUIRE(d < 256);
      const double expected = std::stod(cell) / 1024.0;
      if (x[d] != expected) {
        ++mismatches;
        UNSCOPED_INFO("point " << index << ", dimension " << d + 1 << ": " << x[d] << " vs " << expected);
      }
      ++d;
    }
    CHECK(d == 256);
    ++rows;
  }
  CHECK(mismatches == 0);
  // All of points 0..63, the last point, and 2^k - 1 for k = 1..10 (each
  // direction number v_1 .. v_10 on its own) are among the rows.
  CHECK(rows >= 140);
  CHECK(indices.count(1023) == 1);
  for (std::uint64_t k = 1; k <= 10; ++k)
    CHECK(indices.count((std::uint64_t{1} << k) - 1) == 1);
}

TEST_CASE("sampling names", "[ensemble][sampling]") {
  for (const char* name : {"monte_carlo", "latin_hypercube", "sobol", "saltelli"}) {
    const auto s = parse_sampling(name);
    REQUIRE(s);
    CHECK(to_string(*s) == name);
  }
  CHECK_FALSE(parse_sampling("lhs"));
  CHECK_FALSE(parse_sampling("Sobol"));
  CHECK(design_rows(Sampling::monte_carlo, 10, 3) == 10);
  CHECK(design_rows(Sampling::sobol, 10, 3) == 10);
  CHECK(design_rows(Sampling::saltelli, 10, 3) == 50); // 10 x (3 + 2)
  CHECK_THROWS_AS(unit_design(Sampling::monte_carlo, 0, 3, 1), ModelError);
  CHECK_THROWS_AS(unit_design(Sampling::latin_hypercube, 5, 0, 1), ModelError);
  CHECK_THROWS_AS(unit_design(Sampling::sobol, 5, kSobolMaxDimensions + 1, 1), ModelError);
  // Saltelli needs 2 dims Sobol dimensions.
  CHECK_NOTHROW(unit_design(Sampling::saltelli, 1, kSobolMaxDimensions / 2, 1));
  CHECK_THROWS_AS(unit_design(Sampling::saltelli, 1, kSobolMaxDimensions / 2 + 1, 1), ModelError);
}

TEST_CASE("Latin hypercube puts one sample in each stratum", "[ensemble][sampling]") {
  const std::size_t dims = 5;
  for (std::size_t n : {10u, 100u, 1000u}) {
    INFO("n = " << n);
    const auto u = unit_design(Sampling::latin_hypercube, n, dims, 42);
    REQUIRE(u.size() == n * dims);
    for (std::size_t d = 0; d < dims; ++d) {
      std::vector<int> count(n, 0);
      for (std::size_t r = 0; r < n; ++r) {
        const double v = u[r * dims + d];
        CHECK((v > 0 && v < 1));
        ++count[stratum(v, n)];
      }
      CHECK(std::count(count.begin(), count.end(), 1) == static_cast<long>(n));
    }
    CHECK(unit_design(Sampling::latin_hypercube, n, dims, 42) == u);
    const auto other = unit_design(Sampling::latin_hypercube, n, dims, 43);
    std::size_t same = 0;
    for (std::size_t i = 0; i < u.size(); ++i)
      same += u[i] == other[i];
    CHECK(same == 0);
  }
  // The dimensions are shuffled independently: with n = 100 the strata of
  // dimensions 0 and 1 do not line up row by row.
  const auto u = unit_design(Sampling::latin_hypercube, 100, 2, 7);
  std::size_t aligned = 0;
  for (std::size_t r = 0; r < 100; ++r)
    aligned += stratum(u[2 * r], 100) == stratum(u[2 * r + 1], 100);
  CHECK(aligned < 10);
}

TEST_CASE("Monte Carlo design is a pure function of seed, row and dimension", "[ensemble][sampling]") {
  const auto a = unit_design(Sampling::monte_carlo, 100, 4, 2024);
  CHECK(unit_design(Sampling::monte_carlo, 100, 4, 2024) == a);
  CHECK(unit_design(Sampling::monte_carlo, 100, 4, 2025) != a);
  // Row r does not depend on n: designs extend by appending rows.
  const auto small = unit_design(Sampling::monte_carlo, 10, 4, 2024);
  const auto large = unit_design(Sampling::monte_carlo, 1000, 4, 2024);
  for (std::size_t d = 0; d < 4; ++d) {
    CHECK(small[3 * 4 + d] == large[3 * 4 + d]);
    CHECK(small[9 * 4 + d] == a[9 * 4 + d]);
  }
  // Uniform on (0, 1): the mean of 100,000 draws is 0.5 within 0.005 (its
  // standard error is sqrt(1/12 / 1e5) = 0.0009, so this is over 5 sigma).
  const auto big = unit_design(Sampling::monte_carlo, 100000, 1, 99);
  double sum = 0;
  bool inside = true;
  for (double v : big) {
    sum += v;
    inside = inside && v > 0 && v < 1;
  }
  CHECK(inside);
  CHECK(std::fabs(sum / 100000.0 - 0.5) < 0.005);
}

TEST_CASE("Sobol design skips point 0 and ignores the seed", "[ensemble][sampling]") {
  const auto u = unit_design(Sampling::sobol, 7, 3, 1);
  CHECK(unit_design(Sampling::sobol, 7, 3, 12345) == u);
  // Rows are points 1..7 of the first test case.
  CHECK(u[0] == 0.5);
  CHECK(u[1] == 0.5);
  CHECK(u[2] == 0.5);
  CHECK(u[3 * 3 + 0] == 0.375);
  CHECK(u[3 * 3 + 1] == 0.375);
  CHECK(u[3 * 3 + 2] == 0.625);
  CHECK(u[6 * 3 + 2] == 0.375);
}

TEST_CASE("Saltelli design: A, AB^(1..d), B per base sample", "[ensemble][sampling]") {
  const std::size_t n = 4, dims = 3, block = dims + 2;
  const auto u = unit_design(Sampling::saltelli, n, dims, 1);
  REQUIRE(u.size() == 20 * dims); // 4 x (3 + 2) rows
  const SobolSequence seq(2 * dims);
  std::vector<double> ab(2 * dims);
  for (std::size_t j = 0; j < n; ++j) {
    seq.point(j + 1, ab); // A_j = first 3 coordinates, B_j = last 3
    const auto at = [&](std::size_t b, std::size_t d) { return u[(j * block + b) * dims + d]; };
    for (std::size_t d = 0; d < dims; ++d) {
      CHECK(at(0, d) == ab[d]);
      CHECK(at(dims + 1, d) == ab[dims + d]);
      for (std::size_t i = 0; i < dims; ++i)
        CHECK(at(1 + i, d) == (d == i ? ab[dims + d] : ab[d]));
    }
  }
  // Base sample 0 is Sobol point 1 = (1/2, ..., 1/2), so its A and B agree;
  // base sample 1 is point 2. In 6 dimensions point 2 is
  // (3/4, 1/4, 1/4, 1/4, 3/4, 3/4) (scipy, Sobol(d=6, scramble=False)):
  // A_1 = (3/4, 1/4, 1/4), B_1 = (1/4, 3/4, 3/4), so AB_1^(1) = (1/4, 1/4, 1/4)
  // and AB_1^(3) = (3/4, 1/4, 3/4).
  CHECK(u[(1 * block + 0) * dims + 2] == 0.25);
  CHECK(u[(1 * block + 1) * dims + 0] == 0.25);
  CHECK(u[(1 * block + 4) * dims + 1] == 0.75);
  CHECK(u[(1 * block + 3) * dims + 2] == 0.75);
  CHECK(u[(1 * block + 3) * dims + 0] == 0.75);
}

TEST_CASE("standard normal quantile (AS 241)", "[ensemble][distributions]") {
  // Reference values: mpmath at 40 digits.
  CHECK(standard_normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-12));
  CHECK(standard_normal_quantile(0.5) == 0.0);
  CHECK(standard_normal_quantile(1e-10) == Approx(-6.361340902404056).epsilon(1e-9));
  CHECK(standard_normal_quantile(0.8) == Approx(0.8416212335729142).epsilon(1e-14));
  CHECK(standard_normal_quantile(0.01) == Approx(-2.326347874040841).epsilon(1e-14));
  CHECK(standard_normal_quantile(1e-20) == Approx(-9.262340089798408).epsilon(1e-14));
  CHECK(standard_normal_quantile(1e-300) == Approx(-37.0470962993612).epsilon(1e-13));
  // Symmetry: Phi^-1(q) = -Phi^-1(1 - q); for q >= 0.5, 1 - q is exact.
  for (double p : {0.3, 0.1, 0.025, 0.001, 1e-6, 1e-12}) {
    const double q = 1.0 - p;
    CHECK(standard_normal_quantile(q) == Approx(-standard_normal_quantile(1.0 - q)).epsilon(1e-14));
  }
  CHECK(std::isinf(standard_normal_quantile(0.0)));
  CHECK(std::isnan(standard_normal_quantile(1.5)));
}

TEST_CASE("inverse CDFs of the uncertainty distributions", "[ensemble][distributions]") {
  // Uniform on [2, 6]: 2 + 0.25 x 4 = 3.
  const auto uni = dist("uniform", {{"low", 2}, {"high", 6}});
  CHECK(inverse_cdf(uni, 0.25) == Approx(3.0));
  CHECK(inverse_cdf(uni, 0.5) == Approx(4.0));
  // Normal(10, 2) at 0.975: 10 + 2 x 1.959963984540054.
  CHECK(inverse_cdf(dist("normal", {{"mean", 10}, {"sd", 2}}), 0.975) == Approx(13.919927969080108));
  // Triangular(0, 1, 2): F(x) = x^2 / 2 below the mode, so F^-1(0.5) = 1 and
  // F^-1(0.125) = sqrt(0.25) = 0.5; above, F^-1(0.875) = 2 - sqrt(0.125 x 2) = 1.5.
  const auto tri = dist("triangular", {{"low", 0}, {"mode", 1}, {"high", 2}});
  CHECK(inverse_cdf(tri, 0.5) == Approx(1.0));
  CHECK(inverse_cdf(tri, 0.125) == Approx(0.5));
  CHECK(inverse_cdf(tri, 0.875) == Approx(1.5));
  // Right-angled triangle (mode = low): F(x) = 1 - (1 - x)^2 on [0, 1];
  // F^-1(0.75) = 1 - sqrt(0.25) = 0.5.
  CHECK(inverse_cdf(dist("triangular", {{"low", 0}, {"mode", 0}, {"high", 1}}), 0.75) == Approx(0.5));
  // Lognormal(mu 0, sigma 1): the median is e^0 = 1; at 0.975, e^1.959964 = 7.099071.
  const auto logn = dist("lognormal", {{"mu", 0}, {"sigma", 1}});
  CHECK(inverse_cdf(logn, 0.5) == Approx(1.0));
  CHECK(inverse_cdf(logn, 0.975) == Approx(7.099071384).epsilon(1e-9));
  // Discrete [1, 2, 3] with weights [1, 1, 2]: cumulative 0.25, 0.5, 1.
  auto disc = dist("discrete", {});
  disc.values = {1, 2, 3};
  disc.weights = {1, 1, 2};
  CHECK(inverse_cdf(disc, 0.2) == 1);
  CHECK(inverse_cdf(disc, 0.25) == 1);
  CHECK(inverse_cdf(disc, 0.3) == 2);
  CHECK(inverse_cdf(disc, 0.6) == 3);
  CHECK(inverse_cdf(disc, 0.9999999999) == 3);
  // Equal weights without `weights`: thirds.
  disc.weights.clear();
  CHECK(inverse_cdf(disc, 0.3) == 1);
  CHECK(inverse_cdf(disc, 0.5) == 2);
  CHECK(inverse_cdf(disc, 0.7) == 3);
  // A zero-weight value is never drawn.
  disc.weights = {1, 0, 1};
  CHECK(inverse_cdf(disc, 0.5) == 1);
  CHECK(inverse_cdf(disc, 0.51) == 3);
  CHECK_THROWS_AS(inverse_cdf(uni, 0.0), ModelError);
  CHECK_THROWS_AS(inverse_cdf(uni, 1.0), ModelError);
  CHECK_THROWS_AS(inverse_cdf(dist("uniform", {{"low", 0}}), 0.5), ModelError);
  CHECK_THROWS_AS(inverse_cdf(dist("beta", {}), 0.5), ModelError);
}
