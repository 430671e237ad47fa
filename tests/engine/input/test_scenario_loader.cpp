// Loading scenarios: values as written, defaults, and precise error messages
// (file, line, column, key path) for bad input, all reported in one pass.
#include "input/scenario_loader.hpp"

#include "model/errors.hpp"

#include "../../support/mini_scenario.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace steelpath;
using namespace steelpath::input;

namespace {
using test::mini_lines;
const char* const kFleet = test::kMiniFleet;
std::string join(const std::vector<std::string>& lines) {
  return test::join_lines(lines);
}
std::string error_of(const std::vector<std::string>& lines, const std::string& fleet = kFleet) {
  return test::load_error(join(lines), fleet);
}
std::vector<std::string> with(std::vector<std::string> lines, std::size_t line, const std::string& text) {
  return test::with_line(std::move(lines), line, text);
}
} // namespace

TEST_CASE("a valid scenario loads with the values written", "[input][scenario]") {
  test::TempDir dir;
  dir.write("fleet.csv", kFleet);
  const auto path = dir.write("s.yaml", join(mini_lines()));
  const LoadedScenario l = load_scenario(path);
  const Scenario& s = l.scenario;
  CHECK(s.name == "mini");
  CHECK(s.horizon.first_year == 2025);
  CHECK(s.horizon.last_year == 2030);
  REQUIRE(s.commodities.size() == 2);
  REQUIRE(s.technologies.size() == 2);
  CHECK(s.technologies[1].inputs == std::vector<double>{0.0, 1.1}); // in commodity order
  CHECK(s.technologies[0].capex_reline == 100.0);
  CHECK(s.technologies[1].available_from == 1800); // default: always available
  CHECK(s.scrap_commodity == 1);                   // the commodity named "scrap"
  // Carbon price 10 in 2025 to 60 in 2030: 2027 = 10 + 2/5 x 50 = 30.
  CHECK(s.policy.carbon_price.at(2027) == Approx(30.0));
  // Scrap price 300 -> 350: 2026 = 310.
  CHECK(s.commodities[1].price.at(2026) == Approx(310.0));
  // Scrap supply 2 x 1.1^2 = 2.42 in 2027.
  CHECK(s.regions[0].scrap_supply.at(2027) == Approx(2.42));
  CHECK(s.finance.discount_rate == 0.08); // default
  CHECK(s.market.max_utilisation == 0.9); // default
  REQUIRE(s.units.size() == 2);
  CHECK(s.units[1].technology == 1);
  CHECK(s.units[0].last_reline_year == 2015);
  CHECK(l.text == join(mini_lines()));
}

TEST_CASE("a typo in a key is named with its line, column and a suggestion", "[input][scenario]") {
  const auto msg = error_of(with(mini_lines(), 24, "policies: {carbon_prise: 10}"));
  CHECK(msg == "s.yaml:24:12: error: policies.carbon_prise: unknown key 'carbon_prise' "
               "(did you mean carbon_price?)\n1 error");
}

TEST_CASE("out-of-range and mistyped numbers", "[input][scenario]") {
  CHECK(error_of(with(mini_lines(), 10, "    capex_reline: -5")) ==
        "s.yaml:10:19: error: technologies.bf.capex_reline: expected a number in [0, 1000000] in USD/(t/yr), "
        "found -5\n1 error");
  CHECK(error_of(with(mini_lines(), 10, "    capex_reline: lots")) ==
        "s.yaml:10:19: error: technologies.bf.capex_reline: expected a number in [0, 1000000] in USD/(t/yr), "
        "found 'lots'\n1 error");
  CHECK(error_of(with(mini_lines(), 10, "    capex_reline: .nan")).find("(not finite)") != std::string::npos);
  CHECK(error_of(with(mini_lines(), 10, "    capex_reline: \"100\""))
            .find("found the text '100' (remove the quotes)") != std::string::npos);
  CHECK(error_of(with(mini_lines(), 12, "    campaign_years: 2.5")) ==
        "s.yaml:12:21: error: technologies.bf.campaign_years: expected a whole number, found '2.5'\n1 error");
}

TEST_CASE("every problem in a file is reported in one pass", "[input][scenario]") {
  auto lines = with(mini_lines(), 8, "    inputs: {cole: 1.0}");
  lines = with(lines, 17, "    opex_fixed: -1");
  lines = with(lines, 2, "years: {first: 2030, last: 2025}");
  const auto msg = error_of(lines);
  CHECK(msg.find("s.yaml:2:28: error: years.last: expected a year not before years.first (2030)") !=
        std::string::npos);
  CHECK(msg.find("s.yaml:8:14: error: technologies.bf.inputs.cole: unknown commodity 'cole' (did you mean "
                 "coal?)") != std::string::npos);
  CHECK(msg.find("s.yaml:17:17: error: technologies.eaf.opex_fixed") != std::string::npos);
  CHECK(msg.find("3 errors") != std::string::npos);
}

TEST_CASE("series errors name the year", "[input][scenario]") {
  CHECK(error_of(with(mini_lines(), 24, "policies: {carbon_price: {2030: 10, 2025: 60}}"))
            .find("policies.carbon_price: years must be listed in increasing order") != std::string::npos);
  CHECK(error_of(with(mini_lines(), 24, "policies: {carbon_price: {2025: 10, soon: 60}}")) ==
        "s.yaml:24:37: error: policies.carbon_price: expected a year (1800..2300) as key, found 'soon'\n1 "
        "error");
  CHECK(error_of(with(mini_lines(), 24, "policies: {carbon_price: {2025: 10, 2030: -60}}")) ==
        "s.yaml:24:43: error: policies.carbon_price.2030: expected a number in [0, 100000] in USD/t CO2, "
        "found -60\n1 error");
}

TEST_CASE("fleet problems name the CSV line and column", "[input][scenario]") {
  const std::string fleet =
      "unit_id,plant,company,region,technology,capacity_mtpa,start_year,last_reline_year\n"
      "u1,p,c,r,bf,6,2000,2015\n"
      "u2,p,c,r,eafx,3,2010,2010\n"
      "u3,p,d,r,bf,-3,2010,2005\n";
  const auto msg = error_of(mini_lines(), fleet);
  CHECK(msg.find(
            "fleet.csv:3:5: error: technology: expected a technology declared in the scenario (did you mean "
            "eaf?), found 'eafx'") != std::string::npos);
  CHECK(msg.find("fleet.csv:4:3: error: company: expected a company declared in the scenario") !=
        std::string::npos);
  CHECK(
      msg.find("fleet.csv:4:6: error: capacity_mtpa: expected a capacity in Mt/yr in [0, 100], found '-3'") !=
      std::string::npos);
  CHECK(error_of(mini_lines(), "unit_id,plant\nu1,p\n").find("missing column 'company'") !=
        std::string::npos);
}

TEST_CASE("an empty relining year is unknown: read as 0, imputed per run", "[input][scenario]") {
  test::TempDir dir;
  dir.write("fleet.csv", "unit_id,plant,company,region,technology,capacity_mtpa,start_year,last_reline_year\n"
                         "u1,p,c,r,bf,6,2000,\n"
                         "u2,p,c,r,eaf,3,2010,2012\n");
  const Scenario s = load_scenario(dir.write("s.yaml", test::join_lines(mini_lines()))).scenario;
  REQUIRE(s.units.size() == 2);
  CHECK(s.units[0].last_reline_year == 0);
  CHECK(s.units[1].last_reline_year == 2012);
  CHECK(s.fleet_timing.draw == 0);
}

TEST_CASE("unreadable, empty and malformed files", "[input][scenario]") {
  CHECK_THROWS_WITH(load_scenario("/nonexistent/s.yaml"),
                    Catch::Contains("/nonexistent/s.yaml") && Catch::Contains("cannot open"));
  test::TempDir dir;
  CHECK_THROWS_WITH(load_scenario(dir.write("e.yaml", "\n  \n")), Catch::Contains("empty scenario file"));
  CHECK_THROWS_WITH(load_scenario(dir.write("b.yaml", "years: {first: 2025\nname: x\n")),
                    Catch::Contains("b.yaml:") && Catch::Contains("YAML syntax"));
  CHECK_THROWS_WITH(load_scenario(dir.write("l.yaml", "- a\n- b\n")),
                    Catch::Contains("expected a YAML mapping at the top level"));
  CHECK(error_of(with(mini_lines(), 23, "fleet: missing.csv")).find("cannot read the fleet CSV") !=
        std::string::npos);
}

#ifdef STEELPATH_SOURCE_DIR
TEST_CASE("the shipped demo scenario loads", "[input][scenario]") {
  const LoadedScenario l = load_scenario(std::string(STEELPATH_SOURCE_DIR) + "/scenarios/demo.yaml");
  CHECK(l.scenario.technologies.size() == 10);
  CHECK(l.scenario.units.size() == 9);
  CHECK(l.scenario.companies.size() == 3);
  CHECK(l.scenario.regions.size() == 2);
}
#endif

TEST_CASE("zero demand in every year is a warning, located at the demand", "[input][scenario]") {
  // Issue 16: with no demand nothing is produced, yet units reline and switch; the run is not
  // refused (a warning changes nothing) but validate and run say so.
  test::TempDir dir;
  dir.write("fleet.csv", kFleet);
  auto lines = mini_lines();
  CHECK(load_scenario(dir.write("s.yaml", join(lines))).warnings.empty());
  lines = with(lines, 20, "  r: {demand: 0, scrap_supply: 1}");
  const LoadedScenario l = load_scenario(dir.write("s.yaml", join(lines)));
  REQUIRE(l.warnings.size() == 1);
  CHECK(l.warnings[0].format("warning") ==
        (dir.path() / "s.yaml").string() +
            ":20:15: warning: regions.r.demand: demand (after demand_reduction) is zero in every region and "
            "every "
            "year: nothing is produced, yet units still reline, switch route and are paid for at their "
            "investment moments; expected a demand above zero in some year");
  // Demand in one year, or all of it avoided by material efficiency: 10 x (1 - 0.95) > 0 still counts.
  lines = with(lines, 20, "  r: {demand: {2025: 0, 2030: 1}, scrap_supply: 1}");
  CHECK(load_scenario(dir.write("s.yaml", join(lines))).warnings.empty());
  lines = with(lines, 20, "  r: {demand: 10, demand_reduction: 0.95, scrap_supply: 1}");
  CHECK(load_scenario(dir.write("s.yaml", join(lines))).warnings.empty());
}

TEST_CASE("the optional status column marks announced units", "[input][scenario]") {
  test::TempDir dir;
  dir.write("fleet.csv",
            "unit_id,plant,company,region,technology,capacity_mtpa,start_year,last_reline_year,status\n"
            "u1,p,c,r,bf,6,2000,,operating\n"
            "u2,p,c,r,eaf,3,2029,,announced\n"
            "u3,p,c,r,eaf,3,2027,,construction\n"
            "u4,p,c,r,eaf,3,2027,,\n");
  const Scenario s = load_scenario(dir.write("s.yaml", test::join_lines(mini_lines()))).scenario;
  REQUIRE(s.units.size() == 4);
  CHECK_FALSE(s.units[0].announced);
  CHECK(s.units[1].announced);
  CHECK_FALSE(s.units[2].announced);
  CHECK_FALSE(s.units[3].announced);
}
