// The arithmetic of carbon contracts for difference (docs/model.md, "Carbon
// contracts for difference"; the programme: model/carbon_contracts.hpp):
// a project's break-even strike, the expected payments a round commits, the
// award by lowest strike within a budget, the yearly settlement and the
// credit a contract puts in the investor's levelized cost.
//
// Prices and strikes in USD/t CO2; intensities in t CO2/t steel; output in
// Mt; money in million USD (Mt x USD/t).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace steelpath {

/// One project's bid in a round.
struct ContractBid {
  std::size_t unit = 0;        ///< fleet index of the bidding unit
  std::uint32_t stream_id = 0; ///< the unit's stream id: ties are broken by it, not by fleet order
  int route = -1;              ///< the qualifying route the unit would build
  double strike = 0.0;         ///< USD/t CO2 avoided
  double avoided = 0.0;        ///< reference intensity - the route's, t CO2/t
  double commitment = 0.0;     ///< expected payments over the term, million USD
  bool awarded = false;        ///< set by award_round
};

/// Share of a route's campaign (yr) a contract of `years` covers: min(years, campaign) / campaign.
[[nodiscard]] double contract_term_share(int years, int campaign_years);

/// The levelized credit a contract gives a tonne of steel, USD/t:
/// (strike - expected carbon price) x avoided x term share.
[[nodiscard]] double contract_credit(double strike, double expected_price, double avoided, double term_share);

/// The strike at which the contract's credit closes a levelized-cost gap
/// (USD/t steel) between a qualifying route and the best other option:
/// expected price + gap / (avoided x term share), USD/t CO2 (infinite when
/// nothing is avoided).
[[nodiscard]] double break_even_strike(double gap, double expected_price, double avoided, double term_share);

/// Expected payments over the term, million USD: max(0, strike - expected
/// price) x avoided x yearly output (Mt) x years (undiscounted, as a
/// programme's budget is stated).
[[nodiscard]] double expected_payments(double strike, double expected_price, double avoided,
                                       double yearly_output, int years);

/// One year's settlement, million USD (negative: the unit pays back):
/// (strike - carbon price paid) x avoided x output (Mt); one-way contracts
/// never pay back.
[[nodiscard]] double contract_payment(double strike, double carbon_price, double avoided, double output,
                                      bool two_way);

/// Sorts the bids by strike (ties by stream id, then fleet index: a hash
/// collision only) and awards them in that
/// order while the round's budget (million USD) covers their commitments;
/// a bid that no longer fits is passed over and later, smaller ones may
/// still fit. Returns the sum committed.
double award_round(std::vector<ContractBid>& bids, double budget);

} // namespace steelpath
