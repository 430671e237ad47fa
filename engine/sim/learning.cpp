#include "sim/learning.hpp"

#include <cmath>

namespace steelpath {

void LearningState::reset(const Scenario& s) {
  const std::size_t n = s.technologies.size();
  cumulative_.assign(n, 0.0);
  base_capacity_.assign(n, 1.0);
  base_knowledge_.assign(n, 1.0);
  stock_.assign(n, 0.0);
  spent_.assign(n, 0.0);
  b_cap_.assign(n, 0.0);
  b_rd_.assign(n, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    const Technology& t = s.technologies[k];
    base_capacity_[k] = t.base_capacity;
    cumulative_[k] = t.base_capacity;
    base_knowledge_[k] = t.base_knowledge;
    // Experience exponents: (1 - LR) per doubling = 2^b.
    b_cap_[k] = std::log2(1.0 - t.learning_rate);
    b_rd_[k] = std::log2(1.0 - t.learning_rate_rd);
  }
}

void LearningState::end_year(double depreciation) {
  for (std::size_t k = 0; k < stock_.size(); ++k) {
    stock_[k] = (1.0 - depreciation) * stock_[k] + spent_[k];
    spent_[k] = 0.0;
  }
}

double LearningState::multiplier(std::size_t k) const {
  return std::pow(cumulative_[k] / base_capacity_[k], b_cap_[k]) *
         std::pow(knowledge(k) / base_knowledge_[k], b_rd_[k]);
}

} // namespace steelpath
