#include "ensemble/sampling.hpp"

#include "ensemble/sobol.hpp"
#include "model/errors.hpp"
#include "sim/random_stream.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <utility>

namespace steelpath::ensemble {
namespace {

constexpr std::array<std::pair<std::string_view, Sampling>, 4> kNames = {{
    {"monte_carlo", Sampling::monte_carlo},
    {"latin_hypercube", Sampling::latin_hypercube},
    {"sobol", Sampling::sobol},
    {"saltelli", Sampling::saltelli},
}};

constexpr std::size_t kMaxRows = std::numeric_limits<std::uint32_t>::max();

// Random123's u01 maps the largest 64-bit words to exactly 1.0 (it rounds),
// and an inverse CDF at 1 is +inf; keep every coordinate strictly inside.
double inside(double u) {
  if (u >= 1.0) return std::nextafter(1.0, 0.0);
  if (u <= 0.0) return std::nextafter(0.0, 1.0);
  return u;
}

std::uint32_t u32(std::size_t i) {
  return static_cast<std::uint32_t>(i);
}

void monte_carlo(std::vector<double>& u, std::size_t rows, std::size_t dims, const StreamKey& key) {
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t d = 0; d < dims; ++d)
      u[r * dims + d] = inside(uniform01(key, Purpose::uncertainty_sample, u32(d), 0, u32(r)));
}

void latin_hypercube(std::vector<double>& u, std::size_t n, std::size_t dims, const StreamKey& key) {
  const double dn = static_cast<double>(n);
  std::vector<std::uint32_t> perm(n);
  for (std::size_t d = 0; d < dims; ++d) {
    for (std::size_t i = 0; i < n; ++i)
      perm[i] = u32(i);
    // Fisher-Yates, step i swapping position i with a uniform j in 0..i; the
    // draw of step i is keyed by i, so the shuffle is a pure function of
    // (seed, d, n). min() guards against u01 returning exactly 1.
    for (std::size_t i = n - 1; i > 0; --i) {
      const double r = uniform01(key, Purpose::lhs_permutation, u32(d), 0, u32(i));
      const auto j = std::min(static_cast<std::size_t>(r * static_cast<double>(i + 1)), i);
      std::swap(perm[i], perm[j]);
    }
    for (std::size_t row = 0; row < n; ++row) {
      const double k = static_cast<double>(perm[row]);
      const double jitter = uniform01(key, Purpose::lhs_jitter, u32(d), 0, u32(row));
      // (k + jitter) / n can round up to the next stratum's edge (k + 1) / n
      // when jitter is within an ulp of 1; pull it back so each stratum
      // [k/n, (k+1)/n), computed the same way, holds exactly one row. It never
      // falls below k/n, and jitter > 0 keeps row 0's stratum above 0.
      double v = (k + jitter) / dn;
      const double hi = (k + 1.0) / dn;
      if (v >= hi) v = std::nextafter(hi, 0.0);
      u[row * dims + d] = inside(v);
    }
  }
}

void sobol(std::vector<double>& u, std::size_t n, std::size_t dims) {
  const SobolSequence seq(dims);
  // Point 0 is all zeros (an inverse CDF maps 0 to -inf), so row r is point
  // r + 1; every later point is strictly inside (0, 1).
  for (std::size_t r = 0; r < n; ++r)
    seq.point(r + 1, std::span<double>(u).subspan(r * dims, dims));
}

void saltelli(std::vector<double>& u, std::size_t n, std::size_t dims) {
  const SobolSequence seq(2 * dims);
  std::vector<double> ab(2 * dims);
  const std::size_t block = dims + 2;
  for (std::size_t j = 0; j < n; ++j) {
    seq.point(j + 1, ab);
    const double* a = ab.data();
    const double* b = ab.data() + dims;
    double* base = u.data() + j * block * dims;
    std::copy(a, a + dims, base); // A_j
    for (std::size_t i = 0; i < dims; ++i) {
      double* row = base + (1 + i) * dims; // AB_j^(i+1): A_j with column i from B_j
      std::copy(a, a + dims, row);
      row[i] = b[i];
    }
    std::copy(b, b + dims, base + (dims + 1) * dims); // B_j
  }
}

} // namespace

std::optional<Sampling> parse_sampling(std::string_view text) {
  for (const auto& [name, s] : kNames)
    if (name == text) return s;
  return std::nullopt;
}

std::string_view to_string(Sampling sampling) {
  for (const auto& [name, s] : kNames)
    if (s == sampling) return name;
  return "unknown";
}

std::size_t design_rows(Sampling sampling, std::size_t n, std::size_t dims) {
  if (sampling != Sampling::saltelli) return n;
  if (n > 0 && dims + 2 > std::numeric_limits<std::size_t>::max() / n)
    throw ModelError("saltelli design: " + std::to_string(n) + " samples x " + std::to_string(dims + 2) +
                     " rows each overflows");
  return n * (dims + 2);
}

std::vector<double> unit_design(Sampling sampling, std::size_t n, std::size_t dims, std::uint64_t seed) {
  const std::string what = std::string(to_string(sampling)) + " design: ";
  if (n == 0) throw ModelError(what + "expected at least 1 sample, found 0");
  if (dims == 0) throw ModelError(what + "expected at least 1 dimension, found 0");
  const std::size_t rows = design_rows(sampling, n, dims);
  // Rows and dimensions index Philox counters and Sobol points as 32-bit numbers.
  if (rows > kMaxRows || dims > kMaxRows)
    throw ModelError(what + "expected at most " + std::to_string(kMaxRows) + " rows, found " +
                     std::to_string(rows) + " rows in " + std::to_string(dims) + " dimensions");
  const std::size_t sobol_dims = sampling == Sampling::saltelli ? 2 * dims : dims;
  if ((sampling == Sampling::sobol || sampling == Sampling::saltelli) && sobol_dims > kSobolMaxDimensions)
    throw ModelError(
        what + "expected at most " +
        std::to_string(sampling == Sampling::saltelli ? kSobolMaxDimensions / 2 : kSobolMaxDimensions) +
        " dimensions, found " + std::to_string(dims));

  std::vector<double> u(rows * dims);
  const StreamKey key{seed, 0, 0};
  switch (sampling) {
  case Sampling::monte_carlo:
    monte_carlo(u, rows, dims, key);
    break;
  case Sampling::latin_hypercube:
    latin_hypercube(u, n, dims, key);
    break;
  case Sampling::sobol:
    sobol(u, n, dims);
    break;
  case Sampling::saltelli:
    saltelli(u, n, dims);
    break;
  }
  return u;
}

} // namespace steelpath::ensemble
