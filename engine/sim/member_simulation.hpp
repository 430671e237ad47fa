// Runs one ensemble member: the yearly loop of agents' decisions, capacity
// expansion, market dispatch and accounting over a validated Scenario. An
// object owns all working memory, so running many members with one object
// allocates only when a member's fleet or horizon outgrows the last one.
//
// Order within a year (docs/model.md, "Order of operations"):
//   1. exogenous paths; the fund's R&D and learning; budgets for the year;
//   2. units whose start or construction ends begin operating; where the
//      region asks for capacity replacement, a starting fleet unit retires
//      older capacity (sim/capacity_replacement.hpp);
//   3. decision points (campaign end, end of life, stranded): reline, switch,
//      close, or defer for lack of finance;
//   4. capacity expansion where demand outgrows capacity;
//   5. market: allowance price (ETS), merit-order dispatch per region;
//   6. accounting: production, emissions, money, offtakes, company targets;
//   7. closure for losses: units of routes that lost on their avoidable costs
//      for behaviour.closure_loss_years years close (sim/unit_closure.hpp).
#pragma once

#include "model/scenario.hpp"
#include "sim/buildout_allocation.hpp"
#include "sim/capacity_replacement.hpp"
#include "sim/carbon_contracts.hpp"
#include "sim/company_finance.hpp"
#include "sim/cost_tables.hpp"
#include "sim/dispatch.hpp"
#include "sim/ets_clearing.hpp"
#include "sim/fleet_state.hpp"
#include "sim/fleet_timing.hpp"
#include "sim/learning.hpp"
#include "sim/member_result.hpp"
#include "sim/price_formation.hpp"
#include "sim/random_stream.hpp"
#include "sim/route_cost.hpp"
#include "sim/unit_closure.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace steelpath {

/// One member's simulation: the fleet year by year, its decisions and markets, into a MemberResult.
class MemberSimulation {
public:
  /// Keeps a reference: the scenario must outlive this object. Throws
  /// ModelError when check_consistency finds a problem. The random streams
  /// are keyed by the scenario's seed (and, in an ensemble, the member).
  explicit MemberSimulation(const Scenario& scenario);
  /// The same, with the random streams keyed by `key` (an ensemble member's seed, sample and replicate).
  MemberSimulation(const Scenario& scenario, StreamKey key);
  MemberSimulation(const MemberSimulation&) = delete; // route_cost_ refers to members
  MemberSimulation& operator=(const MemberSimulation&) = delete;

  /// Simulates the whole horizon and overwrites `out`.
  void run(MemberResult& out);

  /// Levelized cost (USD/t) of route k with capex `capex` (USD per t/yr,
  /// before learning) for a new unit of company c in region r deciding in
  /// year index y; `capacity` (Mt/yr) sizes its share of offtake contracts.
  [[nodiscard]] double option_lcos(std::size_t c, std::size_t r, std::size_t k, double capex, std::size_t y,
                                   double capacity) const;
  /// Every cost term, as decisions and dispatch see them.
  [[nodiscard]] const RouteCost& route_cost() const { return route_cost_; }
  /// What investors expect this year: internal carbon prices, offtakes, allowance price, subsidy left.
  [[nodiscard]] const CostOutlook& outlook() const { return outlook_; }

private:
  // member_simulation.cpp
  void start_year(std::size_t y, MemberResult& out);
  /// Capacity built or converted to route k (Mt/yr): learning and readiness move.
  void add_route_capacity(std::size_t k, double capacity) {
    learning_.add_capacity(k, capacity);
    if (readiness_.update(k, learning_)) route_cost_.set_readiness(k, readiness_);
  }
  /// The innovation fund's spending this year by channel, its knowledge and readiness.
  void spend_fund(std::size_t y, MemberResult& out);
  void start_units(int year);
  void end_year(std::size_t y, MemberResult& out);
  void open_books();
  void close_books(std::size_t y, MemberResult& out);
  // member_decisions.cpp
  /// A unit at a decision point this year, and why.
  struct Deciding {
    std::size_t unit = 0;    ///< index in the fleet state
    DecisionReason reason{}; ///< why it decides
    double lottery = 0.0;    ///< its draw this year (Purpose::decision_order): order and tie-break
    std::size_t row = 0;     ///< its row of option_costs_ (the order units reached their decision point)
  };
  /// A deciding unit as its options see it, built once per decision.
  struct UnitAtDecision {
    std::size_t unit = 0;    ///< index in the fleet state
    std::size_t company = 0; ///< its company
    std::size_t region = 0;  ///< its region
    std::size_t route = 0;   ///< its route now
    double capacity = 0.0;   ///< Mt/yr
    double own_scrap = 0.0;  ///< scrap it holds committed (at full utilisation), Mt/yr
    double own_gas = 0.0;    ///< gas it holds committed (at full utilisation), PJ/yr
    bool rebuild = false;    ///< end of life: every option is a greenfield build
    bool stranded = false;   ///< idle too long: may carry on as it is, without capex
    std::size_t row = 0;     ///< its row of option_costs_
  };
  void take_decisions(std::size_t y, MemberResult& out);
  /// Sets region_capacity_ (what can produce next year) and deciding_ (this year's decision points).
  void find_decision_points(int year);
  [[nodiscard]] UnitAtDecision at_decision(const Deciding& d) const;
  void decide(const Deciding& d, std::size_t y, MemberResult& out);
  double gather_options(const UnitAtDecision& u, std::size_t y);
  double option_cost(const UnitAtDecision& u, std::size_t k, double capex, std::size_t y);
  /// Whether unit i can produce next year: operating, or in the fleet and ready by year + 1.
  [[nodiscard]] bool ready_by_next_year(std::size_t i, int year) const {
    return fleet_.status[i] == UnitStatus::operating ||
           (in_fleet(fleet_.status[i]) && fleet_.ready_year[i] <= year + 1);
  }
  // member_contracts.cpp (docs/model.md, "Carbon contracts for difference")
  /// Where a unit's contract stands.
  enum class ContractState : std::uint8_t {
    offered, ///< awarded this year, the unit not yet decided
    built,   ///< the unit took its contracted route: settled while it runs it, for the term
    lapsed,  ///< the unit chose otherwise (or did not decide): never settled
  };
  /// A carbon contract awarded to a unit.
  struct HeldContract {
    std::size_t unit = 0;                         ///< fleet index
    std::size_t route = 0;                        ///< the route it must run
    double strike = 0.0;                          ///< USD/t CO2
    double avoided = 0.0;                         ///< reference intensity - the route's, t CO2/t
    int award_year = 0;                           ///< year of the round
    int start_year = 0;                           ///< first year of operation on the route (built only)
    ContractState state = ContractState::offered; ///< see ContractState
  };
  /// This year's bidding round, if one is held: bids from the deciding
  /// units of the covered regions, awards by lowest strike within the budget.
  void hold_contract_round(std::size_t y, MemberResult& out);
  /// The bid of one deciding unit, when it has a qualifying project that needs one.
  [[nodiscard]] std::optional<ContractBid> contract_bid(const UnitAtDecision& u, std::size_t y);
  /// The levelized credit (USD/t) of a contract offered to the unit this year for route k, else 0.
  [[nodiscard]] double offered_credit(const UnitAtDecision& u, std::size_t k, std::size_t y) const;
  /// After unit i chose route j in `year`: an offered contract is built (operating from `start`) or lapses.
  void take_up_contract(std::size_t i, std::size_t j, int start, std::size_t y, MemberResult& out);
  /// Pays (or claws back) each built contract on its unit's output this year.
  void settle_contracts(std::size_t y, MemberResult& out);
  /// The market carbon price (tax + expected allowance price in the ETS) an
  /// investor of company c in region r expects over route k's campaign, USD/t CO2.
  [[nodiscard]] double expected_carbon_price(std::size_t c, std::size_t r, std::size_t k) const;
  // member_expansion.cpp
  void expand_capacity(std::size_t y, MemberResult& out);
  std::size_t pick_builder(std::size_t r, bool present) const;
  /// Sets company_capacity_ from the fleet: each company's capacity in the fleet per region.
  void count_company_capacity();
  /// Capacity of region r's scrap routes, Mt/yr, that its scrap supply in
  /// year index y cannot feed: the committed scrap beyond the supply, at the
  /// largest scrap intensity (never overstated), at full utilisation.
  [[nodiscard]] double unfed_scrap_capacity(std::size_t r, std::size_t y) const;
  /// Capacity in region r, Mt/yr, whose route is banned at its next decision point by year `ahead`.
  [[nodiscard]] double banned_ahead(std::size_t r, int ahead) const;
  // member_buildout.cpp
  void order_decisions(std::size_t y);
  void request_buildout(const Deciding& d, std::size_t y);
  void grant_buildout(std::size_t y);
  void decide_with_buildout(const Deciding& d, std::size_t y, MemberResult& out);
  [[nodiscard]] bool buildout_allows(std::size_t k, double capacity, double limit) const;
  void close_unit(std::size_t i, std::size_t y, DecisionReason reason, double lcos_reline, MemberResult& out);
  [[nodiscard]] bool route_open(std::size_t c, std::size_t r, std::size_t k, int year, double capacity,
                                double own_scrap, double own_gas) const;
  /// Pays an investment's capex: the fund's demonstration grant (where
  /// `grant_eligible`: not for the announced pipeline), a subsidy, the rest
  /// from the company's finance; returns what the company pays, million USD.
  double pay_capex(std::size_t c, std::size_t r, std::size_t k, double capex, double capacity, std::size_t y,
                   MemberResult& out, bool grant_eligible = true);
  // member_announced.cpp
  /// Queues the announced units on hold per region (earliest start first).
  void queue_announced();
  /// Commits region r's next announced unit when its start year is at most
  /// `ahead`: it pays its greenfield capex and is built like an expansion.
  /// Returns its capacity, Mt/yr (0: none taken).
  double take_announced(std::size_t r, std::size_t y, int ahead, MemberResult& out);
  // member_closure.cpp
  /// A region's capacity that can produce next year and the capacity it needs, Mt/yr.
  struct RegionRoom {
    double capacity = 0.0; ///< not closed and ready by next year, less what its scrap cannot feed, Mt/yr
    double needed = 0.0;   ///< peak demand ahead with the reserve margin, at the largest utilisation, Mt/yr
  };
  [[nodiscard]] RegionRoom region_room(std::size_t r, std::size_t y, std::size_t from) const;
  void close_loss_makers(std::size_t y, MemberResult& out);
  // member_replacement.cpp
  void replace_capacity(std::size_t y, MemberResult& out);
  // member_market.cpp
  void clear_market(std::size_t y, MemberResult& out);
  /// The ETS's clearing in year index y for the blocks' capacities and demand_ as they stand.
  [[nodiscard]] EtsClearing clear_allowances(std::size_t y);
  // member_allowance_outlook.cpp
  /// The allowance price investors deciding in year index y expect (policies.ets.expectation).
  [[nodiscard]] double expected_allowance_price(std::size_t y);
  DispatchOutcome dispatch_region(std::size_t r, std::size_t y, double allowance_price);
  double covered_emissions(std::size_t y, double allowance_price);
  RegionalPrice regional_price(std::size_t r, const DispatchOutcome& d);
  void account(std::size_t y, MemberResult& out);
  /// Each operating unit's share of its block's output in year index y, booked to its company.
  void book_unit_output(std::size_t y, MemberResult& out);
  /// Unit i's share of its block b's output `made`, Mt: its must-take output first, then pro rata.
  [[nodiscard]] double unit_output(std::size_t i, const SupplyBlock& b, double made) const;
  /// Whether the same draw without green premiums picks another route than option `pick`.
  [[nodiscard]] bool green_changed_choice(std::size_t pick, double draw);
  // member_green_market.cpp
  /// Sets outlook_.green_supply: near-zero capacity per region at the expected utilisation, Mt/yr.
  void count_green_supply();
  /// Sets unit_take_ and must_take_: what the offtake contracts running in year index y take.
  void set_must_take(std::size_t y);
  /// Whether offtake contract c takes output of unit i (its seller's, qualifying, operating).
  [[nodiscard]] bool takes(const OfftakeContract& c, std::size_t i) const;
  /// Near-zero output of region r's last dispatch outside the offtake contracts, Mt.
  [[nodiscard]] double green_output(std::size_t r) const;
  /// Sets green_premium_[r]: the premium that clears region r's green market at an allowance price.
  void clear_green_premium(std::size_t r, std::size_t y, double allowance_price);
  /// Books the green market of year index y (volume, premium, shortfall) and the offtake contracts.
  void book_green_market(std::size_t y, MemberResult& out);
  /// The share of its must-take output unit i's block made, 0..1.
  [[nodiscard]] double taken_share(std::size_t i) const;
  /// What offtake contracts took from unit i this year, Mt.
  [[nodiscard]] double taken_output(std::size_t i) const;
  /// What a t of block (r, k)'s output earned above the steel price this year (green, offtake), USD/t.
  [[nodiscard]] double premium_earned(std::size_t r, std::size_t k) const;
  /// Books the hydrogen production credit unit i earns on its output q (Mt) in year index y.
  void book_hydrogen_credit(std::size_t i, double q, std::size_t y, MemberResult& out);
  /// Sets outlook_.scrap_premium: the scrap price investors expect in year
  /// index y, per region (docs/model.md, "Scrap market").
  void expect_scrap_prices(std::size_t y);
  [[nodiscard]] double marginal_cost(std::size_t r, std::size_t k, std::size_t y,
                                     double allowance_price) const {
    return route_cost_.operating(r, k, y, allowance_price).operating_total();
  }
  [[nodiscard]] double levelized_cost(const Investor& who, std::size_t k, double capex, std::size_t y) const {
    return route_cost_.levelized(who, k, capex, y, outlook_).levelized_total();
  }
  void prepare_region_terms(std::size_t y);
  /// levelized_cost from this year's region_terms_ (the same bits): decisions and expansion only.
  [[nodiscard]] double decision_cost(const Investor& who, std::size_t k, double capex, std::size_t y) const {
    return decision_terms(who, k, capex, y).levelized_total();
  }
  /// The terms of decision_cost.
  [[nodiscard]] CostTerms decision_terms(const Investor& who, std::size_t k, double capex,
                                         std::size_t y) const {
    const auto f = static_cast<std::size_t>(scenario_.companies[who.company].foresight);
    const RegionRouteTerms& region = region_terms_[(f * R_ + who.region) * T_ + k];
    return route_cost_.levelized(who, k, capex, y, outlook_, region);
  }

  const Scenario& scenario_;
  StreamKey key_;
  CostTables costs_;
  FleetState fleet_;
  LearningState learning_;
  ReadinessState readiness_; ///< each route's readiness level (risk premium, early availability)
  RouteCost route_cost_;     ///< refers to costs_ and learning_
  DatedAges dated_ages_;     ///< the starting fleet's dated relinings, for imputing the rest
  CostOutlook outlook_;      ///< internal prices, offtake commitments, expected allowance, subsidy left
  std::size_t T_ = 0, R_ = 0, C_ = 0;
  double max_scrap_intensity_ = 0.0; ///< t scrap/t of the hungriest scrap route
  // Working memory reused every year.
  std::vector<SupplyBlock> blocks_;      ///< [region][technology]
  std::vector<double> block_production_; ///< Mt, [region][technology]
  std::vector<std::size_t> order_;
  std::vector<double> full_cost_;  ///< one region's blocks' full costs (price floor), USD/t, [technology]
  std::vector<double> floor_crf_;  ///< [technology]: CRF at the discount rate over the campaign (floor), 1/yr
  std::vector<double> demand_;     ///< this year's demand per region, Mt
  std::vector<double> last_price_; ///< last year's steel price per region, USD/t
  std::vector<double> scrap_commitment_; ///< expected scrap use per region, Mt/yr
  std::vector<double> gas_commitment_;   ///< expected gas use of 'dri' routes per region, PJ/yr
  std::vector<double> new_capacity_; ///< capacity gained by each route this year, Mt/yr (build-out limits)
  std::vector<double> finance_left_; ///< per company this year, million USD (inf: no limit)
  std::vector<double> last_revenue_; ///< per company, million USD
  std::vector<Books> books_;         ///< per company: cash and debt now, million USD
  std::vector<double> payments_;     ///< [company][year]: annuities due on the company's loans, million USD
  std::vector<double> depreciation_; ///< [company][year]: tax depreciation of its investments, million USD
  std::vector<double> tax_losses_;   ///< per company: losses carried forward for tax, million USD
  std::vector<double> target_reference_; ///< per company: emissions at the target's reference year, Mt CO2
  std::vector<double> region_capacity_;  ///< per region: capacity not closed, Mt/yr
  std::vector<double> company_capacity_; ///< [region][company]: capacity not closed, Mt/yr
  std::vector<int> builds_;              ///< per company: new units this year in the region being expanded
  std::vector<std::vector<std::size_t>> announced_queue_; ///< per region: announced units, in entry order
  std::vector<std::size_t> announced_taken_;              ///< per region: how many of its queue entered
  std::vector<double> opt_lcos_, opt_capex_;              ///< options of one decision
  std::vector<int> opt_tech_;
  std::vector<DecisionAction> opt_action_;
  std::vector<double> opt_green_;     ///< per option: green premiums (market, offtake) in its cost, USD/t
  std::vector<double> without_green_; ///< the options' costs without them (additionality), USD/t
  /// An option's levelized cost as a deciding unit last weighed it this year
  /// and the inputs of it that may move during the year's decisions (capex
  /// paid: learning, subsidy left). Every other input (prices, outlook,
  /// offtake commitments, the unit itself) holds still from the first
  /// request to the last decision, so equal inputs give the same bits.
  struct OptionCost {
    double lcos = std::numeric_limits<double>::quiet_NaN();       ///< USD/t
    double capex = std::numeric_limits<double>::quiet_NaN();      ///< USD per (t/yr), before learning
    double multiplier = std::numeric_limits<double>::quiet_NaN(); ///< the route's learning multiplier
    bool subsidised = false;                                      ///< whether subsidy budget was left
    double grant = 0.0;                                           ///< demonstration grant, USD per (t/yr)
    double crf = 0.0;                                             ///< the company's CRF on the route, 1/yr
    double credit = 0.0; ///< the carbon contract's credit offered to the unit for the route, USD/t
    double green = 0.0;  ///< green premiums (market and offtake) in lcos, USD/t (not a key)
  };
  /// [deciding row][route]: each deciding unit's options this year, so that
  /// its request, its decision and its waiting-list log compute each once.
  std::vector<OptionCost> option_costs_;
  /// [foresight][region][route]: the levelized terms every investor there
  /// expects this year, set before the decisions (the outlook holds still
  /// until the market clears).
  std::vector<RegionRouteTerms> region_terms_;
  std::vector<double> ets_candidates_; ///< prices where the merit order may change
  std::vector<SupplyBlock> priced_;    ///< one region's blocks at a trial scrap price
  std::vector<double> mix_production_; ///< scratch of the scrap clearing, Mt per block
  std::vector<double> scrap_price_;    ///< per region: scrap price of the last dispatch, USD/t
  double allowance_ = 0.0;             ///< this year's allowance price, USD/t CO2
  std::vector<double> green_premium_;  ///< per region: green premium (last year's until cleared), USD/t
  std::vector<double> green_rate_;     ///< per region: premium paid per t of near-zero output, USD/t
  std::vector<double> must_take_;      ///< [region][technology]: output offtake contracts take, Mt
  std::vector<double> unit_take_;      ///< per unit: output its offtake contracts take, Mt
  std::vector<double> contract_share_; ///< per offtake contract: share of qualifying output it takes
  std::vector<double> block_offtake_premium_; ///< [region][technology]: offtake premiums earned, million USD
  std::vector<double> price_output_;          ///< one region's output per block that may set the floor, Mt
  /// The market's working state, kept while the expected allowance price is
  /// cleared on the announced cap, and put back after.
  struct MarketState {
    std::vector<SupplyBlock> blocks;      ///< blocks_
    std::vector<double> block_production; ///< block_production_, Mt
    std::vector<double> scrap_price;      ///< scrap_price_, USD/t
    std::vector<double> demand;           ///< demand_, Mt
  };
  MarketState kept_market_;     ///< see MarketState
  std::vector<int> loss_years_; ///< [region][technology]: consecutive years the block lost on avoidable costs
  std::vector<ClosureBlock> closure_blocks_;         ///< one region's blocks for the closure rule
  std::vector<ClosureCandidate> closure_candidates_; ///< one region's units that may close for losses
  std::vector<std::size_t> closing_;                 ///< the units the closure or replacement rule chose
  std::vector<std::size_t> started_;                 ///< fleet units of the scenario that started this year
  std::vector<ReplacementCandidate> replacement_candidates_; ///< units a starting unit may retire
  std::vector<HeldContract> contracts_; ///< carbon contracts awarded this run, in award order
  std::vector<ContractBid> bids_;       ///< this year's round's bids
  int offers_year_ = 0;                 ///< year of the last round (offers stand in that year only)

  /// Who may take a build-out-limited route now (docs/model.md, "Build-out limits").
  enum class BuildoutPhase : std::uint8_t {
    requests,  ///< collecting requests: limits not applied
    decisions, ///< decision points: only the route granted to the deciding unit
    expansion, ///< new builds: what the year's grants and conversions left
  };
  BuildoutPhase buildout_phase_ = BuildoutPhase::expansion; ///< the phase of the year now
  int buildout_grant_now_ = -1;          ///< the limited route granted to the unit deciding now, -1: none
  std::vector<Deciding> deciding_;       ///< this year's decision points, in lottery order
  std::vector<int> buildout_request_of_; ///< per unit: its request this year, -1: none
  std::vector<BuildoutRequest> buildout_requests_; ///< this year's requests for limited routes
  std::vector<double> buildout_allowance_;         ///< per route: Mt/yr it may gain this year (inf: no limit)
};

/// Whether route k is banned in `year` (policies.blast_furnace_ban: the 'bf'
/// family from the ban year on).
[[nodiscard]] inline bool route_banned(const Scenario& s, std::size_t k, int year) {
  const int ban = s.policy.blast_furnace_ban_year;
  return ban > 0 && year >= ban && s.technologies[k].family == "bf";
}

/// Convenience: one member of `scenario`, in a fresh result.
[[nodiscard]] MemberResult simulate(const Scenario& scenario);

} // namespace steelpath
