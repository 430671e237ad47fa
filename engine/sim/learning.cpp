#include "sim/learning.hpp"

#include <bit>
#include <cmath>
#include <cstdint>

namespace steelpath {

std::vector<double> knowledge_stock_path(const InnovationFund& fund, double share) {
  const std::size_t n = fund.budget.size();
  std::vector<double> stock(n, 0.0);
  const auto lag = static_cast<std::size_t>(fund.lag_years);
  double s = 0.0;
  for (std::size_t y = 0; y < n; ++y) {
    const double spent = y >= lag ? fund.budget[y - lag] * share : 0.0;
    s = (1.0 - fund.depreciation) * s + spent;
    stock[y] = s;
  }
  return stock;
}

void LearningState::reset(const Scenario& s) {
  const std::size_t n = s.technologies.size();
  cumulative_.assign(n, 0.0);
  base_capacity_.assign(n, 1.0);
  base_knowledge_.assign(n, 1.0);
  stock_.assign(n, 0.0);
  stock_path_.assign(n, {});
  b_cap_.assign(n, 0.0);
  b_rd_.assign(n, 0.0);
  multiplier_.assign(n, 1.0);
  for (std::size_t k = 0; k < n; ++k) {
    const Technology& t = s.technologies[k];
    base_capacity_[k] = t.base_capacity;
    cumulative_[k] = t.start_capacity > 0.0 ? t.start_capacity : t.base_capacity;
    base_knowledge_[k] = t.base_knowledge;
    // Experience exponents: (1 - LR) per doubling = 2^b.
    b_cap_[k] = std::log2(1.0 - t.learning_rate);
    b_rd_[k] = std::log2(1.0 - t.learning_rate_rd);
    if (s.policy.fund && s.policy.fund->allocation[k] > 0.0)
      stock_path_[k] = knowledge_stock_path(*s.policy.fund, s.policy.fund->allocation[k]);
    update(k);
  }
}

void LearningState::add_capacity(std::size_t k, double capacity) {
  cumulative_[k] += capacity;
  update(k); // a build or conversion: rare beside the multiplier's readers
}

void LearningState::set_year(std::size_t y) {
  for (std::size_t k = 0; k < stock_.size(); ++k) {
    if (stock_path_[k].empty()) continue;
    const double before = stock_[k];
    stock_[k] = stock_path_[k][y];
    // Compared bit for bit: the same bits give the same multiplier.
    if (std::bit_cast<std::uint64_t>(stock_[k]) != std::bit_cast<std::uint64_t>(before)) update(k);
  }
}

void LearningState::update(std::size_t k) {
  multiplier_[k] = std::pow(cumulative_[k] / base_capacity_[k], b_cap_[k]) *
                   std::pow(knowledge(k) / base_knowledge_[k], b_rd_[k]);
}

} // namespace steelpath
