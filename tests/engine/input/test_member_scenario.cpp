// Ensemble members patched in place (input/parameter_slot.hpp) against the
// same members built through the document: every kind of slot (number,
// integer, seed, a whole series, a scaled series, a series point, a growth
// series' part, an optional series created, followers of a default) gives
// the same Scenario and bit-identical results; refused values fail with the
// document route's message.
#include "ensemble/design.hpp"
#include "input/ensemble_plan.hpp"
#include "input/member_scenario.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/mini_files.hpp"
#include "../../support/result_compare.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;

namespace {

using Files = test::MiniFiles;

const char* kEverySlot =
    "extends: base.yaml\n"
    "levers:\n"
    "  policies.storage_cost: [0, 30]\n"
    "uncertainties:\n"
    "  finance.discount_rate: {distribution: uniform, low: 0.04, high: 0.12}\n"
    "  technologies.eaf.capex_greenfield: {distribution: uniform, low: 150, high: 300}\n"
    "  technologies.bf.campaign_years: {distribution: discrete, values: [8, 10, 12]}\n"
    "  commodities.coal.price: {distribution: uniform, low: 80, high: 120}\n"
    "  commodities.scrap.price: {distribution: triangular, low: 0.8, mode: 1, high: 1.3, scale: true}\n"
    "  policies.carbon_price.2028: {distribution: uniform, low: 20, high: 80}\n"
    "  regions.r.scrap_supply.growth_rate: {distribution: uniform, low: 0, high: 0.1}\n"
    "  technologies.eaf.inputs.scrap: {distribution: uniform, low: 0.9, high: 1.1, scale: true}\n"
    "  behaviour.heterogeneity: {distribution: uniform, low: 0, high: 50}\n"
    "  behaviour.campaign_jitter_years: {distribution: discrete, values: [0, 1, 2]}\n"
    "  regions.r.carbon_price: {distribution: uniform, low: 5, high: 50}\n"
    "ensemble: {samples: 12}\n";

// The fields the uncertainties above (and their followers) reach.
void check_same(const Scenario& a, const Scenario& b) {
  CHECK(a.finance.discount_rate == b.finance.discount_rate);
  CHECK(a.companies[0].hurdle_rate == b.companies[0].hurdle_rate);
  for (std::size_t k = 0; k < a.technologies.size(); ++k) {
    CHECK(a.technologies[k].capex_greenfield == b.technologies[k].capex_greenfield);
    CHECK(a.technologies[k].capex_switch == b.technologies[k].capex_switch);
    CHECK(a.technologies[k].campaign_years == b.technologies[k].campaign_years);
    CHECK(a.technologies[k].inputs == b.technologies[k].inputs);
  }
  for (std::size_t c = 0; c < a.commodities.size(); ++c)
    CHECK(test::same_bits({a.commodities[c].price.values().begin(), a.commodities[c].price.values().end()},
                          {b.commodities[c].price.values().begin(), b.commodities[c].price.values().end()}));
  auto values = [](const YearSeries& s) { return std::vector<double>(s.values().begin(), s.values().end()); };
  CHECK(test::same_bits(values(a.policy.carbon_price), values(b.policy.carbon_price)));
  CHECK(test::same_bits(values(a.regions[0].scrap_supply), values(b.regions[0].scrap_supply)));
  REQUIRE(a.regions[0].carbon_price.has_value() == b.regions[0].carbon_price.has_value());
  if (a.regions[0].carbon_price)
    CHECK(test::same_bits(values(*a.regions[0].carbon_price), values(*b.regions[0].carbon_price)));
  CHECK(a.behaviour.heterogeneity == b.behaviour.heterogeneity);
  CHECK(a.behaviour.campaign_jitter_years == b.behaviour.campaign_jitter_years);
  CHECK(a.policy.storage_cost == b.policy.storage_cost);
}

std::string failure(const std::function<void()>& make) {
  try {
    make();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST_CASE("patched members equal members built through the document", "[input][factory]") {
  Files f;
  const auto l = f.load(kEverySlot);
  const ensemble::Design d(input::ensemble_plan(l.ensemble), 3);
  const input::ScenarioFactory factory(l);
  REQUIRE(d.members() == 24);
  for (std::size_t m = 0; m < d.members(); ++m) {
    const auto id = d.member(m);
    REQUIRE(factory.patched(id.setting));
    const Scenario patched = factory.make(id.setting, d.sample(id.sample));
    const Scenario built = factory.make_from_document(id.setting, d.sample(id.sample));
    check_same(patched, built);
    MemberResult a, b;
    MemberSimulation(patched, d.stream_key(m)).run(a);
    MemberSimulation(built, d.stream_key(m)).run(b);
    CHECK(test::identical(a, b));
  }
  // The followers took the sampled values, and the base is untouched.
  const Scenario s = factory.make(0, d.sample(0));
  CHECK(s.companies[0].hurdle_rate == d.value(0, 0));
  CHECK(s.technologies[1].capex_switch == d.value(0, 1));
  CHECK(l.scenario.technologies[1].capex_switch == 200.0);
  CHECK(l.scenario.companies[0].hurdle_rate == 0.08);
}

TEST_CASE("a refused sample fails with the document route's message", "[input][factory]") {
  Files f;
  const auto l = f.load("extends: base.yaml\n"
                        "uncertainties:\n"
                        "  finance.expected_utilisation: {distribution: uniform, low: 0.5, high: 1}\n"
                        "  technologies.bf.campaign_years: {distribution: uniform, low: 5, high: 15}\n"
                        "  technologies.eaf.inputs.scrap: {distribution: uniform, low: -1, high: 1}\n");
  const input::ScenarioFactory factory(l);
  REQUIRE(factory.patched(0));
  for (const std::vector<double>& sample : {std::vector<double>{1.2, 10.0, 1.0},   // above the bound
                                            std::vector<double>{0.8, 10.5, 1.0},   // not a whole number
                                            std::vector<double>{0.8, 10.0, -0.5}}) // scrap as a net export
  {
    const std::string patched = failure([&] { (void)factory.make(0, sample); });
    const std::string built = failure([&] { (void)factory.make_from_document(0, sample); });
    CHECK_FALSE(patched.empty());
    CHECK(patched == built);
  }
  CHECK(failure([&] { (void)factory.make(0, std::vector<double>{0.8, 10.0, 1.0}); }).empty());
}

TEST_CASE("uncertainties writing into one another are built through the document", "[input][factory]") {
  Files f;
  const auto l = f.load("extends: base.yaml\n"
                        "uncertainties:\n"
                        "  policies.carbon_price: {distribution: uniform, low: 0.5, high: 2, scale: true}\n"
                        "  policies.carbon_price.2028: {distribution: uniform, low: 20, high: 80}\n");
  const input::ScenarioFactory factory(l);
  CHECK_FALSE(factory.patched(0));
  const std::vector<double> sample = {2.0, 50.0};
  const Scenario s = factory.make(0, sample);
  CHECK(s.policy.carbon_price.at(2025) == 20.0); // 10 x 2
  CHECK(s.policy.carbon_price.at(2028) == 50.0); // the point, set after the scaling
  CHECK(s.policy.carbon_price.at(2030) == 120.0);
}
