// Table of bad inputs: each must be refused with an InputError (never a
// crash, never a silent run) whose message names the file, the line, the key
// path and what was expected. Runs under the sanitizer build in CI.
#include "../../support/mini_scenario.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;
using test::mini_lines;
using test::with_line;

namespace {

struct BadInput {
  const char* name;
  std::string yaml;  ///< the scenario text
  std::string where; ///< expected "file:line" or "file:line:col" prefix
  std::string path;  ///< expected key path ("" for none)
  std::string says;  ///< expected part of the message
  std::string fleet = test::kMiniFleet;
  std::map<std::string, std::string> extra = {}; ///< other files in the folder
  std::vector<std::string> overrides = {};       ///< --set assignments
};

std::string replaced(std::size_t line, const std::string& text) {
  return test::join_lines(with_line(mini_lines(), line, text));
}
std::string appended(const std::string& text) {
  return test::join_lines(mini_lines()) + text;
}
std::vector<std::string> first_lines(std::size_t n) {
  auto lines = mini_lines();
  lines.resize(n);
  return lines;
}

const std::string kFleetHeader =
    "unit_id,plant,company,region,technology,capacity_mtpa,start_year,last_reline_year\n";

std::vector<BadInput> cases() {
  const std::string ok = test::join_lines(mini_lines());
  return {
      // --- syntax and encoding
      {"unclosed flow mapping", replaced(2, "years: {first: 2025, last: 2030"), "s.yaml:3:", "",
       "YAML syntax"},
      {"tab indentation", replaced(8, "\tinputs: {coal: 1.0}"), "s.yaml:8:", "", "YAML syntax"},
      {"empty file", "", "s.yaml: error", "", "empty scenario file"},
      {"only a comment", "# nothing here\n", "s.yaml:", "", "expected a YAML mapping at the top level"},
      {"top level is a list", "- a\n- b\n", "s.yaml:1:1", "", "expected a YAML mapping at the top level"},
      {"invalid UTF-8", replaced(1, "name: caf\xE9"), "s.yaml:1:10", "", "not valid UTF-8 (byte 0xE9)"},
      {"UTF-16 file", std::string("\xFF\xFE") + "n\0a\0", "s.yaml:1:1", "", "the file is UTF-16"},
      {"duplicate key", replaced(11, "    capex_reline: 7"), "s.yaml:11:5", "capex_reline",
       "duplicate key 'capex_reline' (first written at line 10)"},
      {"list as key", appended("? [a, b]\n: 1\n"), "s.yaml:25:", "", "expected a plain text key"},
      {"alias bomb",
       appended(
           "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
           "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"),
       "s.yaml:29:36", "e[7]", "more than 100000 values and keys once aliases are expanded"},
      {"alias inside itself", appended("a: &A [*A]\n"), "s.yaml:25:8", "a[0]",
       "the alias *A is inside the value &A"},
      {"a ',' at the top level", ",\n" + ok, "s.yaml:1:1", "", "unexpected ',' at the top level"},
      // --- wrong types
      {"section is a list", replaced(2, "years: [2025, 2030]"), "s.yaml:2:8", "years", "expected a mapping"},
      {"text for a number", replaced(10, "    capex_reline: lots"), "s.yaml:10:19",
       "technologies.bf.capex_reline", "expected a number in [0, 1000000] in USD/(t/yr), found 'lots'"},
      {"quoted number", replaced(10, "    capex_reline: \"100\""), "s.yaml:10:19",
       "technologies.bf.capex_reline", "found the text '100' (remove the quotes)"},
      {"fraction for a whole number", replaced(12, "    campaign_years: 2.5"), "s.yaml:12:21",
       "technologies.bf.campaign_years", "expected a whole number, found '2.5'"},
      {"inputs as a list", replaced(8, "    inputs: [coal, 1.0]"), "s.yaml:8:13", "technologies.bf.inputs",
       "expected a mapping {commodity"},
      {"price as a list", replaced(4, "  coal: {unit: t, price: [1, 2]}"), "s.yaml:4:26",
       "commodities.coal.price", "expected a yearly series"},
      {"mapping for text", replaced(1, "name: {a: 1}"), "s.yaml:1:7", "name", "expected text"},
      // --- out of range, not finite
      {"negative capex", replaced(10, "    capex_reline: -5"), "s.yaml:10:19", "technologies.bf.capex_reline",
       "expected a number in [0, 1000000] in USD/(t/yr), found -5"},
      {"capture rate out of range", replaced(11, "    opex_fixed: 10\n    capture_rate: 1.5"), "s.yaml:12:19",
       "technologies.bf.capture_rate", "expected a number in [0, 1], found 1.5"},
      {"discount rate 2", appended("finance: {discount_rate: 2}\n"), "s.yaml:25:26", "finance.discount_rate",
       "expected a number in [0, 1], found 2"},
      {"zero utilisation", appended("market: {max_utilisation: 0}\n"), "s.yaml:25:27",
       "market.max_utilisation", "expected a number in [0.01, 1], found 0"},
      {"last before first", replaced(2, "years: {first: 2030, last: 2025}"), "s.yaml:2:28", "years.last",
       "expected a year not before years.first (2030), found 2025"},
      {"year 1700", replaced(2, "years: {first: 1700, last: 2030}"), "s.yaml:2:16", "years.first",
       "expected a number in [1900, 2200], found 1700"},
      {"huge number", replaced(10, "    capex_reline: 1e400"), "s.yaml:10:19", "technologies.bf.capex_reline",
       "(not finite)"},
      {"NaN written as .nan", replaced(10, "    capex_reline: .nan"), "s.yaml:10:19",
       "technologies.bf.capex_reline", "(not finite)"},
      {"infinity written as .inf", replaced(9, "    capex_greenfield: .inf"), "s.yaml:9:23",
       "technologies.bf.capex_greenfield", "(not finite)"},
      {"nan as text", replaced(11, "    opex_fixed: nan"), "s.yaml:11:17", "technologies.bf.opex_fixed",
       "(not finite)"},
      {"negative series point", replaced(24, "policies: {carbon_price: {2025: 10, 2030: -60}}"),
       "s.yaml:24:43", "policies.carbon_price.2030",
       "expected a number in [0, 100000] in USD/t CO2, found -60"},
      {"series years out of order", replaced(24, "policies: {carbon_price: {2030: 10, 2025: 60}}"),
       "s.yaml:24:37", "policies.carbon_price", "years must be listed in increasing order"},
      {"series key not a year", replaced(24, "policies: {carbon_price: {2025: 10, soon: 60}}"),
       "s.yaml:24:37", "policies.carbon_price", "expected a year (1800..2300) as key, found 'soon'"},
      {"growth below zero",
       replaced(20, "  r: {demand: {base_year: 2025, base_value: 10, growth_rate: -1.5}, scrap_supply: 1}"),
       "s.yaml:20:", "regions.r.demand.growth_rate", "expected a number in [-0.99, 10]"},
      {"growth with a typo",
       replaced(20, "  r: {demand: {base_year: 2025, base_value: 10, growth: 0.1}, scrap_supply: 1}"),
       "s.yaml:20:", "regions.r.demand.growth", "unknown key 'growth' (did you mean growth_rate?)"},
      // --- units
      {"unit of the wrong kind", replaced(9, "    capex_greenfield: 500 GJ"), "s.yaml:9:23",
       "technologies.bf.capex_greenfield", "cannot be converted to 'USD/(t/yr)'"},
      {"unknown unit", replaced(9, "    capex_greenfield: 500 bananas"), "s.yaml:9:23",
       "technologies.bf.capex_greenfield", "unknown unit 'bananas'"},
      {"undeclared currency", replaced(9, "    capex_greenfield: 500 EUR/(t/yr)"), "s.yaml:9:23",
       "technologies.bf.capex_greenfield", "declare a currency's USD rate under 'currencies'"},
      {"bad commodity unit", replaced(4, "  coal: {unit: bananas, price: 100}"), "s.yaml:4:16",
       "commodities.coal.unit", "expected a unit"},
      // --- unknown keys and missing parts
      {"ETS without a cap", replaced(24, "policies: {ets: {regions: [r]}}"), "s.yaml:24:17",
       "policies.ets.cap", "expected a cap (Mt CO2/yr), required with trading: cap"},
      {"intensity ETS with a cap",
       replaced(24, "policies: {ets: {regions: [r], trading: intensity, cap: 5, benchmarks: {bf: 1}}}"),
       "s.yaml:24:", "policies.ets.cap", "expected no cap with trading: intensity"},
      {"intensity ETS without benchmarks",
       replaced(24, "policies: {ets: {regions: [r], trading: intensity}}"), "s.yaml:24:17",
       "policies.ets.benchmarks", "expected benchmarks by route family"},
      {"negative scrap input", replaced(14, "    inputs: {scrap: -1.1}"), "s.yaml:14:21",
       "technologies.eaf.inputs.scrap", "expected a scrap input >= 0"},
      {"typo in a policy", replaced(24, "policies: {carbon_prise: 10}"), "s.yaml:24:12",
       "policies.carbon_prise", "unknown key 'carbon_prise' (did you mean carbon_price?)"},
      {"carbon contracts without a reference route",
       replaced(24, "policies: {carbon_contracts: {regions: [r], budget: 100, first_round: 2026}}"),
       "s.yaml:24:", "policies.carbon_contracts.reference_route", "missing key 'reference_route'"},
      {"carbon contracts against an unknown route",
       replaced(24, "policies: {carbon_contracts: {regions: [r], budget: 100, first_round: 2026, "
                    "reference_route: bff}}"),
       "s.yaml:24:", "policies.carbon_contracts.reference_route", "bff"},
      {"carbon contracts cutting more than all",
       replaced(24, "policies: {carbon_contracts: {regions: [r], budget: 100, first_round: 2026, "
                    "reference_route: bf, min_cut: 1.5}}"),
       "s.yaml:24:", "policies.carbon_contracts.min_cut", "expected a number in [0, 1], found 1.5"},
      {"carbon contracts with a typo",
       replaced(24, "policies: {carbon_contracts: {regions: [r], budget: 100, first_round: 2026, "
                    "reference_route: bf, strike_max: 100}}"),
       "s.yaml:24:", "policies.carbon_contracts.strike_max", "unknown key 'strike_max'"},
      {"typo in a route key", replaced(10, "    capex_relining: 100"), "s.yaml:10:5",
       "technologies.bf.capex_relining", "unknown key 'capex_relining' (did you mean capex_reline?)"},
      {"unknown top-level key", appended("scenario_year: 2025\n"), "s.yaml:25:1", "scenario_year",
       "unknown key"},
      {"missing section", test::join_lines(first_lines(2)), "s.yaml:1:1", "commodities",
       "missing section 'commodities'"},
      {"missing required key", replaced(10, "    # capex_reline removed"),
       "s.yaml:8:", "technologies.bf.capex_reline", "missing key 'capex_reline'"},
      {"empty commodities", replaced(3, "commodities: {}\nx_removed:"), "s.yaml:3:14", "commodities",
       "expected at least one commodity"},
      {"offtake without a seller",
       appended("offtakes:\n  deal: {buyer: B, volume: 1, premium: 10, max_intensity: 0.5, start: 2026}\n"),
       "s.yaml:26:9", "offtakes.deal.company",
       "missing key 'company', expected an id declared in 'companies' (the seller)"},
      // --- dangling references
      {"unknown commodity in inputs", replaced(8, "    inputs: {cole: 1.0}"), "s.yaml:8:14",
       "technologies.bf.inputs.cole", "unknown commodity 'cole' (did you mean coal?)"},
      {"unknown scrap commodity", appended("market: {scrap_commodity: scrapp}\n"), "s.yaml:25:27",
       "market.scrap_commodity", "(did you mean scrap?)"},
      {"fleet: unknown technology", test::join_lines(mini_lines()), "fleet.csv:2:5", "technology",
       "expected a technology declared in the scenario (did you mean eaf?), found 'eafx'",
       kFleetHeader + "u1,p,c,r,eafx,6,2000,2015\n"},
      {"fleet: unknown company", test::join_lines(mini_lines()), "fleet.csv:2:3", "company",
       "expected a company declared in the scenario", kFleetHeader + "u1,p,d,r,bf,6,2000,2015\n"},
      {"fleet: unknown region", test::join_lines(mini_lines()), "fleet.csv:2:4", "region",
       "expected a region declared in the scenario", kFleetHeader + "u1,p,c,x,bf,6,2000,2015\n"},
      {"fleet: negative capacity", test::join_lines(mini_lines()), "fleet.csv:2:6", "capacity_mtpa",
       "expected a capacity in Mt/yr in [0, 100], found '-3'", kFleetHeader + "u1,p,c,r,bf,-3,2000,2015\n"},
      {"fleet: capacity in ttpa by mistake", test::join_lines(mini_lines()), "fleet.csv:2:6", "capacity_mtpa",
       "found '5000'", kFleetHeader + "u1,p,c,r,bf,5000,2000,2015\n"},
      {"fleet: repeated unit id", test::join_lines(mini_lines()), "fleet.csv:3:1", "unit_id",
       "a unique unit id", kFleetHeader + "u1,p,c,r,bf,6,2000,2015\nu1,p,c,r,bf,6,2000,2015\n"},
      {"fleet: relined before start", test::join_lines(mini_lines()), "fleet.csv:2:8", "last_reline_year",
       "expected a year not before start_year (2000)", kFleetHeader + "u1,p,c,r,bf,6,2000,1990\n"},
      {"fleet: relining not a year", test::join_lines(mini_lines()), "fleet.csv:2:8", "last_reline_year",
       "expected a year (1700..2300), or nothing when unknown, found 'n/a'",
       kFleetHeader + "u1,p,c,r,bf,6,2000,n/a\n"},
      {"fleet: unknown status", test::join_lines(mini_lines()), "fleet.csv:2:9", "status",
       "expected operating, construction or announced (or nothing), found 'anounced' (did you mean "
       "announced?)",
       "unit_id,plant,company,region,technology,capacity_mtpa,start_year,last_reline_year,status\n"
       "u1,p,c,r,bf,6,2030,,anounced\n"},
      {"fleet: missing column", test::join_lines(mini_lines()), "fleet.csv:1", "", "missing column 'company'",
       "unit_id,plant\nu1,p\n"},
      {"fleet: wrong field count", test::join_lines(mini_lines()), "fleet.csv:2", "",
       "expected 8 fields (as in the header), found 3", kFleetHeader + "u1,p,c\n"},
      {"fleet: no units", test::join_lines(mini_lines()), "fleet.csv", "", "the fleet has no units",
       kFleetHeader},
      {"fleet: NUL in a unit id", test::join_lines(mini_lines()), "fleet.csv:2:1", "unit_id",
       "expected text without control characters, found byte 0x00 in 'u?1'",
       kFleetHeader + "u" + std::string(1, '\0') + "1,p,c,r,bf,6,2000,2015\n"},
      {"fleet file missing", replaced(23, "fleet: nowhere.csv"), "s.yaml:23:8", "fleet",
       "cannot read the fleet CSV"},
      {"fleet path is a folder", replaced(23, "fleet: ."), "s.yaml:23:8", "fleet", "is a folder"},
      // --- extends
      {"extends itself", "extends: s.yaml\n" + ok, "s.yaml:1:10", "extends",
       "circular extends: s.yaml -> s.yaml"},
      {"extends in a circle",
       "extends: a.yaml\n",
       "b.yaml:1:10",
       "extends",
       "circular extends",
       test::kMiniFleet,
       {{"a.yaml", "extends: b.yaml\n"}, {"b.yaml", "extends: s.yaml\n"}}},
      {"extends a missing file", "extends: base.yaml\n", "s.yaml:1:10", "extends",
       "cannot read the extended scenario 'base.yaml'"},
      {"error in the extended file",
       "extends: base.yaml\nname: child\n",
       "base.yaml:10:19",
       "technologies.bf.capex_reline",
       "found -1",
       test::kMiniFleet,
       {{"base.yaml", test::join_lines(with_line(mini_lines(), 10, "    capex_reline: -1"))}}},
      // --- parameter paths, levers, uncertainties
      {"--set unknown path",
       ok,
       "--set: error",
       "finance.hurdle_rate",
       "unknown parameter path 'finance.hurdle_rate': no key 'hurdle_rate'; nearest valid paths: "
       "finance.tax_rate, finance.discount_rate",
       test::kMiniFleet,
       {},
       {"finance.hurdle_rate=0.1"}},
      {"--set without a value",
       ok,
       "--set: error",
       "",
       "expected PATH=VALUE",
       test::kMiniFleet,
       {},
       {"finance"}},
      {"--set out of range",
       ok,
       "--set: error",
       "finance.discount_rate",
       "expected a number in [0, 1], found 5",
       test::kMiniFleet,
       {},
       {"finance.discount_rate=5"}},
      {"--set replaced by a later one is checked all the same",
       ok,
       "--set: error",
       "ensemble.samples",
       "expected a whole number, found '0o777'",
       test::kMiniFleet,
       {},
       {"ensemble.samples=0o777", "ensemble.samples=2"}}, // what run --samples 2 adds
      {"--set a section",
       ok,
       "--set: error",
       "finance",
       "it names a section or text, not a number or a setting",
       test::kMiniFleet,
       {},
       {"finance=1"}},
      {"lever on an unknown route", appended("levers:\n  technologies.bff.capex_reline: [1, 2]\n"),
       "s.yaml:26:3", "levers.technologies.bff.capex_reline", "no technology 'bff' (did you mean bf?)"},
      {"lever value out of range", appended("levers:\n  finance.discount_rate: [0.05, 1.5]\n"),
       "s.yaml:26:33", "levers.finance.discount_rate", "expected a number in [0, 1], found 1.5"},
      {"lever without values", appended("levers:\n  finance.discount_rate: []\n"), "s.yaml:26:26",
       "levers.finance.discount_rate", "expected a non-empty list of values"},
      {"unknown distribution",
       appended("uncertainties:\n  finance.discount_rate: {distribution: uniformm}\n"), "s.yaml:26:41",
       "uncertainties.finance.discount_rate.distribution", "(did you mean uniform?)"},
      {"uniform with low above high",
       appended("uncertainties:\n  finance.discount_rate: {distribution: uniform, low: 0.2, high: 0.1}\n"),
       "s.yaml:26:26", "uncertainties.finance.discount_rate", "expected low < high"},
      {"missing distribution parameter",
       appended("uncertainties:\n  finance.discount_rate: {distribution: normal, mean: 0.1}\n"),
       "s.yaml:26:26", "uncertainties.finance.discount_rate.sd", "missing parameter 'sd'"},
      // --- ensemble designs
      {"a lever and an uncertainty on one number",
       appended("levers:\n  finance.discount_rate: [0.05, 0.1]\nuncertainties:\n"
                "  finance.discount_rate: {distribution: uniform, low: 0.05, high: 0.1}\n"),
       "s.yaml:28:3", "uncertainties.finance.discount_rate", "the sample would undo the lever setting"},
      {"two lever axes on one series",
       appended("levers:\n  policies.carbon_price: [10, 20]\n  policies.carbon_price.2030: [50, 100]\n"),
       "s.yaml:26:3", "levers.policies.carbon_price.2030",
       "sets the same number as levers.policies.carbon_price"},
      {"the seed as a lever", appended("levers:\n  seed: [1, 2]\n"), "s.yaml:26:3", "levers.seed",
       "the seed, the ensemble settings, the years, companies_from_fleet and the metric settings cannot be "
       "levers"},
      {"the horizon as a lever", appended("levers:\n  years.last: [2050, 2060]\n"), "s.yaml:26:3",
       "levers.years.last",
       "cannot be levers (they define the ensemble and the shape and meaning of its results)"},
      {"the metrics' discount rate as a lever", appended("levers:\n  metrics.discount_rate: [0, 0.035]\n"),
       "s.yaml:26:3", "levers.metrics.discount_rate", "the metric settings cannot be levers"},
      {"the metrics' discount rate in a package",
       appended("levers:\n  packages:\n    low: {metrics.discount_rate: 0.01}\n"), "s.yaml:26:3",
       "levers.packages.low.metrics.discount_rate", "the metric settings cannot be levers"},
      {"the metrics' discount rate uncertain",
       appended("uncertainties:\n  metrics.discount_rate: {distribution: uniform, low: 0, high: 0.05}\n"),
       "s.yaml:26:3", "uncertainties.metrics.discount_rate", "the metric settings cannot be uncertain"},
      {"a discount rate over 100 %", appended("metrics: {discount_rate: 1.5}\n"), "s.yaml:25:26",
       "metrics.discount_rate", "expected a number in [0, 1], found 1.5"},
      {"discrete weights all zero",
       appended("uncertainties:\n  finance.discount_rate: {distribution: discrete, values: [0.05, 0.1], "
                "weights: [0, "
                "0]}\n"),
       "s.yaml:26:26", "uncertainties.finance.discount_rate", "expected at least one weight > 0"},
      {"unknown sampling method", appended("ensemble: {sampling: sobolev}\n"), "s.yaml:25:22",
       "ensemble.sampling", "sobol"},
      {"an uncertain setting",
       appended("uncertainties:\n  ensemble.sampling: {distribution: uniform, low: 0, high: 1}\n"),
       "s.yaml:26:3", "uncertainties.ensemble.sampling", "is a setting with listed choices, not a number"},
      {"--set a setting to an unknown choice",
       ok,
       "--set",
       "ensemble.sampling",
       "sobolev",
       test::kMiniFleet,
       {},
       {"ensemble.sampling=sobolev"}},
      {"no samples", appended("ensemble: {samples: 0}\n"), "s.yaml:25:21", "ensemble.samples",
       "expected a number in [1, 1048575], found 0"},
  };
}

} // namespace

TEST_CASE("bad inputs are refused with file, line, key path and expectation", "[input][bad]") {
  const auto table = cases();
  CHECK(table.size() >= 40);
  for (const auto& c : table) {
    INFO("case: " << c.name);
    const std::string msg = test::load_error(c.yaml, c.fleet, c.extra, c.overrides);
    INFO("message: " << msg);
    REQUIRE_FALSE(msg.empty()); // refused, not run
    // The expected problem is reported: the line starting with the place, with path and text.
    bool found = false;
    std::size_t start = 0;
    while (start < msg.size()) {
      const auto end = msg.find('\n', start);
      const std::string line = msg.substr(start, end == std::string::npos ? std::string::npos : end - start);
      const std::string path_part = c.path.empty() ? "" : " " + c.path + ":";
      if (line.rfind(c.where, 0) == 0 && line.find(path_part) != std::string::npos &&
          line.find(c.says) != std::string::npos)
        found = true;
      if (end == std::string::npos) break;
      start = end + 1;
    }
    CHECK(found);
  }
}
