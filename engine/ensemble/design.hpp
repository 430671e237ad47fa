// The design of an ensemble: every member's lever setting, uncertainty sample
// and replicate. Members are numbered setting-major:
//
//   member = (setting x rows + sample) x replicates + replicate
//
// so the members of one lever setting are contiguous, and member m of every
// setting shares the same sample and agent draws (common random numbers: the
// difference between two settings is the policy, not sampling noise). Every
// sampled number is a pure function of (seed, sample, dimension), so a design
// is the same on any thread, rank or rerun.
#pragma once

#include "ensemble/sampling.hpp"
#include "input/ensemble_plan.hpp"
#include "sim/random_stream.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace steelpath::ensemble {

using input::LeverSetting;

/// Largest ensemble: member indices are 32-bit integers in the results file.
inline constexpr std::size_t kMaxMembers = 2147483647;

/// Where a member sits in the design: lever setting, uncertainty sample and replicate (0-based).
struct MemberId {
  /// index of the lever setting
  std::size_t setting = 0;
  /// index of the uncertainty sample (row of the design)
  std::size_t sample = 0;
  /// index of the replicate of the agents' own randomness
  std::size_t replicate = 0;
};

/// The design of an ensemble: its lever settings, sample rows and replicates, numbered setting-major.
class Design {
public:
  /// Throws InputError for a design too large for the random streams.
  Design(const input::EnsemblePlan& plan, std::uint64_t seed);

  /// Number of members: settings x rows x replicates.
  [[nodiscard]] std::size_t members() const { return settings_.size() * rows_ * replicates_; }
  [[nodiscard]] std::size_t rows() const { return rows_; } ///< uncertainty samples per setting
  /// Runs of the agents' own randomness per sample.
  [[nodiscard]] std::size_t replicates() const { return replicates_; }
  /// Number of uncertainties (dimensions of a sample).
  [[nodiscard]] std::size_t dims() const { return plan_.uncertainties.size(); }
  /// How the samples are drawn.
  [[nodiscard]] Sampling sampling() const { return sampling_; }
  /// The seed of every sample and random draw.
  [[nodiscard]] std::uint64_t seed() const { return seed_; }
  /// The lever settings, in member order.
  [[nodiscard]] const std::vector<LeverSetting>& settings() const { return settings_; }
  /// The plan the design was made from.
  [[nodiscard]] const input::EnsemblePlan& plan() const { return plan_; }
  /// The parameter path of each lever axis.
  [[nodiscard]] std::vector<std::string> axis_paths() const;
  /// The setting the paired metrics (emissions_avoided, abatement_cost,
  /// abatement_cost_levelized) are measured against
  /// (`ensemble.reference`, by label; the first by default).
  [[nodiscard]] std::size_t reference_setting() const { return reference_; }

  /// Member m's setting, sample and replicate. Precondition: m < members().
  [[nodiscard]] MemberId member(std::size_t m) const;
  /// The unit-hypercube coordinate and the sampled value (or factor, for
  /// `scale: true`) of dimension d in sample row r.
  [[nodiscard]] double unit(std::size_t r, std::size_t d) const { return unit_[r * dims() + d]; }
  /// The sampled value (or factor) of dimension d in sample row r.
  [[nodiscard]] double value(std::size_t r, std::size_t d) const { return value_[r * dims() + d]; }
  /// The sampled values (or factors) of sample row r, one per uncertainty.
  [[nodiscard]] std::span<const double> sample(std::size_t r) const {
    return std::span<const double>(value_).subspan(r * dims(), dims());
  }
  /// The key of member m's agent draws: (seed, sample, replicate); in a
  /// Saltelli design the base sample stands for the sample.
  [[nodiscard]] StreamKey stream_key(std::size_t m) const;

private:
  input::EnsemblePlan plan_;
  std::uint64_t seed_;
  Sampling sampling_;
  std::size_t rows_ = 1, replicates_ = 1, reference_ = 0;
  std::vector<LeverSetting> settings_;
  std::vector<double> unit_, value_; ///< [row][dim]
};

} // namespace steelpath::ensemble
