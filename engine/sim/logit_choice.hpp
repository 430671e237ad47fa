// Bounded rationality: a multinomial logit over the options' levelized costs.
//
//   P_i = exp(-(LCOS_i - LCOS_min) / sigma) / sum_j exp(-(LCOS_j - LCOS_min) / sigma)
//
// sigma (USD/t) is the scenario's heterogeneity; sigma = 0 is the
// deterministic limit, the cheapest option (the first of equals).
#pragma once

#include <span>

namespace steelpath {

/// Writes the choice probabilities of each option into `probabilities`.
void logit_probabilities(std::span<const double> lcos, double sigma, std::span<double> probabilities);

/// The option chosen with uniform draw u in (0, 1): the first whose
/// cumulative probability exceeds u (with sigma = 0: the cheapest).
[[nodiscard]] std::size_t logit_choose(std::span<const double> lcos, double sigma, double u);

} // namespace steelpath
