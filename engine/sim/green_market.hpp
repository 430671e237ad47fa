// The green-steel market's pure functions (docs/model.md, "The green-steel
// market"): which routes make near-zero steel, and the premium at which a
// region's buyers of near-zero steel (a willingness-to-pay curve, and a
// procurement mandate) take a given supply of it. No state, no I/O.
//
// Money in real USD per tonne of crude steel; shares of demand in 0..1.
#pragma once

#include "model/green_market.hpp"
#include "model/scenario.hpp"

namespace steelpath {

/// Metallic charge per t of crude steel, t: the scrap of an all-scrap EAF
/// (MPP ST-STSM 2022 business cases, 'EAF': 1.1383 t/t). A route's scrap
/// share of its metallic charge is its scrap intensity over this, at most 1.
inline constexpr double kMetallicCharge = 1.1383;

/// The most direct CO2 a tonne of near-zero steel may carry, t CO2/t: the
/// IEA's sliding scale (Achieving Net Zero Heavy Industry Sectors in G7
/// Members, 2022) from `near_zero_intensity` with no scrap in the charge to
/// `near_zero_intensity_scrap` with only scrap, linear in the scrap share.
/// (The IEA counts scope 1-3; the model counts direct emissions: docs/model.md.)
[[nodiscard]] double near_zero_threshold(const Market& market, double scrap_intensity);

/// What a region's buyers of near-zero steel are in a year: their curve and
/// the mandate's share and penalty there (0: no mandate).
struct GreenDemand {
  GreenBuyers buyers;   ///< the voluntary buyers' willingness to pay
  double mandate = 0.0; ///< share of demand that must be near-zero steel, 0..1
  double penalty = 0.0; ///< USD/t the mandated buyers pay at most (and pay on a shortfall)
  /// True when anyone pays a premium: buyers with a positive maximum, or a mandate.
  [[nodiscard]] bool active() const { return buyers.max_premium > 0.0 || mandate > 0.0; }
};

/// Share of demand whose buyers pay at least premium p (USD/t) for
/// near-zero steel: the voluntary curve's, raised to the mandate's share
/// for premiums up to the penalty.
[[nodiscard]] double green_share(const GreenDemand& d, double premium);

/// The premium (USD/t) at which buyers take a supply of near-zero steel that
/// is `supply_share` of demand: the highest premium whose green_share is at
/// least the supply share (the last buyer's willingness to pay). With no
/// supply, the highest premium anyone pays; with more supply than any
/// buyer wants at a premium, 0.
[[nodiscard]] double green_premium(const GreenDemand& d, double supply_share);

/// Region r's buyers of near-zero steel in year index y: its green_buyers
/// and, where policies.procurement covers it, the mandate's share and penalty.
[[nodiscard]] GreenDemand green_demand(const Scenario& s, std::size_t r, std::size_t y);

} // namespace steelpath
