#include "input/parameter_paths.hpp"

#include "input/composition.hpp"

#include <algorithm>

namespace steelpath::input {

namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : path) {
    if (c == '.') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

bool is_numeric(SpecKind k) {
  return k == SpecKind::number || k == SpecKind::integer || k == SpecKind::series;
}

const std::vector<std::string> kGrowthParts = {"base_year", "base_value", "growth_rate"};

std::optional<int> as_year(const std::string& s) {
  if (s.empty() || s.size() > 4 || !std::all_of(s.begin(), s.end(), ::isdigit)) return std::nullopt;
  const int y = std::stoi(s);
  return y >= 1800 && y <= 2300 ? std::optional<int>(y) : std::nullopt;
}

// The three valid paths closest to a wrong one: those sharing the most
// leading parts first, then by edit distance. The wrong path itself is never
// one: it is listed when an id in it contains a '.', which splits it.
std::string nearest(const SourceNode& doc, const std::string& path) {
  const auto wanted = split(path);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& p : parameter_paths(doc)) {
    if (p == path) continue;
    const auto parts = split(p);
    std::size_t shared = 0;
    while (shared < parts.size() && shared < wanted.size() && parts[shared] == wanted[shared])
      ++shared;
    scored.emplace_back((10 - std::min<std::size_t>(shared, 10)) * 1000 + edit_distance(path, p), p);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string s;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i)
    s.append(i ? ", " : "").append(scored[i].second);
  return s.empty() ? "" : "; nearest valid paths: " + s;
}

// "; ids with a '.' ... " when an id starts with `part` and a '.': a path
// splits at every '.', so such an id cannot be named in it.
std::string dotted(const std::vector<std::string>& ids, const std::string& part) {
  for (const auto& id : ids)
    if (id.size() > part.size() && id.compare(0, part.size(), part) == 0 && id[part.size()] == '.')
      return "; the id '" + id + "' contains a '.', which a parameter path cannot name (rename it)";
  return {};
}

void collect(const SourceNode* node, const Spec& spec, const std::string& path, std::vector<std::string>& out,
             const DocumentFacts& facts) {
  switch (spec.kind) {
  case SpecKind::record:
    for (const auto& [name, field] : spec.fields)
      collect(node && node->is_map() ? node->find(name) : nullptr, field, join_path(path, name), out, facts);
    break;
  case SpecKind::map_of: // an id with a '.' cannot be named in a path (it would split)
    if (node && node->is_map())
      for (const auto& e : node->entries())
        if (e.key.find('.') == std::string::npos)
          collect(&e.value, spec.entry.front(), join_path(path, e.key), out, facts);
    break;
  case SpecKind::ref_map: { // every id may be given, written or not
    const auto it = facts.ids.find(spec.ref);
    if (it != facts.ids.end())
      for (const auto& id : it->second)
        if (id.find('.') == std::string::npos)
          collect(node && node->is_map() ? node->find(id) : nullptr, spec.entry.front(), join_path(path, id),
                  out, facts);
    break;
  }
  case SpecKind::number:
  case SpecKind::integer:
    out.push_back(path);
    break;
  case SpecKind::series:
    out.push_back(path);
    if (node && node->is_map())
      for (const auto& e : node->entries())
        out.push_back(join_path(path, e.key));
    break;
  default:
    break;
  }
}

} // namespace

Spec ParameterTarget::value_spec() const {
  Spec s = *spec;
  if (spec->kind == SpecKind::series && (year || series_part == "base_value")) s.kind = SpecKind::number;
  if (series_part == "growth_rate") {
    s.kind = SpecKind::number;
    s.unit = "1";
    s.bounds = {-0.99, 10.0};
  }
  if (series_part == "base_year") {
    s.kind = SpecKind::integer;
    s.bounds = {1800, 2300};
  }
  return s;
}

std::vector<std::string> parameter_paths(const SourceNode& doc) {
  std::vector<std::string> out;
  collect(&doc, scenario_spec(), "", out, collect_facts(doc));
  return out;
}

std::optional<ParameterTarget> resolve_parameter(const SourceNode& doc, const std::string& path,
                                                 std::string& error) {
  const DocumentFacts facts = collect_facts(doc);
  const auto parts = split(path);
  const Spec* spec = &scenario_spec();
  const SourceNode* node = &doc;
  ParameterTarget t;
  auto fail = [&](const std::string& why) {
    error = "unknown parameter path '" + path + "': " + why + nearest(doc, path);
    return std::nullopt;
  };
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& c = parts[i];
    const bool last = i + 1 == parts.size();
    switch (spec->kind) {
    case SpecKind::record: {
      const Spec* f = spec->field(c);
      if (!f) return fail("no key '" + c + "'" + did_you_mean(c, spec->field_names()));
      spec = f;
      node = node && node->is_map() ? node->find(c) : nullptr;
      break;
    }
    case SpecKind::map_of: {
      const SourceNode* entry = node && node->is_map() ? node->find(c) : nullptr;
      if (!entry) {
        std::vector<std::string> ids;
        if (node && node->is_map())
          for (const auto& e : node->entries())
            ids.push_back(e.key);
        return fail("no " + spec->entry_name + " '" + c + "'" + did_you_mean(c, ids) + dotted(ids, c));
      }
      if (spec->entry_name == "commodity") t.commodity = c;
      spec = &spec->entry.front();
      node = entry;
      break;
    }
    case SpecKind::ref_map: {
      const auto& ids = facts.ids.count(spec->ref) ? facts.ids.at(spec->ref) : std::vector<std::string>{};
      if (std::find(ids.begin(), ids.end(), c) == ids.end())
        return fail("no " + spec->entry_name + " '" + c + "'" + did_you_mean(c, ids) + dotted(ids, c));
      t.commodity = c;
      spec = &spec->entry.front();
      node = node && node->is_map() ? node->find(c) : nullptr;
      break;
    }
    case SpecKind::series:
      if (!last) return fail("a series point is the last part of a path");
      if (const auto y = as_year(c)) {
        t.year = y;
      } else if (std::find(kGrowthParts.begin(), kGrowthParts.end(), c) != kGrowthParts.end()) {
        t.series_part = c;
      } else {
        return fail("'" + c + "' is neither a year nor base_year, base_value or growth_rate");
      }
      t.spec = spec;
      return t;
    default:
      return fail("'" + c + "' goes below a value that is not a mapping");
    }
  }
  // A setting with listed choices (ensemble.sampling, a company's foresight)
  // can be set and crossed as a lever too; free text (names, paths) cannot,
  // except the ensemble's own settings (ensemble.reference), which --set
  // may give but no lever may cross (ensemble_spec.cpp reserves them).
  const bool setting =
      spec->kind == SpecKind::text && (!spec->choices.empty() || path.rfind("ensemble.", 0) == 0);
  if (!is_numeric(spec->kind) && !setting)
    return fail("it names a section or text, not a number or a setting");
  t.spec = spec;
  return t;
}

bool apply_override(SourceNode& doc, const std::string& path, const SourceNode& value, std::string& error) {
  const auto target = resolve_parameter(doc, path, error);
  if (!target) return false;
  const auto parts = split(path);
  const std::size_t n = parts.size() - (target->year || !target->series_part.empty() ? 1 : 0);
  SourceNode* node = &doc;
  for (std::size_t i = 0; i < n; ++i) {
    SourceNode* next = node->find(parts[i]);
    if (!next || next->is_null())
      next = &node->set(parts[i], SourceNode::make_map(value.origin()), value.origin());
    node = next;
  }
  if (n == parts.size()) { // the whole number or series
    *node = value;
    return true;
  }
  const std::string& last = parts.back();
  if (target->year) {
    if (node->is_map() && node->find("base_value")) {
      error = "cannot set one year of '" + path.substr(0, path.rfind('.')) +
              "': it is a growth series; set its base_value or growth_rate";
      return false;
    }
    if (!node->is_map()) { // a constant c becomes points {first year: c}
      SourceNode points = SourceNode::make_map(value.origin());
      if (node->is_scalar()) {
        const int first = collect_facts(doc).horizon.first_year;
        if (std::to_string(first) != last) points.set(std::to_string(first), *node);
      }
      *node = std::move(points);
    }
    node->set(last, value, value.origin());
    // Keep the points in year order.
    std::stable_sort(node->entries().begin(), node->entries().end(),
                     [](const auto& a, const auto& b) { return std::stoi(a.key) < std::stoi(b.key); });
    return true;
  }
  if (!node->is_map() || !node->find("base_value")) {
    error = "'" + path.substr(0, path.rfind('.')) + "' is not a growth series, so it has no " + last;
    return false;
  }
  node->set(last, value, value.origin());
  return true;
}

bool parse_assignment(const std::string& text, std::string& path, SourceNode& value, std::string& error) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    error = "expected PATH=VALUE, found '" + text + "'";
    return false;
  }
  path = text.substr(0, eq);
  if (text.find_first_not_of(" \t", eq + 1) == std::string::npos) {
    error = "no value after '=' in '" + text + "'";
    return false;
  }
  Diagnostics d;
  value = parse_document(text.substr(eq + 1), "--set", d);
  if (!d.empty()) {
    error = "cannot read the value of '" + path + "': " + d.items().front().message;
    return false;
  }
  value.set_origin_recursive({"--set", 0, 0}); // messages name the option, not a line
  return true;
}

} // namespace steelpath::input
