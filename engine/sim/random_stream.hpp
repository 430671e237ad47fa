// Counter-based random draws (Random123's Philox4x32-10): every draw is a
// pure function of (seed, purpose, entity, year, extra), so results do not
// depend on the order in which draws are made, on threads or on MPI ranks,
// and two scenarios that differ only in a lever see the same draws (common
// random numbers). No generator state is shared or carried.
#pragma once

#include <Random123/philox.h>
#include <Random123/uniform.hpp>

#include <cstdint>

namespace steelpath {

/// What a draw is for; part of its key, so streams never overlap.
enum class Purpose : std::uint32_t {
  campaign_jitter = 1, ///< per unit: its campaign length offset
  choice = 2,          ///< per unit and year: the logit choice among options
  expansion = 3,       ///< per region and year: the route of a new unit
  // Ensemble designs (engine/ensemble/sampling.hpp): entity = dimension, extra = row.
  uncertainty_sample = 4, ///< Monte Carlo: one uniform per design row and dimension
  lhs_permutation = 5,    ///< Latin hypercube: the shuffle of strata in one dimension
  lhs_jitter = 6,         ///< Latin hypercube: the position inside a stratum
  fleet_timing = 7,       ///< per unit: its imputed relining year (year = Scenario::fleet_timing.draw)
  decision_order = 8,     ///< per unit and year: when it decides, and its place among equal build-out gains
};

/// Identifies one stream of draws: the scenario seed, and (for ensembles) the
/// sample and replicate of the member.
/// Packing into Philox's counter limits a member to sample < 2^20 and
/// replicate < 2^24 (kMaxSamples, kMaxReplicates); the ensemble design
/// refuses larger designs rather than letting streams collide.
struct StreamKey {
  /// the scenario's (or ensemble's) seed
  std::uint64_t seed = 1;
  /// the member's sample row (0 for a single run), < kMaxSamples
  std::uint32_t sample = 0;
  /// the member's replicate (0 for a single run), < kMaxReplicates
  std::uint32_t replicate = 0;
};
/// Largest sample row + 1 a stream key can hold (20 bits of Philox's counter).
inline constexpr std::uint32_t kMaxSamples = 1u << 20;
/// Largest replicate + 1 a stream key can hold (24 bits of Philox's counter).
inline constexpr std::uint32_t kMaxReplicates = 1u << 24;

/// Uniform draw in (0, 1) for (key, purpose, entity, year, extra).
inline double uniform01(const StreamKey& key, Purpose purpose, std::uint32_t entity, std::uint32_t year,
                        std::uint32_t extra = 0) {
  using Philox = r123::Philox4x32;
  const Philox::key_type k = {
      {static_cast<std::uint32_t>(key.seed), static_cast<std::uint32_t>(key.seed >> 32)}};
  const Philox::ctr_type c = {
      {static_cast<std::uint32_t>(purpose) ^ (key.replicate << 8), entity, year ^ (key.sample << 12), extra}};
  const Philox::ctr_type r = Philox()(c, k);
  return r123::u01<double>(static_cast<std::uint64_t>(r[0]) << 32 | r[1]);
}

} // namespace steelpath
