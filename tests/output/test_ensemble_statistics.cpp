// Ensemble statistics checked on constructed numbers with known answers.
#include "output/member_statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace steelpath;

TEST_CASE("quantiles interpolate linearly between order statistics (numpy's default)", "[output][stats]") {
  const std::vector<double> x = {1, 2, 3, 4, 10};
  // numpy.quantile([1, 2, 3, 4, 10], [0.05, 0.25, 0.5, 0.75, 0.95]) = [1.2, 2, 3, 4, 8.8]
  CHECK(quantile_sorted(x, 0.05) == Approx(1.2));
  CHECK(quantile_sorted(x, 0.25) == 2.0);
  CHECK(quantile_sorted(x, 0.5) == 3.0);
  CHECK(quantile_sorted(x, 0.75) == 4.0);
  CHECK(quantile_sorted(x, 0.95) == Approx(8.8));
  CHECK(quantile_sorted(std::vector<double>{7.0}, 0.95) == 7.0);
  CHECK(std::isnan(quantile_sorted(std::vector<double>{}, 0.5)));
}

TEST_CASE("the near-zero year is the first at or below a share of the first year", "[output][stats]") {
  const std::vector<double> e = {100, 80, 40, 10, 12, 5};
  CHECK(first_index_at_most(e, 0.1) == 3); // 10 <= 10
  CHECK(first_index_at_most(e, 0.05) == 5);
  CHECK(first_index_at_most(e, 0.01) == -1);
  CHECK(first_index_at_most(std::vector<double>{}, 0.1) == -1);
}
