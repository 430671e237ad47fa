// The green-steel market (docs/model.md, "The green-steel market"), worked
// by hand: the near-zero threshold, the buyers' curve and its inverse, the
// mandate, and in the tiny scenario (tests/support/tiny_scenario.hpp) the
// premium's effect on a decision, the market's clearing and additionality.
#include "sim/green_market.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/mini_scenario.hpp"
#include "../../support/result_compare.hpp"
#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <numeric>

using namespace steelpath;

TEST_CASE("green market: the IEA's sliding scale in the scrap share", "[sim][green]") {
  const Market m; // 0.4 t CO2/t with no scrap, 0.05 with only scrap
  CHECK(near_zero_threshold(m, 0.0) == Approx(0.4));
  CHECK(near_zero_threshold(m, kMetallicCharge) == Approx(0.05));
  CHECK(near_zero_threshold(m, 2.0) == Approx(0.05)); // a share above 1 counts as 1
  // A converter charging 0.255 t of scrap: share 0.224, 0.4 - 0.35 x 0.224 = 0.3216.
  CHECK(near_zero_threshold(m, 0.255) == Approx(0.4 - 0.35 * 0.255 / 1.1383));
}

TEST_CASE("green market: the buyers' curve and the premium that clears a supply", "[sim][green]") {
  GreenDemand d;
  d.buyers = {300.0, 75.0, 0.2}; // all at 0, a fifth at 75 USD/t, none at 300
  CHECK(green_share(d, 0.0) == 1.0);
  CHECK(green_share(d, 37.5) == Approx(0.6)); // 1 - 0.8 x 37.5 / 75
  CHECK(green_share(d, 75.0) == Approx(0.2));
  CHECK(green_share(d, 187.5) == Approx(0.1)); // 0.2 x (300 - 187.5) / 225
  CHECK(green_share(d, 300.0) == 0.0);
  CHECK(green_premium(d, 0.6) == Approx(37.5));
  CHECK(green_premium(d, 0.1) == Approx(187.5));
  CHECK(green_premium(d, 0.0) == 300.0);    // no supply: the highest bid
  CHECK(green_premium(d, 1.2) == 0.0);      // more than all demand: no premium
  for (double p = 1.0; p < 300.0; p += 7.0) // the inverse, both ways
    CHECK(green_premium(d, green_share(d, p)) == Approx(p));
  // A mandate of 10 % with a penalty of 250: mandated buyers bid up to 250.
  d.mandate = 0.1;
  d.penalty = 250.0;
  CHECK(green_share(d, 200.0) == Approx(0.1));            // voluntary 0.089, the mandate 0.1
  CHECK(green_share(d, 260.0) == Approx(0.2 * 40 / 225)); // above the penalty: voluntary only
  CHECK(green_premium(d, 0.05) == Approx(250.0));         // voluntary 243.75 < the penalty
  CHECK(green_premium(d, 0.15) == Approx(131.25));        // beyond the mandate: the curve
  d.buyers = {};
  CHECK(green_premium(d, 0.05) == Approx(250.0));
  CHECK(green_premium(d, 0.15) == 0.0);
  CHECK(!GreenDemand{}.active());
}

namespace {
// tiny_scenario: bf relines at 110 USD/t, h2 switches at 250; u1 (6 Mt/yr)
// decides in 2025, u2 in 2030; demand 10 Mt/yr; h2 is near-zero (0 t CO2/t).
double cumulative(const MemberResult& r) {
  return std::accumulate(r.emissions.begin(), r.emissions.end(), 0.0);
}
} // namespace

TEST_CASE("green market: buyers' premium turns a decision and clears in dispatch", "[sim][green]") {
  Scenario s = test::tiny_scenario();
  const MemberResult none = simulate(s);
  s.regions[0].green_buyers = {300.0, 200.0, 0.6};
  const MemberResult r = simulate(s);
  // u1 expects its own 6 Mt of 10: share 0.6, premium 200 x (1 - 0.6)/(1 - 0.6) = 200;
  // h2 costs 250 - 200 = 50 < 110: it switches, and without the premium it would not.
  CHECK(r.decisions.at(0).to_technology == 1);
  CHECK(r.decisions.at(0).lcos_chosen == Approx(50.0));
  CHECK(r.green_additional_capacity[0] == Approx(6.0));
  // Dispatch: h2 offered at 200 - p runs first once p > 100, then G = 6 and
  // buyers pay P(0.6) = 200: the premium clears at 200; bf (100) sets the price.
  CHECK(r.green_premium[0] == Approx(200.0).margin(0.02));
  CHECK(r.green_volume[0] == Approx(6.0));
  CHECK(r.green_premium_paid[0] == Approx(1200.0).margin(0.2)); // 6 Mt x 200 USD/t
  CHECK(r.steel_price[0] == Approx(100.0));
  CHECK(r.company_revenue[0] == Approx(10.0 * 100.0 + 1200.0).margin(0.2));
  // u2 in 2030 expects 12 Mt of 10: no premium, it relines; nothing more is additional.
  CHECK(r.decisions.at(1).to_technology == 0);
  CHECK(std::accumulate(r.green_additional_capacity.begin(), r.green_additional_capacity.end(), 0.0) ==
        Approx(6.0));
  CHECK(cumulative(r) < cumulative(none));
  // No buyers: the run without the market, bit for bit.
  s.regions[0].green_buyers = {};
  CHECK(test::identical(simulate(s), none));
}

TEST_CASE("green market: a procurement mandate with its penalty and shortfall", "[sim][green]") {
  Scenario s = test::tiny_scenario();
  GreenProcurement mandate;
  mandate.regions = {0};
  mandate.share = YearSeries::constant(s.horizon, 0.7);
  mandate.penalty = 150.0;
  s.policy.procurement = mandate;
  const MemberResult r = simulate(s);
  // u1's 6 Mt is 0.6 of demand, under the mandate's 0.7: premium 150; h2 at 100 < 110.
  CHECK(r.decisions.at(0).to_technology == 1);
  CHECK(r.green_premium[0] == Approx(150.0).margin(0.02));
  CHECK(r.green_volume[0] == Approx(6.0));
  CHECK(r.green_shortfall[0] == Approx(1.0));      // 0.7 x 10 - 6
  CHECK(r.green_penalty_paid[0] == Approx(150.0)); // 1 Mt x 150 USD/t
  CHECK(r.green_premium_paid[0] == Approx(900.0).margin(0.2));
  // A mandate of 0.5: u1's 6 Mt over-supplies it and nobody bids: no switch.
  s.policy.procurement->share = YearSeries::constant(s.horizon, 0.5);
  const MemberResult over = simulate(s);
  CHECK(over.decisions.at(0).to_technology == 0);
  CHECK(over.green_shortfall[0] == Approx(5.0));
  CHECK(over.green_premium[0] == Approx(150.0)); // nothing to sell: the mandated buyers' bid
  CHECK(over.green_volume[0] == 0.0);
  CHECK(over.green_penalty_paid[0] == Approx(750.0)); // 5 Mt short x 150 USD/t
}

TEST_CASE("green market: investors blind to premiums leave only dispatch", "[sim][green]") {
  Scenario s = test::tiny_scenario();
  s.regions[0].green_buyers = {300.0, 200.0, 0.6};
  s.market.green_in_investment = false;
  const MemberResult r = simulate(s);
  CHECK(r.decisions.at(0).to_technology == 0); // 250 > 110 without the premium
  CHECK(r.green_volume[0] == 0.0);             // no near-zero capacity, nothing to sell
  CHECK(r.green_premium[0] == 300.0);          // nothing to sell: the highest bid
}

TEST_CASE("green market: a willingness to pay that does not fall is refused", "[input][green]") {
  auto lines = test::mini_lines();
  lines[19] = "  r: {demand: 10, scrap_supply: 2, green_buyers: {max_premium: 100, knee_premium: 150, "
              "knee_share: 0.2}}";
  const std::string err = test::load_error(test::join_lines(lines));
  CHECK_THAT(err, Catch::Contains("regions.r.green_buyers"));
  CHECK_THAT(err, Catch::Contains("0 < knee_premium < max_premium"));
  CHECK_THAT(err, Catch::Contains(":20:")); // the line of the region's buyers
}
