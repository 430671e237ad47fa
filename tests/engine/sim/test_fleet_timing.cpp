// Fleet timing (sim/fleet_timing.hpp): hand-worked imputation draws, the end
// of life at a campaign end, the fleet_timing.draw uncertainty, and the
// shipped GEM fleets' end-of-life profile (issue 17: no 2025 cliff).
#include "input/scenario_loader.hpp"
#include "sim/fleet_timing.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/result_compare.hpp"
#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace steelpath;

namespace {

// Two routes (campaigns 17 and 20, lifetime 40), one region; units added by the test.
Scenario two_routes() {
  Scenario s;
  s.horizon = {2025, 2060};
  for (const auto& [id, campaign] : {std::pair{"bf", 17}, std::pair{"eaf", 20}}) {
    Technology t;
    t.id = id;
    t.campaign_years = campaign;
    t.lifetime_years = 40;
    s.technologies.push_back(t);
  }
  s.regions.resize(1);
  s.regions[0].id = "r";
  return s;
}

PlantUnit unit(const std::string& id, int technology, int start, int reline) {
  PlantUnit u;
  u.id = id;
  u.technology = technology;
  u.region = 0;
  u.company = 0;
  u.capacity = 1.0;
  u.start_year = start;
  u.last_reline_year = reline;
  return u;
}

std::vector<UnitTiming> timings(const Scenario& s) {
  const DatedAges ages = dated_ages(s);
  std::vector<UnitTiming> out;
  for (std::size_t i = 0; i < s.units.size(); ++i)
    out.push_back(unit_timing(s, ages, i, stream_id_of(s.units[i].id), 0));
  return out;
}

bool same(const std::vector<UnitTiming>& a, const std::vector<UnitTiming>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const UnitTiming& x, const UnitTiming& y) {
    return x.last_investment_year == y.last_investment_year && x.next_decision_year == y.next_decision_year &&
           x.build_year == y.build_year;
  });
}

} // namespace

TEST_CASE("imputed years since relining: hand-worked draws", "[sim][fleet_timing]") {
  const std::vector<int> ages = {1, 3, 5, 7};
  CHECK(imputed_years_since_reline(&ages, 17, 0, 0.10) == 1);  // floor(0.4) = entry 0
  CHECK(imputed_years_since_reline(&ages, 17, 0, 0.60) == 5);  // floor(2.4) = entry 2
  CHECK(imputed_years_since_reline(&ages, 17, 0, 0.99) == 7);  // floor(3.96) = entry 3
  CHECK(imputed_years_since_reline(&ages, 17, -1, 0.99) == 3); // central: lower median, entry (4-1)/2
  // No dated units: uniform on 1..campaign, central the middle.
  CHECK(imputed_years_since_reline(nullptr, 20, 0, 0.001) == 1);
  CHECK(imputed_years_since_reline(nullptr, 20, 0, 0.999) == 20);
  CHECK(imputed_years_since_reline(nullptr, 20, 0, 0.5) == 11);
  CHECK(imputed_years_since_reline(nullptr, 20, -1, 0.9) == 10);
}

TEST_CASE("end of life falls at the campaign end once the lifetime is reached", "[sim][fleet_timing]") {
  CHECK(end_of_life_build_year(1960, 40, 2031) == 1991); // past lifetime: ends with the campaign, 2031
  CHECK(end_of_life_build_year(1990, 40, 2031) == 1991); // lifetime reached in 2030 mid-campaign: 2031
  CHECK(end_of_life_build_year(2010, 40, 2031) == 2010); // lifetime reached in a later campaign: 2050
  CHECK(end_of_life_build_year(1991, 40, 2031) == 1991); // exactly at the campaign end
}

TEST_CASE("a known relining is kept; an imputed one lands in the dated support", "[sim][fleet_timing]") {
  Scenario s = two_routes();
  // 20 dated BFs relined 2010..2024 and one in 1990 (beyond the 17-year campaign: left out).
  for (int i = 0; i < 20; ++i)
    s.units.push_back(unit("dated" + std::to_string(i), 0, 1970, 2010 + (i % 15)));
  s.units.push_back(unit("old", 0, 1970, 1990));
  s.units.push_back(unit("bf-undated", 0, 1970, 0));
  s.units.push_back(unit("bf-young", 0, 2022, 0));
  s.units.push_back(unit("eaf-undated", 1, 1995, 0));
  s.units.push_back(unit("eaf-pipeline", 1, 2029, 0));
  const DatedAges ages = dated_ages(s);
  REQUIRE(ages.world[0].size() == 20);
  CHECK(ages.world[0].front() == 1); // 2025 - 2024
  CHECK(ages.world[0].back() == 15); // 2025 - 2010
  CHECK(ages.world[1].empty());
  for (int draw : {-1, 0, 1, 2, 3, 7, 100}) {
    s.fleet_timing.draw = draw;
    const auto t = timings(s);
    CHECK(t[0].last_investment_year == 2010);  // known: kept
    CHECK(t[0].next_decision_year == 2027);    // 2010 + 17
    CHECK(t[0].build_year == 2027 - 40);       // plant of 1970: life ends with this campaign
    CHECK(t[20].last_investment_year == 1990); // known, campaign overdue: decides in the first year
    const int bf = t[21].last_investment_year; // imputed from the dated years 1..15
    CHECK(bf >= 2010);
    CHECK(bf <= 2024);
    CHECK(t[22].last_investment_year >= 2022);  // never before the plant start
    const int eaf = t[23].last_investment_year; // uniform within the last 20-year campaign
    CHECK(eaf >= 2005);
    CHECK(eaf <= 2024);
    CHECK(t[23].build_year == (1995 + 40 <= eaf + 20 ? eaf + 20 - 40 : 1995)); // life ends at a campaign end
    CHECK(t[24].last_investment_year == 2029);                                 // pipeline: its start
    CHECK(t[24].build_year == 2029);
  }
  s.fleet_timing.draw = -1;
  CHECK(timings(s)[21].last_investment_year == 2025 - ages.world[0][9]); // median of 20: entry 9
  CHECK(timings(s)[23].last_investment_year == 2015);                    // 2025 - 10
}

TEST_CASE("fleet_timing.draw: two draws differ, one draw is bit-identical", "[sim][fleet_timing]") {
  Scenario s = two_routes();
  for (int i = 0; i < 200; ++i)
    s.units.push_back(unit(std::string("u").append(std::to_string(i)), i % 2, 1980, 0));
  s.fleet_timing.draw = 0;
  const auto a = timings(s);
  CHECK(same(a, timings(s)));
  s.fleet_timing.draw = 1;
  const auto b = timings(s);
  CHECK_FALSE(same(a, b));
  int moved = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    moved += a[i].last_investment_year != b[i].last_investment_year;
  CHECK(moved > 150); // 1 in 17 or 20 stays by chance
  // The order of units in the fleet does not matter.
  Scenario r = s;
  std::reverse(r.units.edit().begin(), r.units.edit().end());
  auto c = timings(r);
  std::reverse(c.begin(), c.end());
  CHECK(same(b, c));
}

TEST_CASE("fleet_timing.draw in a run: the same draw is bit-identical, another moves decisions",
          "[sim][fleet_timing]") {
  Scenario s = test::tiny_scenario(); // campaign 10 years, 2025-2034; units without a relining year
  s.units.clear();
  for (int i = 0; i < 12; ++i)
    s.units.push_back({std::string("u").append(std::to_string(i)), "p", 0, 0, 0, 1.0, 2000, 0});
  const MemberResult a = simulate(s);
  CHECK(test::identical(a, simulate(s)));
  s.fleet_timing.draw = 1;
  const MemberResult b = simulate(s);
  CHECK_FALSE(test::identical(a, b));
  auto years = [](const MemberResult& r) {
    std::vector<int> y;
    for (const auto& d : r.decisions)
      y.push_back(d.year);
    return y;
  };
  CHECK(years(a) != years(b));
  CHECK(a.decisions.size() >= 12); // every unit decides within its 10-year campaign
}

#ifdef STEELPATH_SOURCE_DIR
namespace {
// Capacity whose life ends in each year 2025..2060, Mt/yr, with draw 0 and no jitter.
std::map<int, double> end_of_life_profile(const Scenario& s) {
  const DatedAges ages = dated_ages(s);
  std::map<int, double> eol;
  for (std::size_t i = 0; i < s.units.size(); ++i) {
    const auto& u = s.units[i];
    const UnitTiming t = unit_timing(s, ages, i, stream_id_of(u.id), 0);
    const int year =
        std::max(s.horizon.first_year,
                 t.build_year + s.technologies[static_cast<std::size_t>(u.technology)].lifetime_years);
    if (year <= 2060) eol[year] += u.capacity;
  }
  return eol;
}
} // namespace

TEST_CASE("shipped GEM fleets: no end-of-life cliff in 2025-2030", "[sim][fleet_timing]") {
  for (const char* file : {"/scenarios/global-baseline.yaml", "/scenarios/china-baseline.yaml"}) {
    const Scenario s = input::load_scenario(std::string(STEELPATH_SOURCE_DIR) + file).scenario;
    auto eol = end_of_life_profile(s);
    double total = 0.0;
    for (const auto& [year, cap] : eol)
      total += cap;
    const double mean = total / 36.0; // 2025..2060
    INFO(file << ": mean " << mean << " Mt/yr a year; 2025: " << eol[2025]);
    for (int y = 2025; y <= 2030; ++y) {
      INFO(y << ": " << eol[y]);
      CHECK(eol[y] <= 2.0 * mean);
    }
    CHECK(total > 0.5 * 1000.0); // most of the fleet reaches its end of life by 2060
  }
}
#endif
