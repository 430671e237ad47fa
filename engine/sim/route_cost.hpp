// What a tonne of crude steel costs on a route, term by term, for a unit of a
// company in a region and year: the one place every cost term is computed
// (docs/model.md, "Levelized cost" and "Market"). Dispatch takes this year's
// values (operating); an investment decision takes them levelized over the
// route's campaign as the company's foresight expects them (levelized). A new
// cost lever is one new term here, in CostTerms and in the function that fills it.
//
// Money in real USD per tonne of crude steel; intensities in t CO2 per t.
#pragma once

#include "model/scenario.hpp"
#include "sim/cost_tables.hpp"
#include "sim/learning.hpp"
#include "sim/readiness.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace steelpath {

/// The terms of a route's cost, USD per t crude steel. Terms a use does not
/// have are 0 (dispatch has no capital charge, no internal carbon price, no
/// offtake premium and no contract credit).
struct CostTerms {
  /// ((capex x learning - subsidy) x CRF + opex_fixed) / expected utilisation.
  double capital = 0.0;
  double variable = 0.0; ///< inputs at their prices (levelized for investment)
  /// Direct intensity x (carbon tax + the company's internal carbon price).
  double carbon = 0.0;
  /// Allowance price x allowances needed net of free allocation (ETS regions).
  double allowances = 0.0;
  double standard_penalty = 0.0; ///< penalty x direct intensity above the region's standard
  double storage = 0.0;          ///< captured CO2 x transport and storage cost
  double offtake_premium = 0.0;  ///< expected green premium per t: a credit, subtracted
  /// Expected hydrogen production credit per t, levelized over the campaign
  /// (sim/hydrogen_credit.hpp): subtracted.
  double hydrogen_credit = 0.0;
  /// A carbon contract for difference's levelized credit (sim/carbon_contracts.hpp), subtracted.
  double contract_credit = 0.0;
  /// Expected green-market premium per t of near-zero steel (sim/green_market.hpp), subtracted.
  double green_premium = 0.0;

  /// The levelized cost of steel (LCOS): capital + variable + carbon +
  /// allowances + standard_penalty + storage - offtake_premium -
  /// hydrogen_credit - contract_credit - green_premium, summed in that order.
  [[nodiscard]] double levelized_total() const {
    return capital + variable + carbon + allowances + standard_penalty + storage - offtake_premium -
           hydrogen_credit - contract_credit - green_premium;
  }
  /// Dispatch's marginal cost: variable + carbon + storage + allowances +
  /// standard_penalty, summed in that order (the order of the releases
  /// before this one: the two totals differ only in rounding, and keeping
  /// each order keeps results bit-identical).
  [[nodiscard]] double operating_total() const {
    return variable + carbon + storage + allowances + standard_penalty;
  }
};

/// What changes during a run and shapes an investor's expectations.
struct CostOutlook {
  std::vector<double> internal_price;    ///< per company: internal carbon price, USD/t CO2
  std::vector<double> offtake_committed; ///< per contract: qualifying capacity x utilisation, Mt/yr
  double expected_allowance = 0.0;       ///< allowance price expected (last year's), USD/t CO2
  double subsidy_left = 0.0;             ///< this year's subsidy budget left, million USD
  double grant_pot = 0.0;                ///< the innovation fund's demonstration money left, million USD
  /// per region: last year's cleared scrap price less the scrap commodity's price, USD/t scrap
  std::vector<double> scrap_premium;
  /// per region: near-zero capacity in the fleet (built or being built) x expected utilisation, Mt/yr
  std::vector<double> green_supply;
};

/// Who invests: a company's unit in a region (its current route, or -1 for a
/// new build) and the capacity the investment is for, Mt/yr.
struct Investor {
  /// company index
  std::size_t company = 0;
  /// region index
  std::size_t region = 0;
  /// capacity the investment is for, Mt/yr
  double capacity = 0.0;
  /// its current route (-1: a new build)
  int current_route = -1;
  /// the year its current route was placed in service (FleetState::build_year);
  /// -1: a new build, or a rebuild that starts the route's life again this year
  int service_year = -1;
};

/// The terms of a route's levelized cost that every investor of a region
/// with the same foresight expects in a year: computed once a year, they
/// serve every option weighed there (RouteCost::levelized with them).
struct RegionRouteTerms {
  double variable = 0.0;         ///< inputs at expected prices, scrap at last year's cleared price, USD/t
  double tax = 0.0;              ///< expected carbon tax, USD/t CO2
  double allowances = 0.0;       ///< expected allowance price x allowances needed (ETS regions), USD/t
  double standard_penalty = 0.0; ///< penalty under the region's intensity standard, USD/t
  double storage = 0.0;          ///< captured CO2 x transport and storage cost, USD/t
};

/// Every term of a route's cost (USD/t): this year's for dispatch, levelized for investment decisions.
class RouteCost {
public:
  /// Keeps references to the scenario, its cost tables and the learning
  /// state: all must outlive this object.
  RouteCost(const Scenario& scenario, const CostTables& costs, const LearningState& learning);

  /// This year's cost of a tonne on route k in region r (year index y) at an
  /// allowance price, USD/t CO2.
  [[nodiscard]] CostTerms operating(std::size_t r, std::size_t k, std::size_t y, double allowance) const;

  /// The levelized cost an investor expects for route k with capex `capex`
  /// (USD per t/yr, before learning and subsidy), deciding in year index y.
  [[nodiscard]] CostTerms levelized(const Investor& who, std::size_t k, double capex, std::size_t y,
                                    const CostOutlook& outlook) const;
  /// The same from the region's terms for the investor's foresight, as
  /// region_terms gives them for this year and outlook (the same bits).
  [[nodiscard]] CostTerms levelized(const Investor& who, std::size_t k, double capex, std::size_t y,
                                    const CostOutlook& outlook, const RegionRouteTerms& region) const;
  /// What every investor of region r with foresight f expects of route k in year index y.
  [[nodiscard]] RegionRouteTerms region_terms(Foresight f, std::size_t r, std::size_t k, std::size_t y,
                                              const CostOutlook& outlook) const;

  /// Allowances a tonne of route k must surrender, net of free allocation,
  /// t CO2/t (may be negative under intensity trading).
  [[nodiscard]] double allowance_slope(std::size_t k, std::size_t y) const;
  /// Capex subsidy an investment in route k can claim, USD per (t/yr).
  [[nodiscard]] double subsidy_per_capacity(std::size_t k, double capex) const;
  /// The innovation fund's demonstration grant an investment in route k can
  /// claim, USD per (t/yr): grant_share x capex x learning for an alliance
  /// member's first-of-a-kind plant (the route below its base_capacity) when
  /// the fund's money left covers the whole grant; else 0.
  [[nodiscard]] double grant_per_capacity(const Investor& who, std::size_t k, double capex,
                                          const CostOutlook& outlook) const;
  /// Sets route k's capital recovery factors from the readiness each company sees.
  void set_readiness(std::size_t k, const ReadinessState& readiness);
  /// Capital recovery factor of company c on route k, 1/yr.
  [[nodiscard]] double crf(std::size_t c, std::size_t k) const { return crf_[c * T_ + k]; }
  /// Penalty per tonne of route k under region r's intensity standard, USD/t.
  [[nodiscard]] double standard_penalty(std::size_t r, std::size_t k, std::size_t y) const;
  /// Captured CO2 x the storage cost, USD/t.
  [[nodiscard]] double storage(std::size_t k) const;
  /// The hydrogen production credit a tonne of route k is expected to earn,
  /// levelized over its campaign, for an investor deciding in year index y, USD/t.
  [[nodiscard]] double hydrogen_credit(const Investor& who, std::size_t k, std::size_t y) const;
  /// Whether route k makes near-zero steel (sim/green_market.hpp, near_zero_threshold).
  [[nodiscard]] bool near_zero(std::size_t k) const { return near_zero_[k] != 0; }
  /// Whether any region has buyers of near-zero steel or a procurement mandate.
  [[nodiscard]] bool green_market() const { return green_market_; }
  /// The green-market premium an investor in route k deciding in year index y
  /// expects, USD/t: what the region's buyers pay in the year the route
  /// starts for the near-zero supply with the unit's own (held flat over the
  /// campaign); 0 for a route that is not near-zero.
  [[nodiscard]] double green_premium(const Investor& who, std::size_t k, std::size_t y,
                                     const CostOutlook& outlook) const;
  /// Whether region r is in the emissions trading system.
  [[nodiscard]] bool covered(std::size_t r) const { return covered_[r] != 0; }

private:
  /// Expected green premium per tonne from the company's offtake contracts.
  [[nodiscard]] double offtake_premium(const Investor& who, std::size_t k, std::size_t y,
                                       const CostOutlook& outlook) const;

  const Scenario& scenario_;
  const CostTables& costs_;
  const LearningState& learning_;
  std::size_t T_ = 0;
  std::vector<double> crf_;             ///< [company][technology]: capital recovery factor, 1/yr
  std::vector<int> benchmark_;          ///< [technology]: index into the ETS benchmarks, -1: none
  std::vector<std::uint8_t> covered_;   ///< [region]: in the ETS
  std::vector<std::uint8_t> near_zero_; ///< [technology]: makes near-zero steel
  bool green_market_ = false;           ///< any region with green buyers or a mandate
};

} // namespace steelpath
