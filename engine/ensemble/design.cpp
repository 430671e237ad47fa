#include "ensemble/design.hpp"

#include "ensemble/distributions.hpp"
#include "input/quantity.hpp"
#include "model/errors.hpp"

#include <cmath>
#include <limits>

namespace steelpath::ensemble {

namespace {

std::string show_value(const input::SourceNode& v, std::size_t i, std::size_t n) {
  if (v.is_scalar()) return v.text();
  return "[value " + std::to_string(i + 1) + " of " + std::to_string(n) + "]";
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
  settings_ = enumerate_settings(spec);
  replicates_ = spec.replicates;
  const std::size_t d = dims();
  if (d > 0) {
    try { // sizes first: a design too large is refused before it is drawn
      rows_ = design_rows(sampling_, spec.samples, d);
      if (rows_ >= kMaxSamples)
        throw InputError("ensemble: " + std::to_string(rows_) + " samples per setting; at most " +
                         std::to_string(kMaxSamples - 1) + " fit the random streams");
      unit_ = unit_design(sampling_, spec.samples, d, seed);
    } catch (const ModelError& e) {
      throw InputError(std::string("ensemble: ") + e.what());
    }
    value_.resize(unit_.size());
    for (std::size_t r = 0; r < rows_; ++r)
      for (std::size_t k = 0; k < d; ++k)
        value_[r * d + k] = inverse_cdf(spec.uncertainties[k], unit_[r * d + k]);
  }
  if (replicates_ >= kMaxReplicates) throw InputError("ensemble.replicates: too many replicates");
  const double total =
      static_cast<double>(settings_.size()) * static_cast<double>(rows_) * static_cast<double>(replicates_);
  if (total > 4e9) throw InputError("ensemble: more than 4 billion members; split the design");
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
  // draws, so a one-setting ensemble reproduces a single run exactly.
  return StreamKey{seed_, static_cast<std::uint32_t>(id.sample), static_cast<std::uint32_t>(id.replicate)};
}

} // namespace steelpath::ensemble
