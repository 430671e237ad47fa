// The unit-hypercube design of an ensemble: for each design row and each
// uncertain dimension a number u in (0, 1), which the dimension's inverse CDF
// (distributions.hpp) turns into a sampled value.
//
//   monte_carlo      independent uniforms; row r does not depend on n, so a
//                    design can be extended by adding rows
//   latin_hypercube  each of the n strata [k/n, (k+1)/n) of every dimension
//                    holds exactly one row (McKay, Beckman & Conover 1979)
//   sobol            unscrambled Sobol points 1 .. n (sobol.hpp); the seed is
//                    not used: the design is the same for every seed
//   saltelli         Saltelli's design for first- and total-order Sobol
//                    sensitivity indices, SALib's layout without second-order
//                    terms: n base samples of dims + 2 rows each
//
// Every value is a pure function of (seed, row, dimension) and, for
// latin_hypercube, n: counter-based draws (sim/random_stream.hpp) keyed by
// StreamKey{seed, 0, 0}, entity = dimension, year = 0, extra = row (or the
// position of a Fisher-Yates step), never a sequential generator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace steelpath::ensemble {

/// How an ensemble's uncertainty samples are drawn (`ensemble.sampling`).
enum class Sampling { monte_carlo, latin_hypercube, sobol, saltelli };

/// Parses "monte_carlo", "latin_hypercube", "sobol", "saltelli"; nullopt otherwise.
[[nodiscard]] std::optional<Sampling> parse_sampling(std::string_view text);

/// The name parse_sampling reads.
[[nodiscard]] std::string_view to_string(Sampling sampling);

/// Rows of the design for n base samples in `dims` dimensions: n, or
/// n * (dims + 2) for saltelli.
[[nodiscard]] std::size_t design_rows(Sampling sampling, std::size_t n, std::size_t dims);

/// The design: u[row * dims + d] in (0, 1), strictly inside (never 0 or 1),
/// for design_rows(sampling, n, dims) rows.
///
/// saltelli: base sample j (0-based) is the Sobol point j + 1 in 2 * dims
/// dimensions, A_j its first dims coordinates and B_j its last dims; rows
/// j * (dims + 2) + b are, for b = 0 .. dims + 1, A_j, AB_j^(1) .. AB_j^(dims),
/// B_j, where AB^(i) is A with column i taken from B.
///
/// Throws ModelError for n == 0, dims == 0, more rows than 2^32 - 1, or more
/// Sobol dimensions than kSobolMaxDimensions (dims for sobol, 2 * dims for
/// saltelli).
[[nodiscard]] std::vector<double> unit_design(Sampling sampling, std::size_t n, std::size_t dims,
                                              std::uint64_t seed);

} // namespace steelpath::ensemble
