// Issue 17's readings of the shipped baselines, held as tests: the scrap
// share of metallic inputs, the scrap-EAF share, expansion where demand
// grows, and company cash (docs/validation.md, "Baselines").
#include "input/scenario_loader.hpp"
#include "sim/member_simulation.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace steelpath;

#ifdef STEELPATH_SOURCE_DIR
namespace {
// Metallic charge per t of crude steel: 1.1 t (the scrap EAF's charge in
// scenarios/data/technologies.csv; assumption for every route).
constexpr double kMetallicsPerTonne = 1.1;

struct Baseline {
  Scenario scenario;
  MemberResult result;
};
Baseline run(const char* name) {
  Scenario s = input::load_scenario(std::string(STEELPATH_SOURCE_DIR) + "/scenarios/" + name).scenario;
  MemberResult r = simulate(s);
  return {std::move(s), std::move(r)};
}
double production(const Baseline& b, std::size_t y, std::size_t g) {
  double q = 0.0;
  for (std::size_t k = 0; k < b.scenario.technologies.size(); ++k)
    q += b.result.production[b.result.at(y, g, k)];
  return q;
}
std::size_t route(const Scenario& s, const std::string& id) {
  for (std::size_t k = 0; k < s.technologies.size(); ++k)
    if (s.technologies[k].id == id) return k;
  FAIL("no route " << id);
  return 0;
}
} // namespace

TEST_CASE(
    "global-baseline: scrap share rises where scrap per tonne of demand rises; scrap EAF holds its share",
    "[sim][scrap][scenario]") {
  const Baseline b = run("global-baseline.yaml");
  const Scenario& s = b.scenario;
  const MemberResult& r = b.result;
  const std::size_t R = s.regions.size(), y0 = s.horizon.index(2025), y1 = s.horizon.index(2050);
  double scrap0 = 0.0, scrap1 = 0.0, q0 = 0.0, q1 = 0.0;
  for (std::size_t g = 0; g < R; ++g) {
    const double share0 = r.scrap_used[y0 * R + g] / (kMetallicsPerTonne * production(b, y0, g));
    const double share1 = r.scrap_used[y1 * R + g] / (kMetallicsPerTonne * production(b, y1, g));
    const double per_tonne0 = r.scrap_available[y0 * R + g] / r.demand[y0 * R + g];
    const double per_tonne1 = r.scrap_available[y1 * R + g] / r.demand[y1 * R + g];
    INFO(s.regions[g].id << ": scrap share " << share0 << " -> " << share1
                         << ", scrap available per t of demand " << per_tonne0 << " -> " << per_tonne1);
    if (per_tonne1 > per_tonne0) CHECK(share1 > share0);
    scrap0 += r.scrap_used[y0 * R + g];
    scrap1 += r.scrap_used[y1 * R + g];
    q0 += production(b, y0, g);
    q1 += production(b, y1, g);
  }
  CHECK(scrap1 / q1 > scrap0 / q0); // the world's share rises too
  const std::size_t eaf = route(s, "scrap_eaf"), y35 = s.horizon.index(2035);
  double eaf0 = 0.0, eaf35 = 0.0, q35 = 0.0;
  for (std::size_t g = 0; g < R; ++g) {
    eaf0 += r.production[r.at(y0, g, eaf)];
    eaf35 += r.production[r.at(y35, g, eaf)];
    q35 += production(b, y35, g);
  }
  CHECK(eaf35 / q35 >= eaf0 / q0);
}

TEST_CASE("global-baseline: expansion builds where demand grows", "[sim][scenario]") {
  // Builds: announced projects that entered (sim/member_announced.cpp) and new units.
  const Baseline b = run("global-baseline.yaml");
  const Scenario& s = b.scenario;
  const std::size_t R = s.regions.size(), U = s.units.size();
  std::vector<int> builds(R, 0);
  for (const Decision& d : b.result.decisions) {
    if (d.action != DecisionAction::build) continue;
    const auto i = static_cast<std::size_t>(d.unit);
    if (i < U) {
      ++builds[static_cast<std::size_t>(s.units[i].region)];
    } else {
      for (std::size_t g = 0; g < R; ++g)
        if (b.result.new_units[i - U].rfind("new-" + s.regions[g].id + "-", 0) == 0) ++builds[g];
    }
  }
  for (std::size_t g = 0; g < R; ++g) {
    const double growth =
        s.regions[g].demand[s.horizon.index(2050)] / s.regions[g].demand[s.horizon.index(2025)];
    if (growth < 1.2) continue; // regions whose demand grows by a fifth or more by 2050
    INFO(s.regions[g].id << ": demand x" << growth << " by 2050, " << builds[g] << " builds");
    CHECK(builds[g] > 0);
  }
}

TEST_CASE("the baselines: the 2025 sector EBITDA margin lies in the published range",
          "[sim][finance][scenario]") {
  // Published EBITDA margins 2023-2024 (docs/research/issue-17-sources.md,
  // section 2): from 2.8 % (China Oriental, 2023) to 14.2 % (Nucor, 2024);
  // Baosteel 8.6-9.0 %, ArcelorMittal 11.4 %, Tata Steel 10 %.
  for (const char* name : {"global-baseline.yaml", "china-baseline.yaml"}) {
    const Baseline b = run(name);
    const std::size_t C = b.scenario.companies.size(), y = b.scenario.horizon.index(2025);
    double revenue = 0.0, ebitda = 0.0;
    for (std::size_t c = 0; c < C; ++c) {
      revenue += b.result.company_revenue[y * C + c];
      ebitda += b.result.company_ebitda[y * C + c];
    }
    INFO(name << ": 2025 EBITDA margin " << ebitda / revenue);
    CHECK(ebitda / revenue >= 0.028);
    CHECK(ebitda / revenue <= 0.142);
  }
}

TEST_CASE("the baselines: fewer than a quarter of companies end 2050 with negative cash",
          "[sim][finance][scenario]") {
  for (const char* name : {"global-baseline.yaml", "china-baseline.yaml"}) {
    const Baseline b = run(name);
    const std::size_t C = b.scenario.companies.size(), y = b.scenario.horizon.index(2050);
    int negative = 0;
    for (std::size_t c = 0; c < C; ++c)
      negative += b.result.company_cash[y * C + c] < 0.0 ? 1 : 0;
    INFO(name << ": " << negative << " of " << C << " companies with negative cash in 2050");
    CHECK(negative < 0.25 * static_cast<double>(C));
  }
}
#endif
