#include "sim/readiness.hpp"

#include <algorithm>
#include <cmath>

namespace steelpath {

void ReadinessState::reset(const Scenario& s, const LearningState& learning) {
  const std::size_t n = s.technologies.size();
  start_.resize(n);
  start_capacity_.resize(n);
  base_knowledge_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    start_[k] = s.technologies[k].readiness;
    start_capacity_[k] = learning.cumulative(k);
    base_knowledge_[k] = learning.knowledge(k);
  }
  alliance_ = start_;
  others_ = start_;
  capacity_per_level_ = s.behaviour.readiness_capacity;
  per_doubling_ = s.behaviour.readiness_per_doubling;
  spillover_ = s.behaviour.readiness_spillover;
}

bool ReadinessState::update(std::size_t k, const LearningState& learning) {
  if (start_[k] >= 9.0) return false; // a mature route stays at 9
  const double rise = (learning.cumulative(k) - start_capacity_[k]) / capacity_per_level_ +
                      per_doubling_ * std::log2(learning.knowledge(k) / base_knowledge_[k]);
  const double alliance = std::min(9.0, start_[k] + std::max(0.0, rise));
  const double others = std::min(9.0, start_[k] + spillover_ * std::max(0.0, rise));
  const bool changed = alliance != alliance_[k] || others != others_[k];
  alliance_[k] = alliance;
  others_[k] = others;
  return changed;
}

} // namespace steelpath
