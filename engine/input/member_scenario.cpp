#include "input/member_scenario.hpp"

#include "input/diagnostics.hpp"
#include "input/parameter_paths.hpp"
#include "input/parameter_slot.hpp"
#include "input/quantity.hpp"
#include "input/scenario_builder.hpp"
#include "input/scenario_validator.hpp"
#include "model/errors.hpp"

#include <cmath>
#include <mutex>

namespace steelpath::input {

namespace {

const SourceNode* find_path(const SourceNode& doc, const std::vector<std::string>& parts, std::size_t n) {
  const SourceNode* node = &doc;
  for (std::size_t i = 0; i < n && node; ++i)
    node = node->is_map() ? node->find(parts[i]) : nullptr;
  return node;
}

// The value `factor` x (the value at `path` in `doc`), ready for apply_override.
SourceNode scaled_value(const SourceNode& doc, const std::string& path, double factor) {
  std::string why;
  const auto target = resolve_parameter(doc, path, why);
  if (!target) throw InputError(path + ": " + why);
  const auto parts = split_path(path);
  const bool point = target->year || !target->series_part.empty();
  const SourceNode* node = find_path(doc, parts, parts.size() - (point ? 1 : 0));
  if (!node) throw InputError(path + ": scale: true needs a value in the scenario to scale, found none");
  SourceNode value = *node;
  if (point) { // a constant series scales as a whole; a written point scales alone
    if (node->is_map()) {
      const SourceNode* p = node->find(parts.back());
      if (!p)
        throw InputError(path + ": scale: true needs the value written at " + parts.back() +
                         " (the series has no such point)");
      value = *p;
    }
  }
  if (!scale_node(value, factor))
    throw InputError(path + ": scale: true needs a number or series, found a non-numeric value");
  return value;
}

} // namespace

std::vector<std::string> ensemble_problems(const LoadedScenario& loaded,
                                           const std::vector<std::string>& overrides) {
  std::vector<std::string> out;
  for (const auto& u : loaded.ensemble.uncertainties) {
    if (!u.scale) continue;
    try {
      (void)scaled_value(loaded.resolved, u.path, 1.0);
    } catch (const InputError& e) {
      out.push_back("uncertainties." + std::string(e.what()));
    }
  }
  std::vector<std::string> varied;
  for (const auto& a : loaded.ensemble.axes)
    varied.push_back(a.path);
  for (const auto& p : loaded.ensemble.packages)
    for (const auto& [path, _] : p.settings)
      varied.push_back(path);
  for (const auto& u : loaded.ensemble.uncertainties)
    if (!u.scale) varied.push_back(u.path); // a scaled value may be --set: the sample scales it
  auto inside = [](const std::string& a, const std::string& b) { // a is b or lies inside it
    return a.compare(0, b.size(), b) == 0 && (a.size() == b.size() || a[b.size()] == '.');
  };
  for (const auto& o : overrides) {
    const std::string path = o.substr(0, o.find('='));
    for (const auto& v : varied)
      if (inside(path, v) || inside(v, path)) {
        out.push_back("--set " + path + ": the levers or uncertainties set " + v +
                      " for every member, so this value would be overridden; change the lever or "
                      "uncertainty instead");
        break;
      }
  }
  return out;
}

SourceNode sample_node(double v) {
  return SourceNode::make_scalar(format_double(v), kSampleOrigin);
}

bool scale_node(SourceNode& node, double factor) {
  if (node.is_scalar()) {
    const auto v = plain_number(node);
    if (!v) return false;
    node = SourceNode::make_scalar(format_double(*v * factor), node.origin());
    return true;
  }
  if (!node.is_map()) return false;
  if (SourceNode* base = node.find("base_value")) return scale_node(*base, factor); // a growth series
  for (auto& e : node.entries())
    if (!scale_node(e.value, factor)) return false;
  return true;
}

/// A lever setting, resolved once: its document, Scenario and the slots of
/// the uncertainties in it.
struct ScenarioFactory::Setting {
  std::once_flag once;
  bool patched = false; ///< members are patched in place (else built through the document)
  DocumentFacts facts;
  Scenario scenario;
  std::vector<ParameterSlot> slots; ///< one per uncertainty (when patched)
};

ScenarioFactory::ScenarioFactory(const LoadedScenario& base)
    : resolved_(base.resolved), spec_(base.ensemble), plan_(ensemble_plan(base.ensemble)),
      units_(base.scenario.units), horizon_(base.scenario.horizon),
      technologies_(base.scenario.technologies.size()), regions_(base.scenario.regions.size()),
      companies_(base.scenario.companies.size()), contracts_(base.scenario.policy.offtakes.size()) {
  const double n = plan_.setting_count();
  settings_.resize(n > 0 && n < 1e9 ? static_cast<std::size_t>(n) : 0);
  for (auto& s : settings_)
    s = std::make_unique<Setting>();
}

ScenarioFactory::~ScenarioFactory() = default;

std::string ScenarioFactory::shape_difference(const Scenario& s) const {
  auto differs = [](const char* what, std::size_t a, std::size_t b) {
    return std::string(what) + " " + std::to_string(a) + " instead of " + std::to_string(b);
  };
  if (s.horizon.first_year != horizon_.first_year || s.horizon.last_year != horizon_.last_year)
    return "years " + std::to_string(s.horizon.first_year) + "-" + std::to_string(s.horizon.last_year) +
           " instead of " + std::to_string(horizon_.first_year) + "-" + std::to_string(horizon_.last_year);
  if (s.technologies.size() != technologies_)
    return differs("technologies", s.technologies.size(), technologies_);
  if (s.regions.size() != regions_) return differs("regions", s.regions.size(), regions_);
  if (s.companies.size() != companies_) return differs("companies", s.companies.size(), companies_);
  if (s.policy.offtakes.size() != contracts_)
    return differs("contracts", s.policy.offtakes.size(), contracts_);
  return {};
}

SourceNode ScenarioFactory::lever_document(std::size_t setting) const {
  SourceNode doc = resolved_;
  std::string why;
  auto set = [&](const std::string& path, const SourceNode& value) {
    if (!apply_override(doc, path, value, why)) throw InputError(path + ": " + why);
  };
  for (std::size_t a = 0; a < spec_.axes.size(); ++a)
    set(spec_.axes[a].path, spec_.axes[a].values[plan_.value_of(setting, a)]);
  if (!spec_.packages.empty())
    for (const auto& [path, value] : spec_.packages[plan_.package_of(setting)].settings)
      set(path, value);
  return doc;
}

Scenario ScenarioFactory::make_from_document(std::size_t setting, std::span<const double> sample) const {
  SourceNode doc = lever_document(setting);
  std::string why;
  for (std::size_t k = 0; k < spec_.uncertainties.size(); ++k) {
    const Uncertainty& u = spec_.uncertainties[k];
    const double number = k < sample.size() ? sample[k] : 0.0;
    const SourceNode value = u.scale ? scaled_value(doc, u.path, number) : sample_node(number);
    if (!std::isfinite(number)) throw InputError(u.path + ": the sampled value is not finite");
    if (!apply_override(doc, u.path, value, why)) throw InputError(u.path + ": " + why);
  }
  Diagnostics diag;
  const SourceNode resolved = validate_document(doc, diag);
  if (!diag.empty()) {
    // Member settings have no file position: name the key and the value.
    std::string msg;
    for (const auto& d : diag.items())
      msg += (msg.empty() ? "" : "; ") + d.path + ": " + d.message;
    throw InputError(msg);
  }
  Scenario s = build_scenario(resolved);
  s.units = units_;
  const auto problems = check_consistency(s);
  if (!problems.empty()) throw InputError(problems.front());
  return s;
}

const ScenarioFactory::Setting& ScenarioFactory::setting(std::size_t index) const {
  Setting& st = *settings_.at(index);
  std::call_once(st.once, [&] {
    try {
      Diagnostics diag;
      const SourceNode resolved = validate_document(lever_document(index), diag);
      if (!diag.empty()) return; // every member fails, as make_from_document says
      st.facts = collect_facts(resolved);
      st.scenario = build_scenario(resolved);
      st.scenario.units = units_;
      std::vector<std::string> written;
      for (const Uncertainty& u : spec_.uncertainties) {
        auto slot = ParameterSlot::resolve(u.path, u.scale, resolved, st.facts, st.scenario);
        if (!slot) return;
        written.insert(written.end(), slot->written().begin(), slot->written().end());
        st.slots.push_back(std::move(*slot));
      }
      // Two slots writing into one another (a series and one of its points,
      // a value and its follower) would need the document's order of writes.
      auto inside = [](const std::string& a, const std::string& b) {
        return a.compare(0, b.size(), b) == 0 && (a.size() == b.size() || a[b.size()] == '.');
      };
      for (std::size_t i = 0; i < written.size(); ++i)
        for (std::size_t j = 0; j < written.size(); ++j)
          if (i != j && inside(written[i], written[j])) return;
      st.patched = true;
    } catch (const InputError&) {
      st.patched = false; // the document route reports it for each member
    }
  });
  return st;
}

bool ScenarioFactory::patched(std::size_t s) const {
  return setting(s).patched;
}

Scenario ScenarioFactory::make(std::size_t index, std::span<const double> sample) const {
  const Setting& st = setting(index);
  if (!st.patched || sample.size() != st.slots.size()) return make_from_document(index, sample);
  Scenario s = st.scenario;
  for (std::size_t k = 0; k < st.slots.size(); ++k)
    if (!st.slots[k].apply(s, sample[k])) return make_from_document(index, sample); // names the problem
  const auto problems = check_consistency(s);
  if (!problems.empty()) throw InputError(problems.front());
  return s;
}

} // namespace steelpath::input
