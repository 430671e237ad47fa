// hydrogen_supply in a scenario file: its keys are read into the model, and
// the rules between keys refuse what would not run or would do nothing.
#include "../../support/mini_scenario.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;

namespace {

// The mini scenario with hydrogen (kg) and electricity (MWh) and a supply;
// `region`, if given, replaces the region's line.
std::string with_hydrogen(const std::string& supply, const std::string& more = "",
                          const std::string& region = "") {
  auto lines = test::mini_lines();
  if (!region.empty()) lines[19] = region;
  lines.insert(lines.begin() + 5, "  hydrogen: {unit: kg, price: 5}");
  lines.insert(lines.begin() + 6, "  electricity: {unit: MWh, price: 60}");
  return test::join_lines(lines) + supply + more;
}

const std::string kSupply = "hydrogen_supply:\n"
                            "  electrolyser_capex: 2000\n"
                            "  deployment: {2025: 5.2, 2030: 50}\n"
                            "  base_deployment: 5.2\n"
                            "  learning_rate: 0.18\n"
                            "  fixed_om: 0.02\n"
                            "  lifetime_years: 20\n"
                            "  efficiency: {2025: 50, 2030: 49}\n"
                            "  load_factor: 0.9\n"
                            "  storage_cost: 0.3\n";

input::LoadedScenario load(const std::string& yaml) {
  test::TempDir dir;
  dir.write("fleet.csv", test::kMiniFleet);
  return input::load_scenario(dir.write("s.yaml", yaml));
}

} // namespace

TEST_CASE("hydrogen_supply is read into the model", "[input][hydrogen]") {
  const Scenario s = load(with_hydrogen(kSupply)).scenario;
  REQUIRE(s.hydrogen_supply);
  const HydrogenSupply& h = *s.hydrogen_supply;
  CHECK(h.commodity == *s.find_commodity("hydrogen"));
  CHECK(h.electrolyser_capex == 2000.0);
  CHECK(h.deployment.at(2030) == 50.0);
  CHECK(h.efficiency.at(2025) == 50.0);
  CHECK(h.learning_rate == 0.18);
  CHECK(h.discount_rate == s.finance.discount_rate); // defaults to finance.discount_rate
  CHECK_FALSE(h.contract);
  CHECK(h.cost_factor == 1.0);
  CHECK(s.regions[0].h2_capex_factor == 1.0);
  // Without the section, hydrogen keeps its price path.
  CHECK_FALSE(load(with_hydrogen("")).scenario.hydrogen_supply);
}

TEST_CASE("hydrogen from gas is read as an allowed or disallowed supply", "[input][hydrogen]") {
  std::string yaml = with_hydrogen(kSupply + "  electrolysis: false\n"
                                             "  smr: {gas: 0.158, other_cost: 0.51, co2: 8.86}\n"
                                             "  smr_ccs: {gas: 0.174, other_cost: 0.83, co2: 9.76, "
                                             "capture_rate: 0.9, allowed: false}\n");
  const std::string coal = "  coal: {unit: t,";
  yaml.insert(yaml.find(coal), "  natural_gas: {unit: GJ, price: 10}\n");
  const Scenario s = load(yaml).scenario;
  const HydrogenSupply& h = *s.hydrogen_supply;
  CHECK_FALSE(h.electrolysis);
  REQUIRE(h.smr);
  CHECK(h.smr->allowed);
  CHECK(h.smr->gas == 0.158);
  CHECK(h.smr->co2 == 8.86);
  CHECK(h.smr->capture_rate == 0.0);
  REQUIRE(h.smr_ccs);
  CHECK_FALSE(h.smr_ccs->allowed);
  CHECK(h.smr_ccs->capture_rate == 0.9);
}

TEST_CASE("a clean-power contract and a region's own settings", "[input][hydrogen]") {
  const std::string yaml =
      with_hydrogen(kSupply + "  power: contract\n  contract_price: 35\n", "",
                    "  r: {demand: 10, scrap_supply: 2, h2_contract_price: 25, h2_capex_factor: 0.45}");
  const Scenario s = load(yaml).scenario;
  CHECK(s.hydrogen_supply->contract);
  CHECK(s.hydrogen_supply->contract_price->at(2027) == 35.0);
  CHECK(s.regions[0].h2_contract_price->at(2027) == 25.0);
  CHECK(s.regions[0].h2_capex_factor == 0.45);
}

TEST_CASE("hydrogen_supply's rules between keys", "[input][hydrogen]") {
  // A contract without a price anywhere.
  std::string msg = test::load_error(with_hydrogen(kSupply + "  power: contract\n"));
  CHECK_THAT(msg, Catch::Contains("regions.r.h2_contract_price") &&
                      Catch::Contains("required with hydrogen_supply.power: contract"));
  // No hydrogen commodity to price.
  msg = test::load_error(with_hydrogen(kSupply + "  commodity: coal\n"));
  CHECK_THAT(msg, Catch::Contains("commodities.coal.unit") && Catch::Contains("expected kg"));
  msg = test::load_error(test::join_lines(test::mini_lines()) + kSupply);
  CHECK_THAT(msg, Catch::Contains("hydrogen_supply.commodity") && Catch::Contains("found none named"));
  // Hydrogen's price path, which the supply replaces, sampled: it would do nothing.
  msg = test::load_error(with_hydrogen(
      kSupply, "uncertainties:\n  commodities.hydrogen.price: {distribution: uniform, low: 0.7, high: 1.5, "
               "scale: true}\n"));
  CHECK_THAT(msg, Catch::Contains("uncertainties.commodities.hydrogen.price") &&
                      Catch::Contains("hydrogen_supply.cost_factor"));
  msg = test::load_error(with_hydrogen(kSupply, "levers:\n  commodities.hydrogen.price.2030: [2, 3]\n"));
  CHECK_THAT(msg, Catch::Contains("has no effect: hydrogen_supply computes this price"));
  // Hydrogen from gas without a gas commodity; no supply allowed at all.
  msg = test::load_error(with_hydrogen(kSupply + "  smr: {gas: 0.16, other_cost: 0.5, co2: 9}\n"));
  CHECK_THAT(msg, Catch::Contains("hydrogen_supply.smr") && Catch::Contains("natural gas commodity"));
  msg = test::load_error(with_hydrogen(kSupply + "  electrolysis: false\n"));
  CHECK_THAT(msg, Catch::Contains("hydrogen_supply.electrolysis") && Catch::Contains("at least one allowed"));
  // The cost factor is the one to sample.
  CHECK(test::load_error(with_hydrogen(
            kSupply, "uncertainties:\n  hydrogen_supply.cost_factor: {distribution: uniform, low: 0.7, "
                     "high: 1.5}\n")) == "");
}

TEST_CASE("a production credit is read with its tiers, years and regions", "[input][hydrogen][credit]") {
  const std::string credit = "  production_credit:\n"
                             "    tiers: {clean: {max_intensity: 0.45, credit: 3}, low: {max_intensity: 1.5, "
                             "credit: 1}}\n"
                             "    last_start_year: 2032\n"
                             "    regions: [r]\n";
  const Scenario s = load(with_hydrogen(kSupply + credit)).scenario;
  REQUIRE(s.hydrogen_supply->production_credit);
  const ProductionCredit& c = *s.hydrogen_supply->production_credit;
  REQUIRE(c.tiers.size() == 2);
  CHECK(c.tiers[0].id == "clean");
  CHECK(c.tiers[0].max_intensity == 0.45);
  CHECK(c.tiers[0].credit == 3.0);
  CHECK(c.tiers[1].max_intensity == 1.5);
  CHECK(c.tiers[1].credit == 1.0);
  CHECK(c.years == 10); // the default: 26 USC 45V(a)
  CHECK(c.last_start_year == 2032);
  CHECK(c.regions == std::vector<int>{0});
  // Without regions every region pays it; a tier can be set from the command line.
  const std::string all = "  production_credit: {tiers: {clean: {max_intensity: 0.45, credit: 3}}}\n";
  CHECK(load(with_hydrogen(kSupply + all)).scenario.hydrogen_supply->production_credit->regions ==
        std::vector<int>{0});
  CHECK_FALSE(load(with_hydrogen(kSupply)).scenario.hydrogen_supply->production_credit);
}

TEST_CASE("a production credit's bad tiers are refused", "[input][hydrogen][credit]") {
  // Tiers out of order.
  std::string msg = test::load_error(with_hydrogen(
      kSupply + "  production_credit:\n"
                "    tiers: {clean: {max_intensity: 1.5, credit: 3}, low: {max_intensity: 0.45, "
                "credit: 1}}\n"));
  CHECK_THAT(msg, Catch::Contains("s.yaml") &&
                      Catch::Contains("hydrogen_supply.production_credit.tiers.low.max_intensity") &&
                      Catch::Contains("expected tiers in ascending max_intensity"));
  // A negative credit, an unknown region, no tiers at all.
  msg = test::load_error(
      with_hydrogen(kSupply + "  production_credit: {tiers: {clean: {max_intensity: 0.45, credit: -3}}}\n"));
  CHECK_THAT(msg, Catch::Contains("hydrogen_supply.production_credit.tiers.clean.credit"));
  msg = test::load_error(with_hydrogen(
      kSupply +
      "  production_credit: {tiers: {clean: {max_intensity: 0.45, credit: 3}}, regions: [mars]}\n"));
  CHECK_THAT(msg, Catch::Contains("hydrogen_supply.production_credit.regions") && Catch::Contains("mars"));
  msg = test::load_error(with_hydrogen(kSupply + "  production_credit: {years: 10}\n"));
  CHECK_THAT(msg, Catch::Contains("hydrogen_supply.production_credit.tiers"));
}
