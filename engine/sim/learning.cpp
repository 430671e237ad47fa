#include "sim/learning.hpp"

#include <bit>
#include <cmath>
#include <cstdint>

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
  multiplier_.assign(n, 1.0);
  for (std::size_t k = 0; k < n; ++k) {
    const Technology& t = s.technologies[k];
    base_capacity_[k] = t.base_capacity;
    cumulative_[k] = t.start_capacity > 0.0 ? t.start_capacity : t.base_capacity;
    base_knowledge_[k] = t.base_knowledge;
    // Experience exponents: (1 - LR) per doubling = 2^b.
    b_cap_[k] = std::log2(1.0 - t.learning_rate);
    b_rd_[k] = std::log2(1.0 - t.learning_rate_rd);
    update(k);
  }
}

void LearningState::add_capacity(std::size_t k, double capacity) {
  cumulative_[k] += capacity;
  update(k); // a build or conversion: rare beside the multiplier's readers
}

void LearningState::end_year(double depreciation) {
  for (std::size_t k = 0; k < stock_.size(); ++k) {
    const double before = stock_[k];
    stock_[k] = (1.0 - depreciation) * stock_[k] + spent_[k];
    spent_[k] = 0.0;
    // Compared bit for bit: the same bits give the same multiplier.
    if (std::bit_cast<std::uint64_t>(stock_[k]) != std::bit_cast<std::uint64_t>(before)) update(k);
  }
}

void LearningState::update(std::size_t k) {
  multiplier_[k] = std::pow(cumulative_[k] / base_capacity_[k], b_cap_[k]) *
                   std::pow(knowledge(k) / base_knowledge_[k], b_rd_[k]);
}

} // namespace steelpath
