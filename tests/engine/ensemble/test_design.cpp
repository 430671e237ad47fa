// The ensemble design: member numbering, lever enumeration, common random
// numbers, and member scenarios built from the resolved base (scaling rules,
// a no-op setting reproducing the base run bit for bit).
#include "ensemble/design.hpp"
#include "ensemble/member_task.hpp"
#include "input/ensemble_plan.hpp"
#include "input/member_scenario.hpp"
#include "output/member_payload.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/mini_files.hpp"
#include "../../support/result_compare.hpp"

#include <catch2/catch.hpp>

using namespace steelpath;
using namespace steelpath::ensemble;

namespace {
using Files = test::MiniFiles;

const char* kEnsemble =
    "extends: base.yaml\n"
    "levers:\n"
    "  policies.carbon_price.2030: [20, 60, 100]\n"
    "  packages:\n"
    "    plain: {}\n"
    "    cheap: {finance.discount_rate: 0.05}\n"
    "uncertainties:\n"
    "  commodities.coal.price: {distribution: uniform, low: 0.5, high: 1.5, scale: true}\n"
    "  finance.expected_utilisation: {distribution: uniform, low: 0.7, high: 0.9}\n"
    "ensemble: {samples: 5, replicates: 2}\n";
} // namespace

TEST_CASE("members are numbered setting-major, then sample, then replicate", "[ensemble][design]") {
  Files f;
  const auto l = f.load(kEnsemble);
  const Design d(input::ensemble_plan(l.ensemble), 7);
  REQUIRE(d.settings().size() == 6); // 2 packages x 3 prices
  CHECK(d.rows() == 5);
  CHECK(d.replicates() == 2);
  CHECK(d.members() == 60);
  // Packages outside, the axis inside: setting 4 is package cheap, price 60.
  CHECK(d.settings()[4].label == "policies.carbon_price.2030=60, package=cheap");
  CHECK(d.settings()[0].label == "policies.carbon_price.2030=20, package=plain");
  CHECK(d.settings()[4].axis_values == std::vector<double>{60.0});
  CHECK(d.settings()[4].axis_texts == std::vector<std::string>{"60"});
  CHECK(d.reference_setting() == 0); // the first, unless ensemble.reference names another
  // member = (setting x 5 + sample) x 2 + replicate: 4 x 10 + 3 x 2 + 1 = 47.
  const MemberId id = d.member(47);
  CHECK(id.setting == 4);
  CHECK(id.sample == 3);
  CHECK(id.replicate == 1);
  const StreamKey k = d.stream_key(47);
  CHECK(k.seed == 7);
  CHECK(k.sample == 3);
  CHECK(k.replicate == 1);
}

TEST_CASE("lever settings share the sample and the agent draws (common random numbers)",
          "[ensemble][design]") {
  Files f;
  const auto l = f.load(kEnsemble);
  const Design d(input::ensemble_plan(l.ensemble), 7);
  // Member 6 (setting 0, sample 3, replicate 0) and member 46 (setting 4, same sample and replicate).
  CHECK(d.member(6).setting == 0);
  CHECK(d.member(46).setting == 4);
  REQUIRE(d.member(6).sample == d.member(46).sample);
  const auto a = d.sample(d.member(6).sample), b = d.sample(d.member(46).sample);
  REQUIRE(a.size() == 2);                           // coal price factor, expected utilisation
  CHECK(std::equal(a.begin(), a.end(), b.begin())); // bit-identical sampled values
  CHECK(d.stream_key(6).sample == d.stream_key(46).sample);
  CHECK(d.stream_key(6).replicate == d.stream_key(46).replicate);
  // The uniform samples lie in their ranges, and a Latin hypercube puts one per fifth.
  std::vector<int> strata(5, 0);
  for (std::size_t r = 0; r < d.rows(); ++r) {
    CHECK(d.value(r, 0) > 0.5);
    CHECK(d.value(r, 0) < 1.5);
    CHECK(d.value(r, 0) == Approx(0.5 + d.unit(r, 0)));
    ++strata[static_cast<std::size_t>(d.unit(r, 1) * 5)];
  }
  CHECK(strata == std::vector<int>{1, 1, 1, 1, 1});
  // Another seed draws another sample.
  const Design other(input::ensemble_plan(l.ensemble), 8);
  CHECK(other.value(0, 0) != d.value(0, 0));
}

TEST_CASE("a member's scenario applies its lever values and sampled values", "[ensemble][factory]") {
  Files f;
  const auto l = f.load(kEnsemble);
  const Design d(input::ensemble_plan(l.ensemble), 7);
  const input::ScenarioFactory factory(l);
  const std::size_t m = 47; // package cheap, carbon price 60 in 2030, sample 3
  const Scenario s = factory.make(d.member(m).setting, d.sample(d.member(m).sample));
  CHECK(factory.patched(d.member(m).setting));
  CHECK(s.policy.carbon_price.at(2030) == 60.0);
  CHECK(s.policy.carbon_price.at(2025) == 10.0); // the rest of the series as in the base
  CHECK(s.finance.discount_rate == 0.05);
  // scale: true multiplies the base price (100 USD/t) by the sampled factor.
  CHECK(s.commodities[0].price.at(2027) == Approx(100.0 * d.value(3, 0)).epsilon(1e-15));
  CHECK(s.finance.expected_utilisation == d.value(3, 1));
  // The base is untouched.
  CHECK(l.scenario.commodities[0].price.at(2027) == 100.0);
}

TEST_CASE("scaling a series scales every point, a growth series its base value", "[ensemble][factory]") {
  Files f;
  const auto l =
      f.load("extends: base.yaml\n"
             "uncertainties:\n"
             "  commodities.scrap.price: {distribution: uniform, low: 1, high: 3, scale: true}\n"
             "  regions.r.scrap_supply: {distribution: uniform, low: 0.1, high: 1, scale: true}\n"
             "  policies.carbon_price.2030: {distribution: uniform, low: 1, high: 4, scale: true}\n"
             "  finance.expected_utilisation: {distribution: uniform, low: 0.5, high: 1}\n");
  const input::ScenarioFactory factory(l);
  const std::vector<double> sample = {2.0, 0.5, 3.0, 0.8};
  const Scenario s = factory.make(0, sample);
  CHECK(factory.patched(0));
  CHECK(s.commodities[1].price.at(2025) == 600.0); // {2025: 300, 2030: 350} x 2
  CHECK(s.commodities[1].price.at(2030) == 700.0);
  CHECK(s.regions[0].scrap_supply.at(2025) == 1.0); // base value 2 x 0.5, growth 10 %/yr kept
  CHECK(s.regions[0].scrap_supply.at(2026) == Approx(1.1));
  CHECK(s.policy.carbon_price.at(2030) == 180.0); // the point 60 x 3
  CHECK(s.policy.carbon_price.at(2025) == 10.0);
  CHECK(s.finance.expected_utilisation == 0.8);
  // A sampled value the format refuses fails the member with the key and the bound.
  try {
    (void)factory.make(0, std::vector<double>{2.0, 0.5, 3.0, 1.2});
    FAIL("an out-of-range sample was accepted");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("finance.expected_utilisation") != std::string::npos);
    CHECK(std::string(e.what()).find("found 1.2") != std::string::npos);
  }
}

TEST_CASE("a member with nothing changed reproduces the single run bit for bit", "[ensemble][factory]") {
  Files f;
  const auto l = f.load("extends: base.yaml\nensemble: {replicates: 3}\n");
  const Design d(input::ensemble_plan(l.ensemble), l.scenario.seed);
  REQUIRE(d.members() == 3);
  const input::ScenarioFactory factory(l);
  MemberResult single, member;
  MemberSimulation(l.scenario).run(single);
  const MemberOutcome out = run_member(d, factory, 0, member);
  REQUIRE_FALSE(out.failed);
  CHECK(test::identical(single, member));
  // The payload decodes to the same numbers.
  std::vector<std::vector<double>> fields;
  double unit_years = 0;
  decode_member(out.payload, fields, unit_years);
  CHECK(unit_years == static_cast<double>(single.unit_years));
  CHECK(test::same_bits(fields.at(0), single.production));
}

TEST_CASE("a member that fails records why and does not throw", "[ensemble][task]") {
  Files f;
  const auto l = f.load("extends: base.yaml\n"
                        "uncertainties:\n"
                        "  finance.expected_utilisation: {distribution: normal, mean: 1.0, sd: 0.2}\n"
                        "ensemble: {samples: 8}\n");
  const Design d(input::ensemble_plan(l.ensemble), 1);
  const input::ScenarioFactory factory(l);
  MemberResult r;
  int failed = 0;
  for (std::size_t m = 0; m < d.members(); ++m) {
    const MemberOutcome out = run_member(d, factory, m, r);
    CHECK(out.failed == (d.value(d.member(m).sample, 0) > 1.0)); // half the normal lies above the bound
    if (!out.failed) continue;
    ++failed;
    CHECK(out.reason.find("finance.expected_utilisation") != std::string::npos);
    CHECK(std::string(reinterpret_cast<const char*>(out.payload.data()), out.payload.size()) == out.reason);
  }
  CHECK(failed == 4); // an 8-point Latin hypercube puts 4 samples above the median
}

TEST_CASE("agents' draws do not depend on the lever setting (common random numbers)", "[ensemble][crn]") {
  // Two lever values that are the same number, with the agents' randomness on
  // (logit choices, campaign jitter): paired members must be identical, and
  // members of different samples must not be.
  Files f;
  const auto l =
      f.load("extends: base.yaml\n"
             "behaviour: {heterogeneity: 30, campaign_jitter_years: 3}\n"
             "levers:\n  policies.carbon_price.2030: [60, 60.0]\n"
             "uncertainties:\n"
             "  commodities.coal.price: {distribution: uniform, low: 0.8, high: 1.2, scale: true}\n"
             "ensemble: {samples: 3, replicates: 2}\n");
  const Design d(input::ensemble_plan(l.ensemble), 11);
  REQUIRE(d.members() == 12);
  const input::ScenarioFactory factory(l);
  MemberResult r;
  std::vector<std::vector<std::byte>> payloads;
  for (std::size_t m = 0; m < d.members(); ++m) {
    const MemberOutcome out = run_member(d, factory, m, r);
    REQUIRE_FALSE(out.failed);
    payloads.push_back(out.payload);
  }
  for (std::size_t m = 0; m < 6; ++m)
    CHECK(payloads[m] == payloads[m + 6]); // setting 0 and setting 1, same sample and replicate
  CHECK(payloads[0] != payloads[1]);       // another replicate: other agent draws
  CHECK(payloads[0] != payloads[2]);       // another sample
}

TEST_CASE("a Saltelli design keys the agents' draws by base sample", "[ensemble][design]") {
  Files f;
  const auto l =
      f.load("extends: base.yaml\n"
             "uncertainties:\n"
             "  commodities.coal.price: {distribution: uniform, low: 0.8, high: 1.2, scale: true}\n"
             "  finance.discount_rate: {distribution: uniform, low: 0.05, high: 0.1}\n"
             "ensemble: {samples: 4, sampling: saltelli}\n");
  const Design d(input::ensemble_plan(l.ensemble), 5);
  REQUIRE(d.rows() == 16); // 4 base samples x (2 + 2) rows: A, AB_1, AB_2, B
  for (std::size_t m = 0; m < d.members(); ++m)
    CHECK(d.stream_key(m).sample == m / 4);
}

TEST_CASE("a series lever keeps its text; ensemble.reference picks a setting by label",
          "[ensemble][design]") {
  Files f;
  const auto l = f.load("extends: base.yaml\n"
                        "levers:\n"
                        "  policies.carbon_price: [{2025: 0, 2040: 200}, 50]\n"
                        "ensemble: {reference: policies.carbon_price=50}\n");
  const Design d(input::ensemble_plan(l.ensemble), 1);
  REQUIRE(d.settings().size() == 2);
  CHECK(std::isnan(d.settings()[0].axis_values[0]));
  CHECK(d.settings()[0].axis_texts[0] == "{2025: 0, 2040: 200}");
  CHECK(d.settings()[1].axis_texts[0] == "50");
  CHECK(d.reference_setting() == 1);
  // An unknown label is refused, naming where it was written and the labels.
  const auto bad = f.load("extends: base.yaml\n"
                          "levers:\n"
                          "  policies.carbon_price: [0, 50]\n"
                          "ensemble: {reference: policies.carbon_price=70}\n");
  try {
    const Design no(input::ensemble_plan(bad.ensemble), 1);
    FAIL("an unknown reference was accepted");
  } catch (const InputError& e) {
    const std::string what = e.what();
    CHECK_THAT(what, Catch::Contains("s.yaml:4"));
    CHECK_THAT(what, Catch::Contains("no lever setting is labelled 'policies.carbon_price=70'"));
    CHECK_THAT(what, Catch::Contains("policies.carbon_price=50"));
  }
}
