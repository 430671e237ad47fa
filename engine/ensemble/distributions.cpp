#include "ensemble/distributions.hpp"

#include "model/errors.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace steelpath::ensemble {
namespace {

// Horner evaluation of c[0] + c[1] r + ... + c[7] r^7.
double poly7(const double (&c)[8], double r) {
  double s = c[7];
  for (int i = 6; i >= 0; --i)
    s = s * r + c[i];
  return s;
}

// AS 241's coefficients, as printed in the paper (PPND16).
// Central region |p - 0.5| <= 0.425: q * A(r) / B(r) with r = 0.180625 - q^2.
constexpr double kA[8] = {3.3871328727963666080e0,  1.3314166789178437745e+2, 1.9715909503065514427e+3,
                          1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
                          3.3430575583588128105e+4, 2.5090809287301226727e+3};
constexpr double kB[8] = {1.0,
                          4.2313330701600911252e+1,
                          6.8718700749205790830e+2,
                          5.3941960214247511077e+3,
                          2.1213794301586595867e+4,
                          3.9307895800092710610e+4,
                          2.8729085735721942674e+4,
                          5.2264952788528545610e+3};
// Intermediate tails, r = sqrt(-log(min(p, 1 - p))) <= 5: C(r - 1.6) / D(r - 1.6).
constexpr double kC[8] = {1.42343711074968357734e0,  4.63033784615654529590e0, 5.76949722146069140550e0,
                          3.64784832476320460504e0,  1.27045825245236838258e0, 2.41780725177450611770e-1,
                          2.27238449892691845833e-2, 7.74545014278341407640e-4};
constexpr double kD[8] = {1.0,
                          2.05319162663775882187e0,
                          1.67638483018380384940e0,
                          6.89767334985100004550e-1,
                          1.48103976427480074590e-1,
                          1.51986665636164571966e-2,
                          5.47593808499534494600e-4,
                          1.05075007164441684324e-9};
// Far tails, r > 5 (p below about 1.4e-11): E(r - 5) / F(r - 5).
constexpr double kE[8] = {6.65790464350110377720e0,  5.46378491116411436990e0,  1.78482653991729133580e0,
                          2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
                          2.71155556874348757815e-5, 2.01033439929228813265e-7};
constexpr double kF[8] = {1.0,
                          5.99832206555887937690e-1,
                          1.36929880922735805310e-1,
                          1.48753612908506148525e-2,
                          7.86869131145613259100e-4,
                          1.84631831751005468180e-5,
                          1.42151175831644588870e-7,
                          2.04426310338993978564e-15};

double param(const input::Uncertainty& u, const char* name) {
  const auto it = u.params.find(name);
  if (it == u.params.end())
    throw ModelError("uncertainty " + u.path + ": missing parameter '" + name + "' of a " + u.distribution +
                     " distribution");
  return it->second;
}

double discrete(const input::Uncertainty& u, double p) {
  if (u.values.empty())
    throw ModelError("uncertainty " + u.path + ": a discrete distribution without values");
  const bool equal = u.weights.empty();
  if (!equal && u.weights.size() != u.values.size())
    throw ModelError("uncertainty " + u.path + ": expected as many weights as values");
  const auto weight = [&](std::size_t i) { return equal ? 1.0 : u.weights[i]; };
  double total = 0;
  std::size_t last = u.values.size(); // the last value with positive weight
  for (std::size_t i = 0; i < u.values.size(); ++i) {
    total += weight(i);
    if (weight(i) > 0) last = i;
  }
  if (!(total > 0) || last == u.values.size())
    throw ModelError("uncertainty " + u.path + ": a discrete distribution without positive weight");
  double cum = 0;
  for (std::size_t i = 0; i <= last; ++i) {
    cum += weight(i);
    // A zero-weight value never wins: its cumulative weight equals its
    // predecessor's, which is met first (or is 0 < p for the first value).
    if (weight(i) > 0 && cum / total >= p) return u.values[i];
  }
  // Rounding can leave the last cumulative weight a hair below 1.
  return u.values[last];
}

} // namespace

double standard_normal_quantile(double p) {
  if (std::isnan(p) || p < 0.0 || p > 1.0) return std::numeric_limits<double>::quiet_NaN();
  if (p == 0.0) return -std::numeric_limits<double>::infinity();
  if (p == 1.0) return std::numeric_limits<double>::infinity();
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * poly7(kA, r) / poly7(kB, r);
  }
  // The tail on p's side; 1 - p is exact for p >= 0.5 (Sterbenz), so the
  // upper tail is as accurate as 1 - p lets it be.
  double r = std::sqrt(-std::log(q < 0 ? p : 1.0 - p));
  double z;
  if (r <= 5.0) {
    r -= 1.6;
    z = poly7(kC, r) / poly7(kD, r);
  } else {
    r -= 5.0;
    z = poly7(kE, r) / poly7(kF, r);
  }
  return q < 0 ? -z : z;
}

double inverse_cdf(const input::Uncertainty& u, double p) {
  if (!(p > 0.0 && p < 1.0))
    throw ModelError("uncertainty " + u.path + ": expected a probability in (0, 1), found " +
                     std::to_string(p));
  const std::string& d = u.distribution;
  if (d == "uniform") {
    const double low = param(u, "low");
    return low + p * (param(u, "high") - low);
  }
  if (d == "normal") return param(u, "mean") + param(u, "sd") * standard_normal_quantile(p);
  if (d == "triangular") {
    const double low = param(u, "low"), mode = param(u, "mode"), high = param(u, "high");
    const double width = high - low;
    // The CDF is quadratic on each side of the mode; invert the side p is on.
    if (p * width < mode - low) return low + std::sqrt(p * width * (mode - low));
    return high - std::sqrt((1.0 - p) * width * (high - mode));
  }
  if (d == "lognormal") return std::exp(param(u, "mu") + param(u, "sigma") * standard_normal_quantile(p));
  if (d == "discrete") return discrete(u, p);
  throw ModelError("uncertainty " + u.path + ": unknown distribution '" + d +
                   "', expected uniform, normal, triangular, lognormal or discrete");
}

} // namespace steelpath::ensemble
