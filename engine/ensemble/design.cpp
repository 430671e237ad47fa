#include "ensemble/design.hpp"

#include "ensemble/distributions.hpp"
#include "model/errors.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace steelpath::ensemble {

namespace {

std::string format_count(double n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", n);
  return buf;
}

} // namespace

Design::Design(const input::EnsemblePlan& plan, std::uint64_t seed) : plan_(plan), seed_(seed) {
  const auto sampling = parse_sampling(plan.sampling);
  if (!sampling) throw InputError("ensemble.sampling: unknown method '" + plan.sampling + "'");
  sampling_ = *sampling;
  replicates_ = plan.replicates;
  if (replicates_ == 0 || replicates_ >= kMaxReplicates)
    throw InputError("ensemble.replicates: expected 1 .. " + std::to_string(kMaxReplicates - 1));
  const std::size_t d = dims();
  try { // sizes first: a design too large is refused before anything is drawn or listed
    if (d > 0) rows_ = design_rows(sampling_, plan.samples, d);
  } catch (const ModelError& e) {
    throw InputError(std::string("ensemble: ") + e.what());
  }
  if (rows_ >= kMaxSamples)
    throw InputError("ensemble: " + std::to_string(rows_) + " samples per lever setting; at most " +
                     std::to_string(kMaxSamples - 1) + " fit the random streams");
  const double settings = plan.setting_count();
  // Member indices are stored as 32-bit integers in the results file.
  const double total = settings * static_cast<double>(rows_) * static_cast<double>(replicates_);
  if (total > static_cast<double>(kMaxMembers))
    throw InputError(
        "ensemble: " + format_count(total) + " members (lever settings x samples x replicates); at most " +
        std::to_string(kMaxMembers) + " fit one results file: split the levers into several scenarios");
  for (std::size_t s = 0; s < static_cast<std::size_t>(settings); ++s)
    settings_.push_back(plan.setting(s));
  if (!plan.reference.empty()) {
    std::string labels;
    std::size_t matches = 0;
    for (std::size_t i = 0; i < settings_.size(); ++i) {
      if (settings_[i].label == plan.reference && matches++ == 0) reference_ = i;
      labels += "\n  " + settings_[i].label;
    }
    if (matches == 0)
      throw InputError(plan.reference_origin + ": error: ensemble.reference: no lever setting is labelled '" +
                       plan.reference + "'; expected one of:" + labels);
    // Two settings can share a label when a lever lists a value twice.
    if (matches > 1)
      throw InputError(plan.reference_origin + ": error: ensemble.reference: " + std::to_string(matches) +
                       " lever settings are labelled '" + plan.reference +
                       "': a lever lists the same value twice; remove the repeat");
  }
  if (d > 0) {
    try {
      unit_ = unit_design(sampling_, plan.samples, d, seed);
      value_.resize(unit_.size());
      for (std::size_t r = 0; r < rows_; ++r)
        for (std::size_t k = 0; k < d; ++k)
          value_[r * d + k] = inverse_cdf(plan.uncertainties[k], unit_[r * d + k]);
    } catch (const ModelError& e) {
      throw InputError(std::string("ensemble: ") + e.what());
    }
  }
}

std::vector<std::string> Design::axis_paths() const {
  std::vector<std::string> p;
  for (const auto& a : plan_.axes)
    p.push_back(a.path);
  return p;
}

MemberId Design::member(std::size_t m) const {
  MemberId id;
  id.replicate = m % replicates_;
  id.sample = (m / replicates_) % rows_;
  id.setting = m / (replicates_ * rows_);
  return id;
}

StreamKey Design::stream_key(std::size_t m) const {
  const MemberId id = member(m);
  // Without uncertainties or replicates every member keeps the scenario's own
  // draws, so a one-setting ensemble reproduces a single run exactly. In a
  // Saltelli design the rows of one base sample (A, AB_1 .. AB_D, B) share
  // the agents' draws, so the indices measure the inputs, not agent noise.
  const std::size_t key_sample = sampling_ == Sampling::saltelli ? id.sample / (dims() + 2) : id.sample;
  return StreamKey{seed_, static_cast<std::uint32_t>(key_sample), static_cast<std::uint32_t>(id.replicate)};
}

} // namespace steelpath::ensemble
