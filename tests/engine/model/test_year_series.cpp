// Yearly series: constant, interpolated with flat ends, and growth.
#include "model/year_series.hpp"

#include "model/errors.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <utility>

using namespace steelpath;

TEST_CASE("interpolation is linear between points and flat outside", "[model][series]") {
  const Horizon h{2020, 2050};
  const std::pair<int, double> pts[] = {{2025, 10.0}, {2035, 30.0}, {2045, 30.0}};
  const YearSeries s = YearSeries::interpolate(h, pts);
  CHECK(s.size() == 31);
  CHECK(s.at(2020) == 10.0); // before the first point: flat
  CHECK(s.at(2025) == 10.0);
  CHECK(s.at(2030) == Approx(20.0)); // halfway from 10 to 30
  CHECK(s.at(2027) == Approx(14.0)); // 10 + 2/10 x 20
  CHECK(s.at(2035) == 30.0);
  CHECK(s.at(2050) == 30.0); // after the last point: flat
  CHECK(s.at(2070) == 30.0); // beyond the horizon: last value
  CHECK(s.at(1990) == 10.0);
  CHECK(s[10] == s.at(2030));
}

TEST_CASE("growth from a base year", "[model][series]") {
  const Horizon h{2025, 2030};
  const YearSeries s = YearSeries::growth(h, 2025, 100.0, 0.02);
  CHECK(s.at(2025) == 100.0);
  CHECK(s.at(2026) == Approx(102.0));
  CHECK(s.at(2030) == Approx(100.0 * std::pow(1.02, 5))); // 110.408
  // A base year before the horizon is applied as written.
  const YearSeries t = YearSeries::growth(h, 2024, 100.0, 0.10);
  CHECK(t.at(2025) == Approx(110.0));
}

TEST_CASE("a constant covers the horizon", "[model][series]") {
  const YearSeries s = YearSeries::constant({2025, 2060}, 3.5);
  CHECK(s.size() == 36);
  CHECK(s.first_year() == 2025);
  for (double v : s.values())
    CHECK(v == 3.5);
}

TEST_CASE("bad points are a model error", "[model][series]") {
  const Horizon h{2025, 2030};
  const std::pair<int, double> unsorted[] = {{2030, 1.0}, {2025, 2.0}};
  CHECK_THROWS_AS(YearSeries::interpolate(h, unsorted), ModelError);
  CHECK_THROWS_AS(YearSeries::interpolate(h, {}), ModelError);
}
