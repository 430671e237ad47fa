// Results do not depend on the order of the units in the fleet file: the
// loader puts units and fleet-declared companies in id order, and inside a
// year units decide in the order of a draw keyed by their stream id, with
// build-out limits going to the largest gains (docs/model.md, "Build-out
// limits"). Permuting the rows of a shipped fleet file gives bit-identical
// results; permuting a scenario's units in code gives the same decisions per
// unit and the same aggregates up to the order of summation.
#include "input/scenario_loader.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/result_compare.hpp"
#include "../../support/temp_dir.hpp"
#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <tuple>

using namespace steelpath;

namespace {
const std::string kSource = STEELPATH_SOURCE_DIR;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The fleet file with its '#' lines and header kept and its rows shuffled.
std::string shuffled_rows(const std::string& text) {
  std::istringstream in(text);
  std::string head, line;
  std::vector<std::string> rows;
  bool header_seen = false;
  while (std::getline(in, line)) {
    if (!header_seen) {
      head += line + "\n";
      header_seen = !line.empty() && line[0] != '#';
    } else if (!line.empty()) {
      rows.push_back(line);
    }
  }
  std::mt19937 shuffle(20261207); // the test's own shuffle, not the engine's streams
  std::shuffle(rows.begin(), rows.end(), shuffle);
  for (const auto& r : rows)
    head += r + "\n";
  return head;
}

// Per unit id: its decisions as (year, action, from, to).
using Log = std::map<std::string, std::vector<std::tuple<int, int, int, int>>>;
Log by_unit(const Scenario& s, const MemberResult& r) {
  Log log;
  for (const Decision& d : r.decisions) {
    const auto i = static_cast<std::size_t>(d.unit);
    const std::string id = i < s.units.size() ? s.units[i].id : r.new_units.at(i - s.units.size());
    log[id].emplace_back(d.year, static_cast<int>(d.action), d.from_technology, d.to_technology);
  }
  return log;
}
} // namespace

TEST_CASE("fleet order: permuting the rows of a shipped fleet file changes no result", "[sim][fleet_order]") {
  for (const std::string name : {"china-baseline", "global-baseline"}) {
    const std::string scenario = kSource + "/scenarios/" + name + ".yaml";
    const input::LoadedScenario a = input::load_scenario(scenario);
    const std::string original = read_text(a.fleet_path);
    const std::string permuted = shuffled_rows(original);
    REQUIRE(permuted.size() == original.size());
    REQUIRE(permuted != original);
    test::TempDir dir;
    dir.write("fleet.csv", permuted);
    const input::LoadedScenario b =
        input::load_scenario(dir.write("s.yaml", "extends: " + scenario + "\nfleet: fleet.csv\n"));
    REQUIRE(b.scenario.units.size() == a.scenario.units.size());
    const MemberResult ra = simulate(a.scenario);
    const MemberResult rb = simulate(b.scenario);
    CHECK(ra.decisions.size() > 1000); // a run with decisions to compare
    // Bit for bit: the loader orders units and companies by id, so both runs
    // see the same scenario and sum in the same order.
    CHECK(test::identical(ra, rb));
    CHECK(by_unit(a.scenario, ra) == by_unit(b.scenario, rb));
  }
}

TEST_CASE("fleet order: units listed in any order in code decide the same", "[sim][fleet_order]") {
  // Four 3 Mt/yr bf units of one company decide in 2025 at 100 USD/t CO2;
  // h2 may gain 6 Mt/yr a year, so two convert in 2025 and two wait for
  // 2026. Their gains are equal: the year's lottery picks, not the list.
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 100.0);
  s.technologies[1].max_new_capacity = YearSeries::constant(s.horizon, 6.0);
  s.units = {{"u1", "p1", 0, 0, 0, 3.0, 2000, 2015},
             {"u2", "p2", 0, 0, 0, 3.0, 2000, 2015},
             {"u3", "p3", 0, 0, 0, 3.0, 2000, 2015},
             {"u4", "p4", 0, 0, 0, 3.0, 2000, 2015}};
  Scenario p = s;
  std::vector<PlantUnit>& units = p.units.edit();
  std::swap(units[0], units[3]);
  std::swap(units[1], units[2]);
  const MemberResult rs = simulate(s);
  const MemberResult rp = simulate(p);
  const Log ls = by_unit(s, rs);
  CHECK(ls == by_unit(p, rp));
  int waited = 0;
  for (const auto& [id, log] : ls)
    waited += std::get<1>(log.front()) == static_cast<int>(DecisionAction::defer) ? 1 : 0;
  CHECK(waited == 2);
  // Aggregates: equal up to the order of summation over units.
  for (std::size_t y = 0; y < rs.emissions.size(); ++y)
    CHECK(rs.emissions[y] == Approx(rp.emissions[y]).epsilon(1e-12));
  CHECK(rs.emissions[0] == Approx(8.0)); // 2025: 6 Mt h2, 4 Mt bf x 2 t CO2/t
}
