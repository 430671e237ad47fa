// Inverse cumulative distribution functions of the uncertainty distributions
// of a scenario's `uncertainties:` section (input/ensemble_spec.hpp): they turn
// a design coordinate p in (0, 1) (sampling.hpp) into a sampled value, in the
// unit of the parameter (or a dimensionless factor with `scale: true`).
#pragma once

#include "input/ensemble_spec.hpp"

namespace steelpath::ensemble {

/// The standard normal quantile Phi^-1(p) for p in (0, 1): Wichura's algorithm
/// AS 241 (PPND16, Appl. Statist. 37, 477-484, 1988), relative error about
/// 1e-16. Returns -inf at 0, +inf at 1 and NaN outside [0, 1].
[[nodiscard]] double standard_normal_quantile(double p);

/// The value of distribution `u` at cumulative probability p in (0, 1):
///   uniform     low + p (high - low)
///   normal      mean + sd Phi^-1(p)
///   triangular  low + sqrt(p (high - low)(mode - low)) below the mode's
///               probability (mode - low) / (high - low), else
///               high - sqrt((1 - p)(high - low)(high - mode))
///   lognormal   exp(mu + sigma Phi^-1(p))
///   discrete    values[i] for the smallest i whose cumulative normalised
///               weight (in the given order; equal weights if none) is >= p
/// Throws ModelError for p outside (0, 1), an unknown distribution, a missing
/// parameter or a discrete distribution without values or positive weight
/// (the input layer checks these first).
[[nodiscard]] double inverse_cdf(const input::Uncertainty& u, double p);

} // namespace steelpath::ensemble
