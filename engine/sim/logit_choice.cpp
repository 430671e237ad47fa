#include "sim/logit_choice.hpp"

#include <algorithm>
#include <cmath>

namespace steelpath {

namespace {
std::size_t cheapest(std::span<const double> lcos) {
  return static_cast<std::size_t>(std::min_element(lcos.begin(), lcos.end()) - lcos.begin());
}
} // namespace

void logit_probabilities(std::span<const double> lcos, double sigma, std::span<double> p) {
  if (lcos.empty()) return;
  if (sigma <= 0.0) {
    std::fill(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(lcos.size()), 0.0);
    p[cheapest(lcos)] = 1.0;
    return;
  }
  // Shifted by the minimum so the exponentials cannot overflow.
  const double m = lcos[cheapest(lcos)];
  double sum = 0.0;
  for (std::size_t i = 0; i < lcos.size(); ++i)
    sum += p[i] = std::exp(-(lcos[i] - m) / sigma);
  for (std::size_t i = 0; i < lcos.size(); ++i)
    p[i] /= sum;
}

std::size_t logit_choose(std::span<const double> lcos, double sigma, double u) {
  if (sigma <= 0.0 || lcos.size() < 2) return cheapest(lcos);
  const double m = lcos[cheapest(lcos)];
  double sum = 0.0;
  for (double c : lcos)
    sum += std::exp(-(c - m) / sigma);
  double acc = 0.0;
  for (std::size_t i = 0; i < lcos.size(); ++i) {
    acc += std::exp(-(lcos[i] - m) / sigma) / sum;
    if (u < acc) return i;
  }
  return lcos.size() - 1;
}

} // namespace steelpath
