// The scrap market of one region in one year (docs/model.md, "Scrap market"):
// one pool of scrap serves the EAF charge and the scrap charged to converters
// and smelters alike, along a supply curve whose price rises as use nears the
// scrap that can be collected. The price clears the market: the dispatch at
// that price uses what the curve supplies. Gas for direct reduction is a hard
// regional limit inside the same dispatch.
#pragma once

#include "model/scenario.hpp"
#include "sim/dispatch.hpp"

#include <cstddef>
#include <limits>
#include <span>

namespace steelpath {

/// PJ per bcm of natural gas (Statistical Review of World Energy, "Approximate
/// conversion factors", July 2021).
inline constexpr double kPetajoulePerBcm = 36.0;

/// A region's scrap supply curve in one year: constant elasticity through the
/// reference point, between a floor price and the collectable maximum.
///
///   S(p) = min(A, phi * A * (p / p0)^eps)   for p >= floor_share * p0
///
/// so p(q) = p0 * (q / (phi * A))^(1/eps), reaching A at the cap price
/// p0 * phi^(-1/eps); the price never falls below the floor.
struct ScrapCurve {
  double available = 0.0;        ///< A: scrap that can be collected, Mt
  double reference_price = 0.0;  ///< p0: the scrap commodity's price, USD/t
  double elasticity = 0.3;       ///< eps: supply elasticity to the price, > 0
  double reference_share = 0.83; ///< phi: share of A collected at p0, 0..1
  double floor_share = 0.5;      ///< lowest price as a share of p0, 0..1

  /// Scrap supplied at price p, Mt (S(floor) below the floor price).
  [[nodiscard]] double supply(double price) const;
  /// The lowest price, USD/t.
  [[nodiscard]] double floor_price() const { return floor_share * reference_price; }
  /// The price at which all of A is collected, USD/t.
  [[nodiscard]] double cap_price() const;
  /// The price at which the curve supplies q Mt (its inverse, between the
  /// floor and the cap), USD/t: p0 x (q / (phi x A))^(1/eps).
  [[nodiscard]] double price_for(double q) const;
  /// What collecting q Mt costs (the area under the curve from 0 to q, the
  /// scrap below S(floor) at the floor price; q within [0, A]), million USD.
  /// The cleared price x q less this is the collectors' rent, a transfer.
  [[nodiscard]] double collection_cost(double q) const;
};

/// Region r's scrap curve in year index y: its scrap supply, the scrap
/// commodity's (regional) price and the scenario's market parameters.
[[nodiscard]] ScrapCurve scrap_curve(const Scenario& scenario, std::size_t r, std::size_t y);

/// The cleared market: the dispatch at the clearing price and that price.
struct ScrapClearing {
  DispatchOutcome dispatch; ///< production, scrap and gas use at the clearing price
  double price = 0.0;       ///< USD/t scrap
};

/// Clears one region's scrap market. `blocks` carry their marginal cost at
/// the reference price p0; at price p a block costs s * (p - p0) more, s its
/// scrap intensity. `priced` (scratch, blocks.size()) holds the blocks at the
/// clearing price on return; `production` and `order` as for dispatch();
/// `gas_supply` in PJ. The price is the lowest at which the curve supplies
/// all the scrap the merit order asks for: a bisection between the floor and
/// the cap, to 0.05 USD/t (one dispatch when scrap is ample). `hint` (USD/t;
/// NaN: none), e.g. the last clearing, narrows the bracket first: about ten
/// dispatches when the price moved less than 2 USD/t. Where the merit order
/// switches at the clearing price, the dispatches just below and above are
/// mixed so that scrap use meets the supply (`scratch`: blocks.size()
/// doubles; smaller: no mix, the dispatch above, scrap left over).
ScrapClearing clear_scrap(std::span<const SupplyBlock> blocks, double demand, const ScrapCurve& curve,
                          double gas_supply, std::span<SupplyBlock> priced, std::span<double> production,
                          std::span<std::size_t> order, std::span<double> scratch,
                          double hint = std::numeric_limits<double>::quiet_NaN());

} // namespace steelpath
