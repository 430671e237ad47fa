#include "ensemble/design.hpp"

#include "ensemble/distributions.hpp"
#include "input/quantity.hpp"
#include "input/yaml_emit.hpp"
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

std::string show_value(const input::SourceNode& v, std::size_t i, std::size_t n) {
  if (v.is_scalar()) return v.text();
  return "[value " + std::to_string(i + 1) + " of " + std::to_string(n) + "]";
}

// A series as one line of YAML flow style ("{2025: 10, 2040: 200}").
std::string axis_text(const input::SourceNode& v) {
  if (v.is_scalar()) return v.text();
  std::string s = input::emit_yaml(v);
  while (!s.empty() && s.back() == '\n')
    s.pop_back();
  return s;
}

double axis_number(const input::SourceNode& v) {
  const auto x = v.is_scalar() ? input::plain_number(v) : std::nullopt;
  return x ? *x : std::numeric_limits<double>::quiet_NaN();
}

// Full factorial of the axes (the first axis varies slowest), inside each
// package; one empty setting when there are no levers.
std::vector<LeverSetting> enumerate_settings(const input::EnsembleSpec& spec) {
  std::vector<LeverSetting> out;
  std::vector<input::LeverPackage> packages = spec.packages;
  if (packages.empty()) packages.push_back({});
  for (const auto& p : packages) {
    std::vector<std::size_t> at(spec.axes.size(), 0);
    while (true) {
      LeverSetting s;
      s.package = p.name;
      for (std::size_t a = 0; a < spec.axes.size(); ++a) {
        const auto& axis = spec.axes[a];
        const auto& v = axis.values[at[a]];
        s.values.emplace_back(axis.path, v);
        s.axis_values.push_back(axis_number(v));
        s.axis_texts.push_back(axis_text(v));
        s.label += (s.label.empty() ? "" : ", ") + axis.path + "=" + show_value(v, at[a], axis.values.size());
      }
      for (const auto& kv : p.settings)
        s.values.push_back(kv);
      if (!p.name.empty()) s.label += (s.label.empty() ? "" : ", ") + std::string("package=") + p.name;
      if (s.label.empty()) s.label = "base";
      out.push_back(std::move(s));
      std::size_t a = spec.axes.size();
      while (a > 0 && ++at[a - 1] == spec.axes[a - 1].values.size())
        at[--a] = 0;
      if (a == 0) break;
    }
  }
  return out;
}

} // namespace

Design::Design(const input::EnsembleSpec& spec, std::uint64_t seed) : spec_(spec), seed_(seed) {
  const auto sampling = parse_sampling(spec.sampling);
  if (!sampling) throw InputError("ensemble.sampling: unknown method '" + spec.sampling + "'");
  sampling_ = *sampling;
  replicates_ = spec.replicates;
  if (replicates_ == 0 || replicates_ >= kMaxReplicates)
    throw InputError("ensemble.replicates: expected 1 .. " + std::to_string(kMaxReplicates - 1));
  const std::size_t d = dims();
  try { // sizes first: a design too large is refused before anything is drawn or listed
    if (d > 0) rows_ = design_rows(sampling_, spec.samples, d);
  } catch (const ModelError& e) {
    throw InputError(std::string("ensemble: ") + e.what());
  }
  if (rows_ >= kMaxSamples)
    throw InputError("ensemble: " + std::to_string(rows_) + " samples per lever setting; at most " +
                     std::to_string(kMaxSamples - 1) + " fit the random streams");
  double settings = spec.packages.empty() ? 1.0 : static_cast<double>(spec.packages.size());
  for (const auto& a : spec.axes)
    settings *= static_cast<double>(a.values.size());
  // Member indices are stored as 32-bit integers in the results file.
  const double total = settings * static_cast<double>(rows_) * static_cast<double>(replicates_);
  if (total > static_cast<double>(kMaxMembers))
    throw InputError(
        "ensemble: " + format_count(total) + " members (lever settings x samples x replicates); at most " +
        std::to_string(kMaxMembers) + " fit one results file: split the levers into several scenarios");
  settings_ = enumerate_settings(spec);
  if (!spec.reference.empty()) {
    std::string labels;
    std::size_t matches = 0;
    for (std::size_t i = 0; i < settings_.size(); ++i) {
      if (settings_[i].label == spec.reference && matches++ == 0) reference_ = i;
      labels += "\n  " + settings_[i].label;
    }
    if (matches == 0)
      throw InputError(spec.reference_origin + ": error: ensemble.reference: no lever setting is labelled '" +
                       spec.reference + "'; expected one of:" + labels);
    // Two settings can share a label when a lever lists a value twice.
    if (matches > 1)
      throw InputError(spec.reference_origin + ": error: ensemble.reference: " + std::to_string(matches) +
                       " lever settings are labelled '" + spec.reference +
                       "': a lever lists the same value twice; remove the repeat");
  }
  if (d > 0) {
    try {
      unit_ = unit_design(sampling_, spec.samples, d, seed);
      value_.resize(unit_.size());
      for (std::size_t r = 0; r < rows_; ++r)
        for (std::size_t k = 0; k < d; ++k)
          value_[r * d + k] = inverse_cdf(spec.uncertainties[k], unit_[r * d + k]);
    } catch (const ModelError& e) {
      throw InputError(std::string("ensemble: ") + e.what());
    }
  }
}

std::vector<std::string> Design::axis_paths() const {
  std::vector<std::string> p;
  for (const auto& a : spec_.axes)
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

std::vector<input::ParameterSetting> Design::parameters(std::size_t m) const {
  const MemberId id = member(m);
  std::vector<input::ParameterSetting> out;
  for (const auto& [path, value] : settings_.at(id.setting).values)
    out.push_back({path, value, 0.0, false});
  for (std::size_t k = 0; k < dims(); ++k) {
    const auto& u = spec_.uncertainties[k];
    out.push_back({u.path, {}, value(id.sample, k), u.scale});
  }
  return out;
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
