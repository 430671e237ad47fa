// Two-factor learning and the innovation fund's knowledge stocks.
//
//   capex_k(t) = capex_k * (C_k / C0_k)^(log2(1 - LR_k)) * (K_k / K0_k)^(log2(1 - LRrd_k))
//
// C_k: cumulative capacity of route k built or converted (Mt/yr), starting
// at the world's capacity of the route when the run starts (start_capacity;
// where none is given, C0_k = base_capacity and the multiplier starts at 1;
// below C0_k it starts above 1: the first-of-a-kind premium).
// K_k = K0_k + S_k: knowledge (million USD), S_k the fund's R&D stock,
// S_k(t) = (1 - delta) S_k(t-1) + F_k(t): a year's spending counts in that
// year's decisions. So doubling C lowers capex by exactly LR, and doubling K
// by exactly LRrd.
//
// The multiplier is asked for at every option of every decision (about
// 115,000 times a world member) but changes only when C_k or K_k does: it is
// cached per route and recomputed, by the same expression, when they change.
#pragma once

#include "model/scenario.hpp"

#include <vector>

namespace steelpath {

/// Each route's cumulative capacity (Mt/yr) and knowledge (million USD), and its capex multiplier.
class LearningState {
public:
  /// Starts from the scenario's start capacities and base knowledge, no R&D stock.
  void reset(const Scenario& scenario);
  /// Capacity built or converted to route k this year, Mt/yr.
  void add_capacity(std::size_t k, double capacity);
  /// R&D spent on route k this year, million USD.
  void add_research(std::size_t k, double musd) { spent_[k] += musd; }
  /// Folds this year's R&D into the stock: S = (1 - delta) S + F.
  void end_year(double depreciation);
  /// The factor on route k's capex now (1 at the base capacity and knowledge).
  [[nodiscard]] double multiplier(std::size_t k) const { return multiplier_[k]; }
  /// Knowledge stock of route k, million USD.
  [[nodiscard]] double knowledge(std::size_t k) const { return base_knowledge_[k] + stock_[k]; }
  /// Cumulative capacity of route k built or converted, Mt/yr (from base_capacity).
  [[nodiscard]] double cumulative(std::size_t k) const { return cumulative_[k]; }

private:
  /// Recomputes multiplier_[k] from the current C_k and K_k.
  void update(std::size_t k);

  std::vector<double> cumulative_, base_capacity_, base_knowledge_, stock_, spent_, b_cap_, b_rd_;
  std::vector<double> multiplier_; ///< [route] cached factor on capex
};

} // namespace steelpath
