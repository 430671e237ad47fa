// The scenario format's policy and behaviour sections: policies, offtake
// contracts and how agents decide (scenario_spec.hpp; constructors in
// spec_leaves.hpp).
#include "input/spec_leaves.hpp"

namespace steelpath::input::spec {

namespace {

// Carbon contracts for difference (docs/model.md, "Carbon contracts for
// difference"); defaults from Germany's Klimaschutzverträge
// (docs/research/issue-18-channels.md, section 1.1).
Spec carbon_contracts_spec() {
  using CC = CarbonContracts;
  return record(
      "carbon contracts for difference: bidding rounds paying (strike - carbon price) per t CO2 avoided",
      false,
      {{"regions", required(ref_to("regions whose units may bid", "regions", true))},
       {"budget", at<ccfd, &CC::budget>(number("expected payments a round may commit (undiscounted, over "
                                               "the contracts' terms; Germany's round 1: 4 bn EUR)",
                                               "million USD", musd))},
       {"first_round", at<ccfd, &CC::first_round>(integer("year of the first bidding round", "year", year))},
       {"round_interval", at<ccfd, &CC::round_interval>(integer("years between rounds", "yr", {1, 50}, "1"))},
       {"round_count", at<ccfd, &CC::round_count>(integer("number of rounds", "1", {1, 100}, "1"))},
       {"years", at<ccfd, &CC::years>(integer("contract term from the start of operation (KSV: 15 years)",
                                              "yr", {1, 50}, "15"))},
       {"max_strike",
        at<ccfd, &CC::max_strike>(
            number("highest strike admitted (KSV round 1: 2.8 bn EUR / 17 Mt = 165 EUR/t at 1.08 USD/EUR)",
                   "USD/t CO2", carbon, "178"))},
       {"min_cut", at<ccfd, &CC::min_cut>(number("share of the reference route's direct intensity a route "
                                                 "must cut to qualify (KSV: 90 % by the end of the term)",
                                                 "1", rate, "0.9"))},
       {"reference_route",
        required(ref_to("the conventional route avoided CO2 is measured against (KSV: the ETS benchmark's "
                        "best available conventional technology)",
                        "technologies"))},
       {"settlement", choice("'two_way': the unit pays back when the carbon price is above the strike "
                             "(KSV); 'one_way': it is only paid",
                             {"two_way", "one_way"}, "two_way")},
       {"bid_margin",
        at<ccfd, &CC::bid_margin>(
            number("share a bid adds to the project's break-even strike (assumption)", "1", rate, "0.1"))}});
}

} // namespace

Spec policies_spec() {
  return record(
      "policy levers", false,
      {{"carbon_price", at<policy, &Policy::carbon_price>(
                            series("carbon price on direct emissions", "USD/t CO2", carbon, "0"))},
       {"storage_cost", at<policy, &Policy::storage_cost>(
                            number("transport and storage of captured CO2", "USD/t CO2", carbon, "0"))},
       {"blast_furnace_ban", at<policy, &Policy::blast_furnace_ban_year>(optional(
                                 integer("no new or relined blast furnaces from this year", "year", year)))},
       {"ets",
        record(
            "emissions trading with an endogenous allowance price", false,
            {{"regions", ref_to("covered regions", "regions", true)},
             {"trading", choice("allowance supply: a fixed 'cap', or 'intensity' (allowances = benchmark x "
                                "output, China's design)",
                                {"cap", "intensity"}, "cap")},
             {"cap",
              at<ets, &EmissionsTrading::cap>(optional(series(
                  "cap on covered direct emissions (required with trading: cap)", "Mt CO2/yr", quantity)))},
             {"benchmarks",
              indexed(with_key_choices(
                          map_of("free allocation per t of output, by route family", "family",
                                 bound(series("benchmark", "t CO2/t", intensity), ets_benchmark()), false),
                          {"bf", "dri", "eaf", "sr", "electrolysis", "other"}),
                      &EntryIndex::family)},
             {"price_floor", at<ets, &EmissionsTrading::price_floor>(
                                 number("lowest allowance price", "USD/t CO2", carbon, "0"))},
             {"price_ceiling",
              at<ets, &EmissionsTrading::price_ceiling>(
                  number("allowance price when the cap cannot be met", "USD/t CO2", carbon, "1000"))},
             {"expectation",
              choice("the allowance price investors expect: 'announced' (the price at which the fleet "
                     "operating now meets the cap or benchmarks announced expectation_years ahead) or "
                     "'last' (last year's price)",
                     {"announced", "last"}, "announced")},
             {"expectation_years",
              at<ets, &EmissionsTrading::expectation_years>(integer(
                  "how far ahead investors read the announced cap or benchmarks", "yr", {0, 50}, "5"))}})},
       {"subsidies",
        record("capex subsidies within an annual budget", false,
               {{"budget", at<subsidy, &CapexSubsidy::budget>(series("budget", "million USD/yr", musd))},
                {"routes",
                 indexed(ref_map("subsidy per route", "technologies", "technology",
                                 record("a route's subsidy", true,
                                        {{"share", bound(number("share of capex paid", "1", rate, "0"),
                                                         subsidy_share())},
                                         {"per_capacity",
                                          bound(number("paid per t/yr of capacity", "USD/(t/yr)", capex, "0"),
                                                subsidy_per_capacity())}})),
                         &EntryIndex::technology)}})},
       {"fund",
        record("an R&D fund raising knowledge stocks", false,
               {{"budget", at<fund, &InnovationFund::budget>(series("budget", "million USD/yr", musd))},
                {"allocation", indexed(ref_map("share of the budget per route", "technologies", "technology",
                                               bound(number("share", "1", rate), fund_allocation())),
                                       &EntryIndex::technology)},
                {"hydrogen", at<fund, &InnovationFund::hydrogen>(number(
                                 "share of the budget spent on electrolyser R&D (lowers electrolyser capex "
                                 "through hydrogen_supply.learning_rate_rd)",
                                 "1", rate, "0"))},
                {"demonstration",
                 at<fund, &InnovationFund::demonstration>(
                     number("share of the budget set aside for demonstration grants to alliance members' "
                            "first-of-a-kind plants (unspent money carries over)",
                            "1", rate, "0"))},
                {"grant_share",
                 at<fund, &InnovationFund::grant_share>(
                     number("share of a first-of-a-kind plant's capex a demonstration grant pays (grants of "
                            "8-55 % for HYBRIT, Stegra, SALCOS, tkH2Steel, ArcelorMittal; "
                            "docs/research/issue-18-channels.md section 2)",
                            "1", {0.0, 0.6}, "0.35"))},
                {"lag_years", at<fund, &InnovationFund::lag_years>(
                                  integer("years from R&D spending to knowledge (WITCH: 10; "
                                          "docs/research/issue-18-learning.md section 5)",
                                          "yr", {0, 30}, "0"))},
                {"depreciation", at<fund, &InnovationFund::depreciation>(
                                     number("knowledge stock lost per year", "1", rate, "0.1"))}})},
       {"carbon_contracts", carbon_contracts_spec()},
       {"procurement",
        record("a green-steel procurement mandate: a share of the covered regions' demand must be near-zero "
               "steel (the First Movers Coalition's 10 % by 2030, made binding)",
               false,
               {{"regions", required(ref_to("covered regions", "regions", true))},
                {"share", at<procurement, &GreenProcurement::share>(
                              series("share of demand that must be near-zero steel (First Movers Coalition: "
                                     "10 % by 2030)",
                                     "1", rate))},
                {"penalty", at<procurement, &GreenProcurement::penalty>(
                                number("the most mandated buyers pay per t above the steel price, and pay "
                                       "on each t they cannot buy (assumption: the top of Fastmarkets' "
                                       "2023-24 green flat-steel premium, 100-300 EUR/t)",
                                       "USD/t", capex, "300"))}})}});
}

Spec offtakes_spec() {
  return indexed(
      map_of(
          "green-steel offtake contracts", "contract",
          record("a contract", true,
                 {{"buyer", text("who buys, e.g. FAW-Volkswagen", true)},
                  {"company", required(ref_to("the seller", "companies"))},
                  {"volume",
                   at<contract, &OfftakeContract::volume>(number("steel bought at most", "Mt/yr", quantity))},
                  {"premium", at<contract, &OfftakeContract::premium>(
                                  number("paid above the market price", "USD/t", capex))},
                  {"max_intensity",
                   at<contract, &OfftakeContract::max_intensity>(number(
                       "only steel at or below this direct intensity qualifies", "t CO2/t", intensity))},
                  {"start", at<contract, &OfftakeContract::start_year>(integer("first year", "year", year))},
                  {"end",
                   at<contract, &OfftakeContract::end_year>(integer("last year", "year", year, "2100"))}}),
          false),
      &EntryIndex::contract);
}

Spec behaviour_spec() {
  return record(
      "how agents decide", false,
      {{"heterogeneity", at<behaviour, &Behaviour::heterogeneity>(number(
                             "logit scale of choices (0: always the cheapest)", "USD/t", {0.0, 1e4}, "0"))},
       {"risk_premium_per_trl",
        at<behaviour, &Behaviour::risk_premium_per_trl>(
            number("hurdle-rate premium per readiness level below 9", "1", {0.0, 0.2}, "0"))},
       {"campaign_jitter_years", at<behaviour, &Behaviour::campaign_jitter_years>(integer(
                                     "a unit's campaign varies by a draw in [-j, +j]", "yr", {0, 10}, "0"))},
       {"stranding_years",
        at<behaviour, &Behaviour::stranding_years>(
            integer("years without production that make a unit decide early", "yr", {1, 50}, "3"))},
       {"reserve_margin",
        at<behaviour, &Behaviour::reserve_margin>(number(
            "spare capacity over demand a region keeps before units may close", "1", {0.0, 1.0}, "0.1"))},
       {"closure_loss_years",
        at<behaviour, &Behaviour::closure_loss_years>(
            integer("years running a route's units lose on avoidable costs (output's marginal cost and fixed "
                    "opex above revenue) before they may close outside decision points (0: never)",
                    "yr", {0, 50}, "2"))},
       {"readiness_capacity",
        at<behaviour, &Behaviour::readiness_capacity>(
            number("capacity of a route built during the run that raises its readiness by one level "
                   "(one commercial-scale plant; docs/research/issue-18-channels.md section 3)",
                   "Mt/yr", {0.01, 1e4}, "1"))},
       {"readiness_per_doubling",
        at<behaviour, &Behaviour::readiness_per_doubling>(
            number("readiness levels a route gains per doubling of its knowledge stock (assumption)", "1",
                   {0.0, 9.0}, "0.5"))},
       {"readiness_spillover",
        at<behaviour, &Behaviour::readiness_spillover>(
            number("share of a route's readiness gain that companies outside the innovation alliance see",
                   "1", {0.0, 1.0}, "0.5"))},
       {"open_readiness", at<behaviour, &Behaviour::open_readiness>(number(
                              "readiness at which a route opens to a company before its available_from",
                              "TRL", {1.0, 9.0}, "9"))},
       {"expansion_unit_size", at<behaviour, &Behaviour::expansion_unit_size>(
                                   number("capacity of a new greenfield unit", "Mt/yr", {0.1, 50.0}, "2"))}});
}

} // namespace steelpath::input::spec
