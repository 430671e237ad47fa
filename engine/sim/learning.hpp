// Two-factor learning and the innovation fund's knowledge stocks.
//
//   capex_k(t) = capex_k * (C_k / C0_k)^(log2(1 - LR_k)) * (K_k / K0_k)^(log2(1 - LRrd_k))
//
// C_k: cumulative capacity of route k built or converted (Mt/yr), starting
// at the world's capacity of the route when the run starts (start_capacity;
// where none is given, C0_k = base_capacity and the multiplier starts at 1;
// below C0_k it starts above 1: the first-of-a-kind premium).
// K_k = K0_k + S_k: knowledge (million USD), S_k the fund's R&D stock,
// S_k(t) = (1 - delta) S_k(t-1) + F_k(t - L): a year's spending counts in
// the decisions L years later (L = 0: that year's). So doubling C lowers
// capex by exactly LR, and doubling K by exactly LRrd. The fund's budget is
// a scenario path, so S_k is known before the run (knowledge_stock_path).
//
// The multiplier is asked for at every option of every decision (about
// 115,000 times a world member) but changes only when C_k or K_k does: it is
// cached per route and recomputed, by the same expression, when they change.
#pragma once

#include "model/scenario.hpp"

#include <vector>

namespace steelpath {

/// The R&D stock S(t) = (1 - delta) S(t-1) + F(t - lag) per simulated year
/// of a fund spending `share` of its budget on one thing, million USD (zero
/// before the first simulated year; spending before it is not counted).
[[nodiscard]] std::vector<double> knowledge_stock_path(const InnovationFund& fund, double share);

/// Each route's cumulative capacity (Mt/yr) and knowledge (million USD), and its capex multiplier.
class LearningState {
public:
  /// Starts from the scenario's start capacities and base knowledge, no R&D stock.
  void reset(const Scenario& scenario);
  /// Capacity built or converted to route k this year, Mt/yr.
  void add_capacity(std::size_t k, double capacity);
  /// Moves the fund's R&D stocks to simulated year y (knowledge_stock_path).
  void set_year(std::size_t y);
  /// The factor on route k's capex now (1 at the base capacity and knowledge).
  [[nodiscard]] double multiplier(std::size_t k) const { return multiplier_[k]; }
  /// Knowledge stock of route k, million USD.
  [[nodiscard]] double knowledge(std::size_t k) const { return base_knowledge_[k] + stock_[k]; }
  /// Cumulative capacity of route k built or converted, Mt/yr (from start_capacity).
  [[nodiscard]] double cumulative(std::size_t k) const { return cumulative_[k]; }

private:
  /// Recomputes multiplier_[k] from the current C_k and K_k.
  void update(std::size_t k);

  std::vector<double> cumulative_, base_capacity_, base_knowledge_, stock_, b_cap_, b_rd_;
  std::vector<std::vector<double>> stock_path_; ///< [route][year] the fund's R&D stock, million USD
  std::vector<double> multiplier_;              ///< [route] cached factor on capex
};

} // namespace steelpath
