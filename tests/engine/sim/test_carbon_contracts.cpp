// Carbon contracts for difference: the arithmetic by hand, then a round in
// the tiny scenario (tests/support/tiny_scenario.hpp) worked by hand.
//
// Tiny scenario, myopic, no carbon price: bf reline 110 USD/t, h2 switch 250
// USD/t (capex 500 x CRF 0.1 + 50 kg x 4 USD/kg); h2 avoids 2 t CO2/t
// against bf. A 15-year contract covers the whole 10-year campaign (share 1),
// so the break-even strike is 0 + (250 - 110) / (2 x 1) = 70 USD/t CO2 and the
// bid with a 10 % margin 77 USD/t; its credit (77 - 0) x 2 = 154 USD/t makes
// h2 cost 96 USD/t. Expected payments: 77 x 2 x 6 Mt x 15 yr = 13,860 million USD.
#include "sim/carbon_contracts.hpp"
#include "sim/member_simulation.hpp"

#include "../../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

using namespace steelpath;

namespace {

Scenario with_contracts(double budget, int years = 15) {
  Scenario s = test::tiny_scenario();
  s.companies[0].foresight = Foresight::myopic;
  CarbonContracts cc;
  cc.regions = {0};
  cc.first_round = 2025;
  cc.budget = budget;
  cc.years = years;
  cc.reference_route = 0; // bf
  s.policy.carbon_contracts = cc;
  return s;
}

// Both units decide in 2025; u2 belongs to a second company with a 5 % hurdle rate.
Scenario two_bidders(double budget) {
  Scenario s = with_contracts(budget);
  Company c2 = s.companies[0];
  c2.id = "c2";
  c2.hurdle_rate = 0.05;
  s.companies.push_back(c2);
  s.units[1].company = 1;
  s.units[1].last_reline_year = 2015;
  return s;
}

} // namespace

TEST_CASE("contract arithmetic by hand", "[sim][ccfd]") {
  CHECK(contract_term_share(15, 10) == 1.0);
  CHECK(contract_term_share(15, 20) == 0.75);
  CHECK(break_even_strike(140.0, 0.0, 2.0, 1.0) == Approx(70.0));
  CHECK(break_even_strike(140.0, 30.0, 2.0, 0.5) == Approx(170.0)); // 30 + 140 / 1
  CHECK(contract_credit(77.0, 0.0, 2.0, 1.0) == Approx(154.0));
  CHECK(expected_payments(77.0, 0.0, 2.0, 6.0, 15) == Approx(13860.0));
  CHECK(expected_payments(77.0, 90.0, 2.0, 6.0, 15) == 0.0);
  // Payment below the strike, clawback above it (two-way only): (77 - 100) x 2 x 6 = -276.
  CHECK(contract_payment(77.0, 0.0, 2.0, 4.0, true) == Approx(616.0));
  CHECK(contract_payment(77.0, 100.0, 2.0, 6.0, true) == Approx(-276.0));
  CHECK(contract_payment(77.0, 100.0, 2.0, 6.0, false) == 0.0);
}

TEST_CASE("a round awards the lowest strikes until the budget is committed", "[sim][ccfd]") {
  std::vector<ContractBid> bids = {{0, 7, 1, 90.0, 2.0, 40.0},
                                   {1, 5, 1, 50.0, 2.0, 30.0},
                                   {2, 9, 1, 70.0, 2.0, 50.0},
                                   {3, 1, 1, 95.0, 2.0, 5.0}};
  // 50 (30) and 70 (50) fit in 100; 90 (40) does not and is passed over; 95 (5) still fits.
  CHECK(award_round(bids, 100.0) == Approx(85.0));
  REQUIRE(bids.size() == 4);
  CHECK(bids[0].strike == 50.0);
  CHECK(bids[0].awarded);
  CHECK(bids[1].awarded);
  CHECK_FALSE(bids[2].awarded);
  CHECK(bids[3].strike == 95.0);
  CHECK(bids[3].awarded);
  // Equal strikes go by stream id, not by the order the bids came in.
  std::vector<ContractBid> tied = {{0, 9, 1, 60.0, 2.0, 60.0}, {1, 3, 1, 60.0, 2.0, 60.0}};
  CHECK(award_round(tied, 100.0) == Approx(60.0));
  CHECK(tied[0].unit == 1);
  CHECK(tied[0].awarded);
  CHECK_FALSE(tied[1].awarded);
}

TEST_CASE("an awarded unit builds its route and is paid on its output", "[sim][ccfd]") {
  const MemberResult out = simulate(with_contracts(1e5));
  CHECK(out.ccfd_bids[0] == 1.0);
  CHECK(out.ccfd_awarded[0] == 1.0);
  CHECK(out.ccfd_strike[0] == Approx(77.0));
  CHECK(out.ccfd_committed[0] == Approx(13860.0));
  CHECK(out.ccfd_built[0] == 6.0);
  const Decision& d = out.decisions.at(0);
  CHECK(d.to_technology == 1);
  CHECK(d.lcos_chosen == Approx(96.0)); // 250 - 154
  // h2 runs after bf in the merit order (200 against 100 USD/t): 4 of 10 Mt.
  // Paid (77 - 0) x 2 x 4 = 616 million USD a year, 8 Mt CO2 avoided.
  for (std::size_t y = 0; y < out.horizon.size(); ++y) {
    CHECK(out.ccfd_paid[y] == Approx(616.0));
    CHECK(out.ccfd_clawback[y] == 0.0);
    CHECK(out.ccfd_avoided[y] == Approx(8.0));
    // The payment is the company's revenue beyond its steel sales (one region, one company).
    CHECK(out.company_revenue[y] - out.total_production(y) * out.steel_price[y] == Approx(616.0));
  }
  // No round in later years.
  CHECK(out.ccfd_awarded[5] == 0.0);
  // Without contracts the unit relines its blast furnace.
  Scenario none = with_contracts(1e5);
  none.policy.carbon_contracts.reset();
  const MemberResult base = simulate(none);
  CHECK(base.decisions.at(0).to_technology == 0);
  CHECK(base.ccfd_paid[0] == 0.0);
}

TEST_CASE("a two-way contract claws back when the carbon price passes the strike", "[sim][ccfd]") {
  // Tax 0 in 2025 (the bid), 100 USD/t from 2026: h2 (200) runs before bf
  // (300) and takes 6 Mt; the unit pays back (100 - 77) x 2 x 6 = 276 a year.
  const std::vector<std::pair<int, double>> path = {{2025, 0.0}, {2026, 100.0}, {2034, 100.0}};
  for (const bool two_way : {true, false}) {
    Scenario s = with_contracts(1e5);
    s.policy.carbon_price = YearSeries::interpolate(s.horizon, path);
    s.policy.carbon_contracts->two_way = two_way;
    const MemberResult out = simulate(s);
    REQUIRE(out.ccfd_built[0] == 6.0);
    CHECK(out.ccfd_paid[0] == Approx(616.0));
    CHECK(out.ccfd_paid[1] == 0.0);
    CHECK(out.ccfd_clawback[1] == Approx(two_way ? 276.0 : 0.0));
    CHECK(out.ccfd_avoided[1] == Approx(12.0));
  }
}

TEST_CASE("a contract pays for its term only", "[sim][ccfd]") {
  const MemberResult out = simulate(with_contracts(1e5, 3));
  // A 3-year term covers 3/10 of the campaign: break-even 140 / (2 x 0.3) =
  // 233.3 USD/t, bid 256.7: above the 178 USD/t ceiling, so no bid.
  CHECK(out.ccfd_bids[0] == 0.0);
  Scenario s = with_contracts(1e5, 3);
  s.policy.carbon_contracts->max_strike = 300.0;
  const MemberResult paid = simulate(s);
  REQUIRE(paid.ccfd_built[0] == 6.0);
  CHECK(paid.ccfd_strike[0] == Approx(256.6667).epsilon(1e-5));
  for (std::size_t y = 0; y < paid.horizon.size(); ++y)
    CHECK(paid.ccfd_paid[y] == Approx(y < 3 ? 256.6667 * 2.0 * 4.0 : 0.0).epsilon(1e-5));
}

TEST_CASE("the budget decides who wins, whatever the fleet order", "[sim][ccfd]") {
  // u2 at a 5 % hurdle rate (CRF 0.129505): bf 112.950, h2 264.752 USD/t;
  // break-even 151.802 / 2 = 75.901, bid 83.491 USD/t; commitment
  // 83.491 x 2 x 6 x 15 = 15,028.4 million USD against u1's 13,860.
  for (const bool reversed : {false, true}) {
    Scenario small = two_bidders(20000.0);
    if (reversed) std::swap(small.units[0], small.units[1]);
    const MemberResult one = simulate(small);
    CHECK(one.ccfd_bids[0] == 2.0);
    CHECK(one.ccfd_awarded[0] == 1.0);
    CHECK(one.ccfd_strike[0] == Approx(77.0));
    CHECK(one.ccfd_committed[0] == Approx(13860.0));
    CHECK(one.ccfd_built[0] == 6.0);
    Scenario large = two_bidders(30000.0);
    if (reversed) std::swap(large.units[0], large.units[1]);
    const MemberResult both = simulate(large);
    CHECK(both.ccfd_awarded[0] == 2.0);
    CHECK(both.ccfd_strike[0] == Approx((77.0 + 83.4910) / 2.0).epsilon(1e-5));
    CHECK(both.ccfd_committed[0] == Approx(13860.0 + 15028.38).epsilon(1e-5));
    CHECK(both.ccfd_built[0] == 12.0);
  }
}
