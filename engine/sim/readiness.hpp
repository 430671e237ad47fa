// Each route's technology readiness level during a run (docs/model.md,
// "Readiness"):
//
//   rise_k(t)     = (C_k(t) - C_k(start)) / D + rho x log2(K_k(t) / K0_k)
//   TRL_k,c(t)    = min(9, TRL_k + a_c x rise_k(t)),  a_c = 1 (alliance), sigma (others)
//
// C_k the route's cumulative capacity and K_k its knowledge stock
// (sim/learning.hpp), D = Behaviour::readiness_capacity (Mt/yr per level),
// rho = Behaviour::readiness_per_doubling, sigma = Behaviour::readiness_spillover.
// The readiness a company sees sets its risk premium on the route
// (Behaviour::risk_premium_per_trl x (9 - TRL)) and may open the route before
// its available_from (Behaviour::open_readiness).
#pragma once

#include "model/scenario.hpp"
#include "sim/learning.hpp"

#include <cstddef>
#include <vector>

namespace steelpath {

/// Each route's readiness level as alliance members and other companies see it (TRL, 1..9, real-valued).
class ReadinessState {
public:
  /// Every route at its scenario readiness (Technology::readiness).
  void reset(const Scenario& scenario, const LearningState& learning);
  /// Recomputes route k's levels from the learning state; true where they changed.
  bool update(std::size_t k, const LearningState& learning);
  /// Whether route k's levels differ from its scenario readiness.
  [[nodiscard]] bool moved(std::size_t k) const {
    return k < start_.size() && (alliance_[k] != start_[k] || others_[k] != start_[k]);
  }
  /// Whether the readiness of route k a company sees rose during the run to
  /// at least `level` (a route that starts there waits for its available_from).
  [[nodiscard]] bool rose_to(std::size_t k, bool alliance, double level) const {
    const double now = alliance ? alliance_[k] : others_[k];
    return now >= level && now > start_[k];
  }
  /// Route k's readiness level as a company sees it (alliance member or not).
  [[nodiscard]] double level(std::size_t k, bool alliance) const {
    return alliance ? alliance_[k] : others_[k];
  }

private:
  std::vector<double> start_, start_capacity_, base_knowledge_; ///< [route] TRL, Mt/yr, million USD
  std::vector<double> alliance_, others_;                       ///< [route] TRL seen
  double capacity_per_level_ = 1.0, per_doubling_ = 0.0, spillover_ = 0.0;
};

} // namespace steelpath
