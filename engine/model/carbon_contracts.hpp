// Carbon contracts for difference (docs/model.md, "Carbon contracts for
// difference"), after Germany's Klimaschutzverträge: in bidding rounds with a
// budget, units at a decision point in the covered regions bid the strike
// price per t CO2 avoided at which switching to a route that cuts at least
// `min_cut` of the reference route's direct intensity would pay; the lowest
// strikes win until the round's budget is committed. An awarded unit that
// builds the route is paid, for `years` years of operation, (strike - the
// carbon price it pays) x t CO2 avoided against the reference route, and pays
// the difference back when the carbon price is above the strike (two-way).
//
// Money in real USD; prices per t CO2; intensities in t CO2 per t crude steel.
#pragma once

#include <vector>

namespace steelpath {

/// A carbon-contract-for-difference programme with bidding rounds.
struct CarbonContracts {
  std::vector<int> regions; ///< regions whose units may bid
  int first_round = 0;      ///< calendar year of the first bidding round
  int round_interval = 1;   ///< years between rounds
  int round_count = 1;      ///< number of rounds
  /// Expected payments each round may commit, million USD (undiscounted sum over the contracts' terms).
  double budget = 0.0;
  int years = 15; ///< contract term from the start of operation, yr
  /// Highest strike accepted, USD/t CO2 (a bid above it is not admitted).
  double max_strike = 178.0;
  /// Share of the reference route's direct intensity a route must cut to qualify, 0..1.
  double min_cut = 0.9;
  int reference_route = -1; ///< technology index of the reference (conventional) route
  /// Whether the contract pays back when the carbon price exceeds the strike.
  bool two_way = true;
  /// Share a bid adds to the project's break-even strike, 0..1.
  double bid_margin = 0.1;

  /// Whether a round is held in `year`.
  [[nodiscard]] bool round_in(int year) const {
    const int n = year - first_round;
    return n >= 0 && round_interval > 0 && n % round_interval == 0 && n / round_interval < round_count;
  }
};

} // namespace steelpath
