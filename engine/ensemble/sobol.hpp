// The unscrambled Sobol low-discrepancy sequence with Joe & Kuo's direction
// numbers (new-joe-kuo-6.21201), in Gray-code order: the same points, in the
// same order, as Joe & Kuo's reference program and as
// scipy.stats.qmc.Sobol(d, scramble=False). Dimension 1 is the van der Corput
// sequence 0, 1/2, 3/4, 1/4, 3/8, ...
//
// Every point is a pure function of its index (no generator state), computed
// with 32-bit direction numbers: coordinates are multiples of 2^-32 in [0, 1).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace steelpath::ensemble {

/// Dimensions the direction-number table covers (sobol_directions.cpp).
inline constexpr std::size_t kSobolMaxDimensions = 1024;
/// Points per dimension before the 32-bit sequence repeats: indices 0 .. 2^32 - 1.
inline constexpr std::uint64_t kSobolMaxPoints = std::uint64_t{1} << 32;

/// The unscrambled Sobol sequence (Joe & Kuo directions), each point a pure function of its index.
class SobolSequence {
public:
  /// The first `dims` dimensions. Throws ModelError unless 1 <= dims <= kSobolMaxDimensions.
  explicit SobolSequence(std::size_t dims);

  /// Number of dimensions of a point.
  [[nodiscard]] std::size_t dims() const { return dims_; }

  /// Point `index` (0-based; point 0 is all zeros) into out[0 .. dims). Each
  /// coordinate is in [0, 1); for index >= 1 it is strictly inside (0, 1).
  /// Throws ModelError if index >= kSobolMaxPoints or out.size() < dims().
  void point(std::uint64_t index, std::span<double> out) const;

private:
  static constexpr std::size_t kBits = 32;
  std::size_t dims_;
  std::vector<std::uint32_t> directions_; ///< [dim][bit]: v_k = m_k * 2^(32 - k), k = 1..32
};

namespace detail {

/// Largest degree s among the first kSobolMaxDimensions primitive polynomials.
inline constexpr std::size_t kSobolMaxDegree = 13;

/// One line of new-joe-kuo-6.21201: the degree s of the primitive polynomial,
/// its inner coefficients a (bits a_1 .. a_(s-1), a_1 most significant) and
/// the initial direction numbers m_1 .. m_s (odd, m_i < 2^i; the rest zero).
struct SobolDirectionRow {
  /// degree s of the primitive polynomial
  std::uint32_t s;
  /// its inner coefficients a_1 .. a_(s-1), a_1 the most significant bit
  std::uint32_t a;
  /// the initial direction numbers m_1 .. m_s (the rest zero)
  std::array<std::uint32_t, kSobolMaxDegree> m;
};

/// Row d - 1 describes dimension d; row 0 (van der Corput) has s = 0.
extern const std::array<SobolDirectionRow, kSobolMaxDimensions> kSobolDirections;

} // namespace detail

} // namespace steelpath::ensemble
