#include "input/scenario_validator.hpp"

#include "input/hydrogen_rules.hpp"
#include "input/quantity.hpp"
#include "input/series_validator.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace steelpath::input {

namespace {

std::string describe_spec(const Spec& s) {
  switch (s.kind) {
  case SpecKind::record:
    return "a mapping (" + s.doc + ")";
  case SpecKind::map_of:
    return "a mapping of " + s.entry_name + " ids to their settings";
  case SpecKind::ref_map:
    return "a mapping {" + s.entry_name + ": " + s.entry.front().doc + "}";
  case SpecKind::series:
    return "a yearly series (a number, {year: value, ...} or {base_year, base_value, growth_rate})";
  case SpecKind::integer:
    return "a whole number";
  case SpecKind::number:
    return describe_expected(s.bounds, s.unit);
  case SpecKind::ref:
    return "an id declared in '" + s.ref + "' (" + s.doc + ")";
  default:
    return "text (" + s.doc + ")";
  }
}

class Validator {
public:
  Validator(Diagnostics& d, DocumentFacts facts, std::string commodity = {})
      : diag_(d), facts_(std::move(facts)), commodity_(std::move(commodity)) {}

  void error(const Origin& o, const std::string& path, const std::string& msg) {
    diag_.add({o.file, o.line, o.column, path, msg});
  }

  SourceNode walk(const SourceNode* node, const Spec& spec, const std::string& path, const Origin& parent) {
    if (node == nullptr || node->is_null()) return missing(spec, path, parent);
    switch (spec.kind) {
    case SpecKind::record:
      return record(*node, spec, path);
    case SpecKind::map_of:
      return map_of(*node, spec, path);
    case SpecKind::ref_map:
      return ref_map(*node, spec, path);
    case SpecKind::levers:
    case SpecKind::uncertainties:
      return *node; // checked against parameter paths by the loader
    default:
      return leaf(*node, spec, path);
    }
  }

  SourceNode leaf(const SourceNode& node, const Spec& spec, const std::string& path) {
    const std::string unit = concrete_unit(spec.unit, commodity_unit());
    std::string why;
    switch (spec.kind) {
    case SpecKind::number: {
      const auto v = read_quantity(node, unit, spec.bounds, facts_.rates, why);
      if (!v) break;
      return SourceNode::make_scalar(format_double(*v), node.origin());
    }
    case SpecKind::integer: {
      const auto v = read_whole(node, spec.bounds, why);
      if (!v) break;
      return SourceNode::make_scalar(std::to_string(*v), node.origin());
    }
    case SpecKind::series:
      return validate_series(node, unit, spec.bounds, path, facts_, diag_);
    case SpecKind::ref_list: {
      if (!node.is_sequence()) {
        why = "expected a list of " + spec.ref + " ids, found " + show(node);
        break;
      }
      const auto& known = facts_.ids[spec.ref];
      SourceNode out = SourceNode::make_sequence(node.origin());
      for (const auto& item : node.items()) {
        if (!item.is_scalar() || std::find(known.begin(), known.end(), item.text()) == known.end()) {
          error(item.origin(), path,
                "expected an id declared in '" + spec.ref + "', found " + show(item) +
                    (item.is_scalar() ? did_you_mean(item.text(), known) : ""));
          continue;
        }
        out.push_back(item);
      }
      return out;
    }
    case SpecKind::text:
    case SpecKind::path:
    case SpecKind::ref: {
      if (!node.is_scalar()) {
        why = "expected " + describe_spec(spec) + ", found " + show(node);
        break;
      }
      if (spec.kind == SpecKind::path) return resolve_path(node);
      if (!spec.choices.empty() &&
          std::find(spec.choices.begin(), spec.choices.end(), node.text()) == spec.choices.end()) {
        std::string list;
        for (const auto& c : spec.choices)
          list.append(list.empty() ? "" : ", ").append(c);
        why = "expected one of " + list + ", found '" + node.text() + "'" +
              did_you_mean(node.text(), spec.choices);
        break;
      }
      if (spec.kind == SpecKind::ref) {
        const auto& known = facts_.ids[spec.ref];
        if (std::find(known.begin(), known.end(), node.text()) == known.end()) {
          why = "expected a " + std::string(spec.ref == "commodities" ? "commodity" : spec.ref) +
                " declared in '" + spec.ref + "', found '" + node.text() + "'" +
                did_you_mean(node.text(), known);
          break;
        }
      }
      return node;
    }
    default:
      break;
    }
    error(node.origin(), path, why);
    return {};
  }

private:
  const std::string& commodity_unit() {
    static const std::string none;
    const auto it = facts_.commodity_units.find(commodity_);
    return it == facts_.commodity_units.end() ? none : it->second;
  }

  SourceNode missing(const Spec& spec, const std::string& path, const Origin& parent) {
    if (spec.default_text) {
      return SourceNode::make_scalar(*spec.default_text, {"(default)", 0, 0});
    }
    if (spec.kind == SpecKind::record && !spec.required) {
      // An optional section that is absent still gets its defaults filled,
      // unless it has required keys: then it is a lever that is off.
      for (const auto& f : spec.fields)
        if (f.second.required) return {};
      SourceNode m = SourceNode::make_map({"(default)", 0, 0});
      return record(m, spec, path);
    }
    if (spec.required) {
      const bool section = path.find('.') == std::string::npos;
      const std::string key = path.substr(path.rfind('.') + 1);
      error(parent, path,
            (section ? "missing section '" : "missing key '") + key + "', expected " + describe_spec(spec));
    }
    return {};
  }

  SourceNode record(const SourceNode& node, const Spec& spec, const std::string& path) {
    if (!node.is_map()) {
      error(node.origin(), path, "expected " + describe_spec(spec) + ", found " + show(node));
      return {};
    }
    const auto names = spec.field_names();
    for (const auto& e : node.entries())
      if (!spec.field(e.key))
        error(e.key_origin, join_path(path, e.key),
              "unknown key '" + e.key + "'" + did_you_mean(e.key, names));
    SourceNode out = SourceNode::make_map(node.origin());
    for (const auto& [name, field] : spec.fields) {
      const SourceNode::Entry* e = node.find_entry(name);
      SourceNode v = walk(e ? &e->value : nullptr, field, join_path(path, name), node.origin());
      if (!v.is_null()) out.set(name, std::move(v), e ? e->key_origin : Origin{});
    }
    if (path == "years") check_years(out, node);
    return out;
  }

  void check_years(const SourceNode& out, const SourceNode& in) {
    const SourceNode* first = out.find("first");
    const SourceNode* last = out.find("last");
    if (first && last && std::stoi(last->text()) < std::stoi(first->text()))
      error(in.find("last")->origin(), "years.last",
            "expected a year not before years.first (" + first->text() + "), found " + last->text());
  }

  SourceNode map_of(const SourceNode& node, const Spec& spec, const std::string& path) {
    if (!node.is_map()) {
      error(node.origin(), path, "expected " + describe_spec(spec) + ", found " + show(node));
      return {};
    }
    if (node.entries().empty() && spec.required)
      error(node.origin(), path, "expected at least one " + spec.entry_name + ", found an empty mapping");
    SourceNode out = SourceNode::make_map(node.origin());
    for (const auto& e : node.entries()) {
      if (!spec.choices.empty() &&
          std::find(spec.choices.begin(), spec.choices.end(), e.key) == spec.choices.end()) {
        error(e.key_origin, join_path(path, e.key),
              "unknown " + spec.entry_name + " '" + e.key + "'" + did_you_mean(e.key, spec.choices));
        continue;
      }
      if (spec.entry_name == "commodity") commodity_ = e.key;
      const Spec& entry = spec.entry.front();
      if (e.value.is_null() && entry.required) {
        error(e.key_origin, join_path(path, e.key), "expected " + describe_spec(entry) + ", found nothing");
        continue;
      }
      out.append(e.key, walk(&e.value, entry, join_path(path, e.key), e.key_origin), e.key_origin);
    }
    commodity_.clear();
    return out;
  }

  SourceNode ref_map(const SourceNode& node, const Spec& spec, const std::string& path) {
    if (!node.is_map()) {
      error(node.origin(), path, "expected " + describe_spec(spec) + ", found " + show(node));
      return {};
    }
    const auto& known = facts_.ids[spec.ref];
    SourceNode out = SourceNode::make_map(node.origin());
    for (const auto& e : node.entries()) {
      const std::string p = join_path(path, e.key);
      if (std::find(known.begin(), known.end(), e.key) == known.end()) {
        error(e.key_origin, p,
              "unknown " + spec.entry_name + " '" + e.key + "'" + did_you_mean(e.key, known) + "; " +
                  spec.ref + " are declared in the '" + spec.ref + "' section");
        continue;
      }
      commodity_ = e.key;
      SourceNode v = walk(&e.value, spec.entry.front(), p, e.key_origin);
      commodity_.clear();
      if (!v.is_null()) out.append(e.key, std::move(v), e.key_origin);
    }
    return out;
  }

  SourceNode resolve_path(const SourceNode& node) {
    namespace fs = std::filesystem;
    const fs::path written(node.text());
    if (written.is_absolute() || node.origin().file == "--set") return node;
    const fs::path base = fs::path(node.origin().file).parent_path();
    return SourceNode::make_scalar((base / written).lexically_normal().string(), node.origin());
  }

  Diagnostics& diag_;
  DocumentFacts facts_;
  std::string commodity_; ///< the commodity whose unit "@commodity" means here
};

} // namespace

namespace {
// The one rule between two keys of the ETS: a cap goes with cap trading,
// benchmarks (and no cap) with intensity trading.
void check_ets(const SourceNode& root, Diagnostics& d) {
  const SourceNode* pol = root.find("policies");
  const SourceNode* ets = pol && pol->is_map() ? pol->find("ets") : nullptr;
  if (!ets || !ets->is_map() || !ets->find("regions")) return; // absent (defaults only): no ETS
  const SourceNode* trading = ets->find("trading");
  const bool intensity = trading && trading->is_scalar() && trading->text() == "intensity";
  const SourceNode* cap = ets->find("cap");
  const SourceNode* bench = ets->find("benchmarks");
  auto add = [&](const Origin& o, const std::string& path, const std::string& msg) {
    d.add({o.file, o.line, o.column, path, msg});
  };
  if (!intensity && !cap)
    add(ets->origin(), "policies.ets.cap", "expected a cap (Mt CO2/yr), required with trading: cap");
  if (intensity && cap)
    add(cap->origin(), "policies.ets.cap",
        "expected no cap with trading: intensity (allowances are benchmark x output)");
  if (intensity && (!bench || !bench->is_map() || bench->entries().empty()))
    add(ets->origin(), "policies.ets.benchmarks",
        "expected benchmarks by route family, required with trading: intensity");
}
} // namespace

namespace {
// Negative inputs are net exports; scrap cannot be one, because scrap supply
// limits what the routes that use it can make.
void check_scrap_inputs(const SourceNode& root, Diagnostics& d) {
  std::string scrap = "scrap";
  if (const SourceNode* m = root.find("market"); m && m->is_map())
    if (const SourceNode* c = m->find("scrap_commodity"); c && c->is_scalar()) scrap = c->text();
  const SourceNode* techs = root.find("technologies");
  if (!techs || !techs->is_map()) return;
  for (const auto& t : techs->entries()) {
    const SourceNode* in = t.value.is_map() ? t.value.find("inputs") : nullptr;
    const SourceNode* q = in && in->is_map() ? in->find(scrap) : nullptr;
    if (q && q->is_scalar() && !q->text().empty() && q->text().front() == '-')
      d.add({q->origin().file, q->origin().line, q->origin().column,
             "technologies." + t.key + ".inputs." + scrap,
             "expected a scrap input >= 0 (only other commodities may be net exports), found " + q->text()});
  }
}
} // namespace

namespace {
// The innovation fund's channels share one budget: route R&D, electrolyser
// R&D and demonstration grants take at most all of it.
void check_fund_shares(const SourceNode& root, Diagnostics& d) {
  const SourceNode* pol = root.find("policies");
  const SourceNode* fund = pol && pol->is_map() ? pol->find("fund") : nullptr;
  if (!fund || !fund->is_map()) return;
  double total = 0.0;
  std::string why;
  auto add_share = [&](const SourceNode* n) {
    if (n == nullptr) return;
    if (const auto v = read_quantity(*n, "1", {0.0, 1.0}, {}, why)) total += *v;
  };
  if (const SourceNode* a = fund->find("allocation"); a && a->is_map())
    for (const auto& e : a->entries())
      add_share(&e.value);
  add_share(fund->find("hydrogen"));
  add_share(fund->find("demonstration"));
  if (total > 1.0 + 1e-9) {
    char sum[32];
    std::snprintf(sum, sizeof sum, "%.6g", total);
    d.add({fund->origin().file, fund->origin().line, fund->origin().column, "policies.fund",
           "expected allocation (route R&D), hydrogen and demonstration to share at most the whole budget "
           "(sum <= 1), found " +
               std::string(sum)});
  }
}
// A region's green buyers' curve must fall: 0 < knee_premium < max_premium
// and 0 < knee_share < 1.
void check_green_buyers(const SourceNode& root, Diagnostics& d) {
  const SourceNode* regions = root.find("regions");
  if (!regions || !regions->is_map()) return;
  std::string why;
  for (const auto& e : regions->entries()) {
    const SourceNode* b = e.value.is_map() ? e.value.find("green_buyers") : nullptr;
    if (!b || !b->is_map()) continue;
    const auto read = [&](const char* key, const char* unit) -> std::optional<double> {
      const SourceNode* n = b->find(key);
      return n ? read_quantity(*n, unit, {0.0, 1e6}, {}, why) : std::nullopt;
    };
    const auto max = read("max_premium", "USD/t"), knee = read("knee_premium", "USD/t"),
               share = read("knee_share", "1");
    if (!max || !knee || !share) continue; // missing or malformed: the schema check names them
    if (*knee > 0.0 && *knee<*max&& * share> 0.0 && *share < 1.0) continue;
    d.add({b->origin().file, b->origin().line, b->origin().column, "regions." + e.key + ".green_buyers",
           "expected 0 < knee_premium < max_premium and 0 < knee_share < 1 (a falling willingness to pay)"});
  }
}
} // namespace

DocumentFacts collect_facts(const SourceNode& root) {
  DocumentFacts f;
  Diagnostics ignored;
  if (!root.is_map()) return f;
  if (const SourceNode* y = root.find("years"); y && y->is_map()) {
    std::string why;
    const SourceNode* a = y->find("first");
    const SourceNode* b = y->find("last");
    std::optional<int> first, last;
    if (a) first = read_whole(*a, {1900, 2200}, why);
    if (b) last = read_whole(*b, {1900, 2200}, why);
    if (first.has_value() && last.has_value() && *last >= *first) f.horizon = {*first, *last};
  }
  if (const SourceNode* c = root.find("currencies"); c && c->is_map())
    for (const auto& e : c->entries()) {
      std::string why;
      if (const auto v = read_quantity(e.value, "1", {1e-9, 1e9}, {}, why)) f.rates[e.key] = *v;
    }
  for (const char* section : {"commodities", "technologies", "regions", "companies", "currencies"})
    if (const SourceNode* s = root.find(section); s && s->is_map())
      for (const auto& e : s->entries())
        f.ids[section].push_back(e.key);
  if (const SourceNode* c = root.find("commodities"); c && c->is_map())
    for (const auto& e : c->entries())
      if (const SourceNode* u = e.value.is_map() ? e.value.find("unit") : nullptr; u && u->is_scalar())
        f.commodity_units[e.key] = u->text();
  return f;
}

SourceNode validate_document(const SourceNode& root, Diagnostics& diagnostics) {
  DocumentFacts facts = collect_facts(root);
  if (root.is_map())
    if (const SourceNode* c = root.find("commodities"); c && c->is_map())
      for (const auto& e : c->entries())
        if (const SourceNode* u = e.value.is_map() ? e.value.find("unit") : nullptr; u && u->is_scalar()) {
          std::string why;
          if (!parse_unit(u->text(), facts.rates, why))
            diagnostics.add({u->origin().file, u->origin().line, u->origin().column,
                             "commodities." + e.key + ".unit",
                             "expected a unit (t, GJ, kg, MWh, ...): " + why});
        }
  Validator v(diagnostics, std::move(facts));
  if (!root.is_map()) {
    v.error(root.origin(), "",
            "expected a YAML mapping at the top level of the scenario, found " + show(root));
    return {};
  }
  SourceNode resolved = v.walk(&root, scenario_spec(), "", root.origin());
  check_ets(root, diagnostics);
  check_scrap_inputs(root, diagnostics);
  check_hydrogen_supply(root, diagnostics);
  check_fund_shares(root, diagnostics);
  check_green_buyers(root, diagnostics);
  check_credit_tiers(resolved, diagnostics);
  return resolved;
}

SourceNode validate_value(const SourceNode& node, const Spec& spec, const std::string& path,
                          const DocumentFacts& facts, const std::string& commodity,
                          Diagnostics& diagnostics) {
  Validator v(diagnostics, facts, commodity);
  return v.leaf(node, spec, path);
}

} // namespace steelpath::input
