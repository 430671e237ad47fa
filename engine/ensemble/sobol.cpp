#include "ensemble/sobol.hpp"

#include "model/errors.hpp"

#include <bit>
#include <string>

namespace steelpath::ensemble {

SobolSequence::SobolSequence(std::size_t dims) : dims_(dims) {
  if (dims == 0 || dims > kSobolMaxDimensions)
    throw ModelError("Sobol sequence: expected 1 to " + std::to_string(kSobolMaxDimensions) +
                     " dimensions, found " + std::to_string(dims));
  directions_.assign(dims * kBits, 0);
  for (std::size_t d = 0; d < dims; ++d) {
    std::uint32_t* v = &directions_[d * kBits];
    const auto& row = detail::kSobolDirections[d];
    const std::size_t s = row.s;
    if (s == 0) {
      // Van der Corput: every m_k = 1, so v_k is the single bit 2^-k.
      for (std::size_t k = 0; k < kBits; ++k)
        v[k] = std::uint32_t{1} << (kBits - 1 - k);
      continue;
    }
    // v[k] holds m_(k+1) / 2^(k+1) as a 32-bit fraction.
    for (std::size_t k = 0; k < s && k < kBits; ++k)
      v[k] = row.m[k] << (kBits - 1 - k);
    // Bratley & Fox's recurrence on the scaled numbers (as in Joe & Kuo's
    // program): m_k = 2 a_1 m_(k-1) ^ ... ^ 2^(s-1) a_(s-1) m_(k-s+1)
    // ^ 2^s m_(k-s) ^ m_(k-s). Scaling by 2^-k turns each 2^j m_(k-j) into
    // v_(k-j) itself, and the last m_(k-s) into v_(k-s) >> s; the bits the
    // shift drops lie below 2^-32, beyond the precision kept.
    for (std::size_t k = s; k < kBits; ++k) {
      std::uint32_t x = v[k - s] ^ (v[k - s] >> s);
      for (std::size_t j = 1; j < s; ++j)
        if ((row.a >> (s - 1 - j)) & 1u) x ^= v[k - j];
      v[k] = x;
    }
  }
}

void SobolSequence::point(std::uint64_t index, std::span<double> out) const {
  if (index >= kSobolMaxPoints)
    throw ModelError("Sobol sequence: point index " + std::to_string(index) + " beyond the 2^32 points");
  if (out.size() < dims_)
    throw ModelError("Sobol sequence: output has " + std::to_string(out.size()) + " places for " +
                     std::to_string(dims_) + " dimensions");
  // Gray-code order: point i is the XOR of the direction numbers of the set
  // bits of gray(i) = i ^ (i >> 1). Successive points then differ in one
  // direction number, which is the order Joe & Kuo and scipy produce; using
  // gray(i) directly keeps each point a function of its index alone.
  const std::uint64_t gray = index ^ (index >> 1);
  constexpr double kScale = 1.0 / 4294967296.0; // 2^-32
  for (std::size_t d = 0; d < dims_; ++d) {
    const std::uint32_t* v = &directions_[d * kBits];
    std::uint32_t x = 0;
    for (std::uint64_t g = gray; g != 0; g &= g - 1)
      x ^= v[std::countr_zero(g)];
    out[d] = static_cast<double>(x) * kScale;
  }
}

} // namespace steelpath::ensemble
