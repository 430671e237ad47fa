#include "input/ensemble_plan.hpp"

#include "input/quantity.hpp"
#include "input/yaml_emit.hpp"

#include <limits>

namespace steelpath::input {

namespace {

std::string show_value(const SourceNode& v, std::size_t i, std::size_t n) {
  if (v.is_scalar()) return v.text();
  return "[value " + std::to_string(i + 1) + " of " + std::to_string(n) + "]";
}

// A series as one line of YAML flow style ("{2025: 10, 2040: 200}").
std::string axis_text(const SourceNode& v) {
  if (v.is_scalar()) return v.text();
  std::string s = emit_yaml(v);
  while (!s.empty() && s.back() == '\n')
    s.pop_back();
  return s;
}

double axis_number(const SourceNode& v) {
  const auto x = v.is_scalar() ? plain_number(v) : std::nullopt;
  return x ? *x : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

double EnsemblePlan::setting_count() const {
  double n = packages.empty() ? 1.0 : static_cast<double>(packages.size());
  for (const auto& a : axes)
    n *= static_cast<double>(a.values.size());
  return n;
}

std::size_t EnsemblePlan::package_of(std::size_t s) const {
  std::size_t per_package = 1;
  for (const auto& a : axes)
    per_package *= a.values.size();
  return s / per_package;
}

std::size_t EnsemblePlan::value_of(std::size_t s, std::size_t a) const {
  std::size_t stride = 1;
  for (std::size_t b = a + 1; b < axes.size(); ++b)
    stride *= axes[b].values.size();
  return (s / stride) % axes[a].values.size();
}

LeverSetting EnsemblePlan::setting(std::size_t s) const {
  LeverSetting out;
  for (std::size_t a = 0; a < axes.size(); ++a) {
    const std::size_t v = value_of(s, a);
    out.axis_values.push_back(axes[a].values[v]);
    out.axis_texts.push_back(axes[a].texts[v]);
    out.label += (out.label.empty() ? "" : ", ") + axes[a].path + "=" + axes[a].labels[v];
  }
  if (!packages.empty()) {
    out.package = packages[package_of(s)];
    if (!out.package.empty())
      out.label += (out.label.empty() ? "" : ", ") + std::string("package=") + out.package;
  }
  if (out.label.empty()) out.label = "base";
  return out;
}

EnsemblePlan ensemble_plan(const EnsembleSpec& spec) {
  EnsemblePlan plan;
  for (const auto& a : spec.axes) {
    LeverAxisPlan axis;
    axis.path = a.path;
    for (std::size_t i = 0; i < a.values.size(); ++i) {
      axis.values.push_back(axis_number(a.values[i]));
      axis.texts.push_back(axis_text(a.values[i]));
      axis.labels.push_back(show_value(a.values[i], i, a.values.size()));
    }
    plan.axes.push_back(std::move(axis));
  }
  for (const auto& p : spec.packages)
    plan.packages.push_back(p.name);
  plan.uncertainties = spec.uncertainties;
  static_cast<EnsembleSettings&>(plan) = spec;
  return plan;
}

} // namespace steelpath::input
