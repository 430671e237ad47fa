#include "input/parameter_slot.hpp"

#include "input/diagnostics.hpp"
#include "input/member_scenario.hpp"
#include "input/parameter_paths.hpp"
#include "input/quantity.hpp"
#include "input/series_validator.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace steelpath::input {

namespace {

bool is_leaf(SpecKind k) {
  return k == SpecKind::number || k == SpecKind::integer || k == SpecKind::series;
}

// Whether the binding reaches a field in `s` (the object holding it exists).
bool reaches(const Binding& b, const Scenario& s, const EntryIndex& i) {
  auto& m = const_cast<Scenario&>(s); // the accessors only compute an address here
  if (b.number) return b.number(m, i) != nullptr;
  if (b.integer) return b.integer(m, i) != nullptr;
  if (b.count) return b.count(m, i) != nullptr;
  if (b.series) return b.series(m, i) != nullptr;
  if (b.optional_series) return b.optional_series(m, i) != nullptr;
  return false;
}

} // namespace

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1)
    parts.push_back(path.substr(start, dot - start));
  parts.push_back(path.substr(start));
  return parts;
}

std::optional<FormatLeaf> find_leaf(const std::vector<std::string>& parts, const Scenario& s) {
  FormatLeaf leaf;
  const Spec* spec = &scenario_spec();
  std::size_t i = 0;
  for (; i < parts.size() && !is_leaf(spec->kind); ++i) {
    const std::string& key = parts[i];
    leaf.parent = spec->kind == SpecKind::record ? spec : nullptr;
    if (spec->kind == SpecKind::record) {
      spec = spec->field(key);
    } else if ((spec->kind == SpecKind::map_of || spec->kind == SpecKind::ref_map) && spec->index) {
      const auto k = entry_index(s, spec->index, key);
      if (!k) return std::nullopt;
      leaf.index.*(spec->index) = *k;
      if (spec->entry_name == "commodity") leaf.commodity = key;
      spec = &spec->entry.front();
    } else {
      return std::nullopt;
    }
    if (!spec) return std::nullopt;
  }
  if (!is_leaf(spec->kind)) return std::nullopt;
  leaf.spec = spec;
  leaf.parts_used = i;
  return leaf;
}

std::optional<ParameterSlot> ParameterSlot::resolve(const std::string& path, bool scale,
                                                    const SourceNode& doc, const DocumentFacts& facts,
                                                    const Scenario& s) {
  std::string why;
  const auto target = resolve_parameter(doc, path, why);
  if (!target || path.rfind("years.", 0) == 0) return std::nullopt;
  const auto parts = split_path(path);
  const auto leaf = find_leaf(parts, s);
  if (!leaf || !leaf->spec->binding.bound() || !reaches(leaf->spec->binding, s, leaf->index))
    return std::nullopt;
  const Spec* spec = leaf->spec;
  const std::size_t i = leaf->parts_used;
  // The written values along the path: the leaf's and its record's.
  const SourceNode* node = &doc;
  const SourceNode* parent_node = nullptr;
  for (std::size_t p = 0; p < i && node; ++p) {
    parent_node = node;
    node = node->is_map() ? node->find(parts[p]) : nullptr;
  }
  ParameterSlot slot;
  slot.index_ = leaf->index;
  slot.commodity_ = leaf->commodity;
  slot.path_ = path;
  slot.written_ = {path};
  slot.spec_ = spec;
  slot.facts_ = facts;
  slot.binding_ = spec->binding;
  slot.scale_ = scale;
  if (!target->commodity.empty()) slot.commodity_ = target->commodity;
  if (spec->kind != SpecKind::series)
    slot.shape_ = Shape::number;
  else if (i == parts.size())
    slot.shape_ = Shape::series;
  else if (target->year)
    slot.shape_ = Shape::series_point;
  else
    slot.shape_ = Shape::series_part;
  if (slot.shape_ == Shape::series_point || slot.shape_ == Shape::series_part) slot.point_ = parts.back();
  if (node && !node->is_null()) slot.written_value_ = *node;
  // Rules between keys (scenario_validator.cpp) the leaf check cannot see:
  // the ETS's cap and benchmarks go with its trading mode, and a scrap input
  // is never negative. A member that would write such a key is built
  // through the document, which applies them.
  if (path.rfind("policies.ets.", 0) == 0 && slot.written_value_.is_null()) return std::nullopt;
  if (slot.index_.technology >= 0 && slot.index_.commodity >= 0 && s.scrap_commodity &&
      *s.scrap_commodity == slot.index_.commodity)
    slot.no_negative_ = true;
  if (scale && slot.shape_ == Shape::number && !(node && node->is_scalar())) return std::nullopt;
  slot.find_followers(leaf->parent, parent_node, parts, doc, s);
  return slot;
}

void ParameterSlot::find_followers(const Spec* parent, const SourceNode* parent_node,
                                   const std::vector<std::string>& parts, const SourceNode& doc,
                                   const Scenario& s) {
  if (shape_ != Shape::number) return;
  const std::string& key = parts.back();
  // A sibling that defaults to this leaf and is not written.
  if (parent && parent_node)
    for (const auto& [name, field] : parent->fields)
      if (field.default_from == key && field.binding.number && !parent_node->find(name)) {
        followers_.push_back({field.binding, index_});
        written_.push_back(path_.substr(0, path_.rfind('.') + 1) + name);
      }
  // Entries of a top-level map whose leaf defaults to this root path.
  for (const auto& [section, map] : scenario_spec().fields) {
    if (map.kind != SpecKind::map_of || !map.index || map.entry.front().kind != SpecKind::record) continue;
    const SourceNode* entries = doc.find(section);
    for (const auto& [name, field] : map.entry.front().fields) {
      if (field.default_from != path_ || !field.binding.number || !entries || !entries->is_map()) continue;
      for (const auto& e : entries->entries()) {
        if (e.value.is_map() && e.value.find(name)) continue;
        const auto k = entry_index(s, map.index, e.key);
        if (!k) continue;
        EntryIndex at;
        at.*(map.index) = *k;
        followers_.push_back({field.binding, at});
        written_.push_back(section + "." + e.key + "." + name);
      }
    }
  }
}

bool ParameterSlot::apply(Scenario& s, double sample) const {
  if (!std::isfinite(sample)) return false;
  return shape_ == Shape::number ? apply_number(s, sample) : apply_series(s, sample);
}

bool ParameterSlot::apply_number(Scenario& s, double sample) const {
  const double v = scale_ ? number_of(written_value_) * sample : sample;
  Diagnostics d;
  const SourceNode resolved = validate_value(sample_node(v), *spec_, path_, facts_, commodity_, d);
  if (!d.empty()) return false;
  const double x = number_of(resolved);
  if (no_negative_ && std::signbit(x)) return false;
  bool set = set_bound_number(binding_, s, index_, x);
  for (const auto& f : followers_)
    set = set_bound_number(f.binding, s, f.index, x) && set;
  return set;
}

std::optional<SourceNode> ParameterSlot::changed_series(double sample) const {
  const SourceNode& w = written_value_;
  if (shape_ == Shape::series) {
    if (!scale_) return sample_node(sample);
    SourceNode scaled = w;
    if (!scale_node(scaled, sample)) return std::nullopt;
    return scaled;
  }
  // One point or part: the value, scaled from what is written there.
  double v = sample;
  if (scale_) {
    const SourceNode* at = w.is_map() ? w.find(point_) : (shape_ == Shape::series_point ? &w : nullptr);
    if (!at || !at->is_scalar() || !plain_number(*at)) return std::nullopt;
    v = *plain_number(*at) * sample;
  }
  const bool growth = w.is_map() && w.find("base_value");
  SourceNode series = w;
  if (shape_ == Shape::series_part) {
    if (!growth) return std::nullopt;
  } else {
    if (growth) return std::nullopt;
    if (!series.is_map()) { // a constant c becomes points {first year: c}
      SourceNode points = SourceNode::make_map(kSampleOrigin);
      const std::string first = std::to_string(facts_.horizon.first_year);
      if (series.is_scalar() && first != point_) points.set(first, series);
      series = std::move(points);
    }
  }
  series.set(point_, sample_node(v), kSampleOrigin);
  if (shape_ == Shape::series_point)
    std::stable_sort(series.entries().begin(), series.entries().end(),
                     [](const auto& a, const auto& b) { return std::stoi(a.key) < std::stoi(b.key); });
  return series;
}

bool ParameterSlot::apply_series(Scenario& s, double sample) const {
  const auto series = changed_series(sample);
  if (!series) return false;
  Diagnostics d;
  const SourceNode resolved = validate_value(*series, *spec_, path_, facts_, commodity_, d);
  if (!d.empty()) return false;
  YearSeries values = build_series(resolved, s.horizon);
  if (binding_.series)
    *binding_.series(s, index_) = std::move(values);
  else
    *binding_.optional_series(s, index_) = std::move(values);
  return true;
}

} // namespace steelpath::input
