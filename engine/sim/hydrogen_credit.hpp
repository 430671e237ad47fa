// A hydrogen production credit tiered by emissions and limited in time, as
// the US 45V credit (docs/model.md, "Hydrogen production credit"):
//
//   rate_r(t)  = credit of the first tier with I_r(t) <= max_intensity, else 0   USD/kg
//   I_r(t)     = 1000 x upstream_r(t)   (the region's hydrogen, kg CO2 per kg H2)
//   paid(i, t) = q_i(t) x h_k x rate_r(t)   if S_i - c_k <= last_start_year
//                                           and S_i <= t < S_i + years        million USD
//
// q_i the unit's output (Mt), h_k its route's hydrogen (kg/t), S_i the year
// its route was placed in service (FleetState::build_year), c_k the route's
// construction years (S_i - c_k: the year construction started). An investor
// weighing route k in year y expects, per tonne, the credit levelized over
// the campaign like the other flows:
//
//   credit_lev = sum_{t<n} d^t x h_k x rate_r(y+t) x [S <= y+t < S+years] / sum_{t<n} d^t,  d = 1/(1+rate)
//
// and subtracts it from the route's levelized cost (sim/route_cost.hpp).
#pragma once

#include "model/hydrogen_supply.hpp"

#include <cstddef>
#include <span>

namespace steelpath {

/// The credit per kg (USD/kg) of hydrogen with upstream intensity
/// `kg_co2_per_kg` (kg CO2 per kg H2): the first tier whose bound it does not
/// exceed, 0 above the last.
[[nodiscard]] double credit_rate(const ProductionCredit& c, double kg_co2_per_kg);

/// Whether a unit placed in service in `service_year`, its construction
/// having taken `construction_years`, earns the credit in `year`.
[[nodiscard]] bool credit_paid(const ProductionCredit& c, int service_year, int construction_years, int year);

/// The credit a tonne earns, levelized over a campaign of `campaign` years
/// from horizon index `start` (USD/t): `per_tonne` is h_k x rate per horizon
/// index (flat after its end), paid only at indices in [first_paid, end_paid),
/// weights at `rate` as levelized_average (sim/levelized_cost.hpp).
[[nodiscard]] double levelized_credit(std::span<const double> per_tonne, std::size_t start, int campaign,
                                      long first_paid, long end_paid, double rate);

} // namespace steelpath
