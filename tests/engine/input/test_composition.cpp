// extends, --set overrides, parameter paths and the resolved scenario, with
// the values worked out by hand.
#include "input/composition.hpp"
#include "input/parameter_paths.hpp"

#include "../../support/mini_scenario.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;
using namespace steelpath::input;

namespace {
struct Files {
  test::TempDir dir;
  Files() {
    dir.write("fleet.csv", test::kMiniFleet);
    dir.write("base.yaml", test::join_lines(test::mini_lines()));
  }
  LoadedScenario load(const std::string& text, const std::vector<std::string>& overrides = {}) {
    return load_scenario(dir.write("s.yaml", text), overrides);
  }
  /// The merged document of a file that need not validate.
  SourceNode load_document(const std::string& text) {
    Diagnostics d;
    SourceNode doc = load_composed(dir.write("s.yaml", text), d);
    CHECK(d.empty());
    return doc;
  }
};
} // namespace

TEST_CASE("a three-line file extends a baseline and overrides only what differs", "[input][compose]") {
  Files f;
  const auto l = f.load("extends: base.yaml\n"
                        "policies:\n"
                        "  carbon_price: {2025: 50, 2030: 150}\n");
  const Scenario& s = l.scenario;
  // The override replaces the whole series: 2027 = 50 + 2/5 x 100 = 90.
  CHECK(s.policy.carbon_price.at(2027) == Approx(90.0));
  // Everything else comes from the base, including the fleet path (relative to base.yaml).
  CHECK(s.technologies.size() == 2);
  CHECK(s.units.size() == 2);
  CHECK(s.name == "s"); // a what-if is named after its own file, not the baseline's name
  CHECK(l.files.size() == 2);
  CHECK(l.resolved_text.find("carbon_price: {2025: 50, 2030: 150}") != std::string::npos);
  CHECK(l.resolved_text.find("extends") == std::string::npos);
}

TEST_CASE("extends merges entries key by key and null removes a key", "[input][compose]") {
  Files f;
  const auto l = f.load("extends: base.yaml\n"
                        "name: variant\n"
                        "technologies:\n"
                        "  bf: {capex_reline: 120}\n"
                        "finance: {discount_rate: 0.05}\n"
                        "policies: ~\n");
  const Scenario& s = l.scenario;
  CHECK(s.name == "variant");
  CHECK(s.technologies[0].capex_reline == 120.0);
  CHECK(s.technologies[0].capex_greenfield == 500.0); // kept from the base
  CHECK(s.technologies[0].inputs[0] == 1.0);
  CHECK(s.finance.discount_rate == 0.05);
  CHECK(s.finance.expected_utilisation == 0.85); // default
  CHECK(s.policy.carbon_price.at(2030) == 0.0);  // policies removed: default 0
}

TEST_CASE("merge keeps the base's order, replaces in place, appends new keys and drops nulls",
          "[input][compose]") {
  const Origin base_at{"base.yaml", 1, 1}, over_at{"s.yaml", 1, 1};
  const auto scalar = [](const char* t, const Origin& o) { return SourceNode::make_scalar(t, o); };
  SourceNode base = SourceNode::make_map(base_at);
  base.set("a", scalar("1", base_at), base_at);
  base.set("b", scalar("2", base_at), base_at);
  SourceNode inner = SourceNode::make_map(base_at);
  inner.set("x", scalar("10", base_at), base_at);
  inner.set("y", scalar("20", base_at), base_at);
  base.set("c", inner, base_at);
  base.set("d", scalar("4", base_at), base_at);
  SourceNode over = SourceNode::make_map(over_at);
  over.set("e", scalar("5", over_at), over_at);
  over.set("b", SourceNode::make_null(over_at), over_at);
  over.set("a", scalar("100", over_at), over_at);
  SourceNode inner_over = SourceNode::make_map(over_at);
  inner_over.set("y", scalar("200", over_at), over_at);
  over.set("c", inner_over, over_at);
  const SourceNode m = merge(base, over, [](const std::string&) { return true; });
  std::vector<std::string> keys;
  for (const auto& e : m.entries())
    keys.push_back(e.key);
  CHECK(keys == std::vector<std::string>{"a", "c", "d", "e"}); // b removed, e appended
  CHECK(m.find("a")->text() == "100");
  CHECK(m.find_entry("a")->key_origin.file == "base.yaml"); // replaced where it stood
  CHECK(m.find("c")->find("x")->text() == "10");            // merged key by key
  CHECK(m.find("c")->find("y")->text() == "200");
  CHECK(m.find("d")->text() == "4");
  CHECK(m.find("e")->origin().file == "s.yaml");
}

TEST_CASE("a chain of extends applies in order, the nearest file winning", "[input][compose]") {
  Files f;
  f.dir.write("mid.yaml", "extends: base.yaml\nfinance: {discount_rate: 0.06, expected_utilisation: 0.7}\n");
  const auto l = f.load("extends: mid.yaml\nfinance: {discount_rate: 0.04}\n");
  CHECK(l.scenario.finance.discount_rate == 0.04);
  CHECK(l.scenario.finance.expected_utilisation == 0.7);
  CHECK(l.files.size() == 3);
}

TEST_CASE("overrides (--set) change numbers, series points and whole series", "[input][compose]") {
  Files f;
  const std::string text = "extends: base.yaml\n";
  // A point added to the points series {2025: 10, 2030: 60}: 2028 -> 100.
  auto l = f.load(text, {"policies.carbon_price.2028=100"});
  // 2027 = 10 + 2/3 x 90 = 70; 2029 = 100 - 1/2 x 40 = 80.
  CHECK(l.scenario.policy.carbon_price.at(2027) == Approx(70.0));
  CHECK(l.scenario.policy.carbon_price.at(2028) == Approx(100.0));
  CHECK(l.scenario.policy.carbon_price.at(2029) == Approx(80.0));
  // A year of a constant series: coal price 100 becomes {2025: 100, 2030: 200}.
  l = f.load(text, {"commodities.coal.price.2030=200"});
  CHECK(l.scenario.commodities[0].price.at(2028) == Approx(160.0));
  // A whole series, a number with a unit, an input, a growth parameter.
  l = f.load("extends: base.yaml\ncurrencies: {EUR: 1.25}\n",
             {"policies.carbon_price=40", "technologies.bf.capex_reline=80 EUR/(t/yr)",
              "technologies.eaf.inputs.coal=0.1", "regions.r.scrap_supply.growth_rate=0"});
  CHECK(l.scenario.policy.carbon_price.at(2026) == 40.0);
  CHECK(l.scenario.technologies[0].capex_reline == Approx(100.0)); // 80 EUR x 1.25
  CHECK(l.scenario.technologies[1].inputs[0] == 0.1);
  CHECK(l.scenario.regions[0].scrap_supply.at(2030) == Approx(2.0));
  CHECK(l.resolved_text.find("capex_reline: 100") != std::string::npos);
}

TEST_CASE("parameter paths list every number and refuse unknown ones", "[input][paths]") {
  Files f;
  const auto l = f.load("extends: base.yaml\n");
  const auto paths = parameter_paths(l.document);
  auto has = [&](const std::string& p) { return std::find(paths.begin(), paths.end(), p) != paths.end(); };
  CHECK(has("technologies.bf.capex_reline"));
  CHECK(has("technologies.eaf.inputs.coal")); // any declared commodity
  CHECK(has("policies.carbon_price"));
  CHECK(has("policies.carbon_price.2030")); // an existing point
  CHECK(has("finance.discount_rate"));      // a default is addressable too
  CHECK(has("years.first"));
  CHECK_FALSE(has("fleet")); // text, not a number
  std::string why;
  CHECK_FALSE(resolve_parameter(l.document, "technologies.bf.capex_relin", why));
  CHECK(why ==
        "unknown parameter path 'technologies.bf.capex_relin': no key 'capex_relin' (did you mean "
        "capex_reline?); nearest valid paths: technologies.bf.capex_reline, technologies.bf.capex_switch, "
        "technologies.bf.capex_greenfield");
  CHECK_FALSE(resolve_parameter(l.document, "policies.carbon_price.soon", why));
  CHECK(why.find("neither a year nor base_year") != std::string::npos);
}

TEST_CASE("a refused path is never suggested as its own correction", "[input][paths]") {
  // Issue 16: an id with a '.' (x.y) made companies.x.y.hurdle_rate both listed and
  // unresolvable, so the hint named the very path refused.
  Files f;
  const auto l = f.load("extends: base.yaml\ncompanies: {x.y: {}}\n");
  const auto paths = parameter_paths(l.document);
  CHECK(std::find(paths.begin(), paths.end(), "companies.x.y.hurdle_rate") == paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "companies.c.hurdle_rate") != paths.end());
  std::string why;
  CHECK_FALSE(resolve_parameter(l.document, "companies.x.y.hurdle_rate", why));
  CHECK(why == "unknown parameter path 'companies.x.y.hurdle_rate': no company 'x' (did you mean c?); the id "
               "'x.y' contains a '.', which a parameter path cannot name (rename it); nearest valid paths: "
               "companies.c.hurdle_rate, companies.c.debt_limit, companies.c.finance_limit");
  // A series key that is no year is listed (validation refuses it) but never offered back.
  const auto bad = f.load_document("extends: base.yaml\npolicies: {carbon_price: {2025: 1, 1700: 2}}\n");
  CHECK_FALSE(resolve_parameter(bad, "policies.carbon_price.1700", why));
  CHECK(why.find("nearest valid paths: ") != std::string::npos);
  CHECK(why.find("paths: policies.carbon_price.1700") == std::string::npos);
  CHECK(why.find(", policies.carbon_price.1700") == std::string::npos);
}

TEST_CASE("levers and uncertainties are read with their paths checked", "[input][paths]") {
  Files f;
  const auto l = f.load(
      "extends: base.yaml\n"
      "currencies: {CNY: 0.14}\n"
      "levers:\n"
      "  policies.carbon_price.2030: [50, 700 CNY/t CO2]\n"
      "  packages:\n"
      "    none: {}\n"
      "    cheap_money: {finance.discount_rate: 4 %}\n"
      "uncertainties:\n"
      "  commodities.coal.price: {distribution: triangular, low: 0.8, mode: 1, high: 1.3, scale: true}\n"
      "  finance.expected_utilisation: {distribution: discrete, values: [0.8, 0.9], weights: [1, 3]}\n"
      "ensemble: {samples: 64, sampling: sobol}\n");
  const EnsembleSpec& e = l.ensemble;
  REQUIRE(e.axes.size() == 1);
  CHECK(e.axes[0].path == "policies.carbon_price.2030");
  REQUIRE(e.axes[0].values.size() == 2);
  CHECK(e.axes[0].values[1].text() ==
        "98.00000000000001"); // 700 CNY x 0.14 USD/CNY, shortest round-trip text
  REQUIRE(e.packages.size() == 2);
  CHECK(e.packages[1].settings.at(0).second.text() == "0.04");
  REQUIRE(e.uncertainties.size() == 2);
  CHECK(e.uncertainties[0].distribution == "triangular");
  CHECK(e.uncertainties[0].scale);
  CHECK(e.uncertainties[0].params.at("mode") == 1.0);
  CHECK(e.uncertainties[1].weights == std::vector<double>{1, 3});
  CHECK(e.samples == 64);
  CHECK(e.sampling == "sobol");
  CHECK(e.replicates == 1); // the default
}

TEST_CASE("the resolved scenario reads back to the same scenario", "[input][compose]") {
  Files f;
  const auto a =
      f.load("extends: base.yaml\nfinance: {discount_rate: 0.0725}\n", {"policies.carbon_price.2027=33.3"});
  // Written next to the original, the resolved text loads to identical numbers and the same hash.
  const auto b = load_scenario(f.dir.write("resolved.yaml", a.resolved_text));
  CHECK(b.resolved_text == a.resolved_text);
  CHECK(b.resolved_sha256 == a.resolved_sha256);
  CHECK(b.scenario.policy.carbon_price.values().size() == a.scenario.policy.carbon_price.values().size());
  for (std::size_t i = 0; i < a.scenario.policy.carbon_price.size(); ++i)
    CHECK(b.scenario.policy.carbon_price[i] == a.scenario.policy.carbon_price[i]);
  CHECK(a.resolved_sha256.size() == 64);
}
