// The regional steel price of a year (docs/model.md, "Price formation"): the
// higher of a short-run price (the marginal dispatched block's cost plus a
// scarcity adder that rises smoothly with the region's utilisation) and a
// long-run floor (the full cost, capital charge included, of the most
// expensive capacity that produced, i.e. that the market keeps, times a
// calibration factor). Pure functions: no state, no I/O.
//
// Money in real USD per tonne of crude steel; capacities and quantities in Mt.
#pragma once

#include "model/scenario.hpp"
#include "sim/dispatch.hpp"

#include <cstddef>
#include <span>

namespace steelpath {

/// The parts of one region's price in one year, USD/t (NaN: nothing produced, no price).
struct RegionalPrice {
  double short_run = 0.0; ///< marginal block's cost + scarcity adder
  double floor = 0.0;     ///< long_run_factor x full cost of the most expensive capacity kept
  double price = 0.0;     ///< max(short_run, floor)
};

/// Scarcity adder, USD/t, at utilisation `u` (production / dispatchable
/// capacity, 0..1): level x s^2 with s = (u - threshold) / (1 - threshold)
/// clamped to [0, 1]. Zero up to the threshold, with zero slope there (so
/// the price does not jump), the full level at u = 1. The quadratic shape is
/// an assumption; the level is Steel-IQ's buffer.
[[nodiscard]] double scarcity_adder(double u, double level, double threshold);

/// Full cost of a tonne from capacity kept by a relining, USD/t: the
/// marginal (operating) cost plus (fixed opex + reline capex x CRF) / the
/// expected utilisation. Capex in USD per t/yr, fixed opex in USD per t/yr
/// and year, crf in 1/yr.
[[nodiscard]] double full_cost(double marginal_cost, double opex_fixed, double capex_reline, double crf,
                               double expected_utilisation);

/// The price of a region whose dispatch gave `d` from `blocks` (at marginal
/// cost), producing `production` (Mt per block, same order). The floor is
/// the highest full cost (USD/t, `full_cost`, same order) among the blocks
/// that produced: the capacity the market keeps. (An earlier rule took the
/// last block of a full-cost merit order under the scrap limit; there the
/// scrap EAFs took all the scrap, left the converters' scrap charge short and
/// made an idle block "needed".) The rule's parameters are
/// Market::scarcity_adder, scarcity_threshold and long_run_factor.
[[nodiscard]] RegionalPrice form_price(const DispatchOutcome& d, std::span<const SupplyBlock> blocks,
                                       std::span<const double> full_cost, std::span<const double> production,
                                       const Market& rule);

} // namespace steelpath
