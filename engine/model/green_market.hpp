// The green-steel market (docs/model.md, "The green-steel market"): buyers
// in a region who pay a premium over the steel price for near-zero steel,
// described by a willingness-to-pay curve, and a procurement mandate that
// makes a share of a region's demand near-zero steel by a year.
//
// Money in real USD per tonne of crude steel; shares of demand in 0..1.
#pragma once

#include "model/year_series.hpp"

#include <vector>

namespace steelpath {

/// A region's buyers of near-zero steel: the share of its demand that would
/// pay at least a premium p falls linearly from all of it at p = 0 to
/// `knee_share` at `knee_premium`, and on to none at `max_premium`.
struct GreenBuyers {
  double max_premium = 0.0;  ///< the highest premium any buyer pays, USD/t (0: no green buyers)
  double knee_premium = 0.0; ///< the premium `knee_share` of demand pays at least, USD/t
  double knee_share = 0.0;   ///< share of demand paying at least knee_premium, 0..1
};

/// A procurement mandate (the First Movers Coalition's commitment, made
/// binding): in the covered regions, `share` of demand must be near-zero
/// steel; mandated buyers pay up to `penalty` per tonne above the steel
/// price for it and pay the penalty on the tonnes they cannot buy.
struct GreenProcurement {
  std::vector<int> regions; ///< covered regions (indices)
  YearSeries share;         ///< share of demand that must be near-zero steel, 0..1
  double penalty = 300.0;   ///< USD per t of shortfall: the most mandated buyers pay
};

} // namespace steelpath
