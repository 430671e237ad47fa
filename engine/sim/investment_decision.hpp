// The choice a unit's owner makes when its campaign ends: reline the current
// route, or convert the unit to another available route (brownfield). In
// v0.1 the owner picks the lowest levelized cost (the deterministic limit of
// the logit choice that the agent model adds); a tie keeps the current route.
#pragma once

#include "sim/cost_tables.hpp"

#include <cstdint>
#include <span>

namespace steelpath {

struct InvestmentChoice {
  int technology = -1;     ///< chosen route (== current for a relining)
  double lcos_chosen = 0.0; ///< USD/t
  double lcos_reline = 0.0; ///< USD/t
};

/// `allowed[k]` is non-zero when route k may be chosen this year (available,
/// and enough scrap for a scrap route); the current route may always be
/// relined. `year_index` indexes the cost tables.
[[nodiscard]] InvestmentChoice choose_investment(const CostTables& costs, Eigen::Index year_index,
                                                 int current, std::span<const std::uint8_t> allowed);

} // namespace steelpath
