#include "input/ensemble_spec.hpp"

#include "input/hydrogen_rules.hpp"
#include "input/parameter_paths.hpp"
#include "input/quantity.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace steelpath::input {

namespace {

void add(Diagnostics& d, const Origin& o, const std::string& path, const std::string& msg) {
  d.add({o.file, o.line, o.column, path, msg});
}

// Checks one value for a parameter path; returns the resolved value or null.
SourceNode check_value(const SourceNode& doc, const std::string& param, const SourceNode& value,
                       const std::string& where, const Origin& key_origin, Diagnostics& diag) {
  std::string why;
  const auto target = resolve_parameter(doc, param, why);
  if (!target) {
    add(diag, key_origin, where, why);
    return {};
  }
  return validate_value(value, target->value_spec(), where, collect_facts(doc), target->commodity, diag);
}

void read_levers(const SourceNode& doc, const SourceNode& node, EnsembleSpec& out, Diagnostics& diag) {
  if (!node.is_map()) {
    add(diag, node.origin(), "levers", "expected a mapping {parameter path: [values]}, found " + show(node));
    return;
  }
  for (const auto& e : node.entries()) {
    const std::string where = "levers." + e.key;
    if (e.key == "packages") {
      if (!e.value.is_map() || e.value.entries().empty()) {
        add(diag, e.value.origin(), where, "expected named packages {name: {parameter path: value}}");
        continue;
      }
      for (const auto& pkg : e.value.entries()) {
        LeverPackage p{pkg.key, {}};
        if (!pkg.value.is_map() && !pkg.value.is_null()) {
          add(diag, pkg.value.origin(), where + "." + pkg.key,
              "expected {parameter path: value}, found " + show(pkg.value));
          continue;
        }
        for (const auto& s : pkg.value.entries()) {
          SourceNode v =
              check_value(doc, s.key, s.value, where + "." + pkg.key + "." + s.key, s.key_origin, diag);
          if (!v.is_null()) p.settings.emplace_back(s.key, std::move(v));
        }
        out.packages.push_back(std::move(p));
      }
      continue;
    }
    if (!e.value.is_sequence() || e.value.items().empty()) {
      add(diag, e.value.origin(), where,
          "expected a non-empty list of values to cross, found " + show(e.value));
      continue;
    }
    LeverAxis axis{e.key, {}};
    for (const auto& item : e.value.items()) {
      SourceNode v = check_value(doc, e.key, item, where, e.key_origin, diag);
      if (v.is_null()) break; // one message per bad path is enough
      axis.values.push_back(std::move(v));
    }
    if (axis.values.size() == e.value.items().size()) out.axes.push_back(std::move(axis));
  }
}

// Required parameters of each distribution and their checks.
const std::map<std::string, std::vector<std::string>>& distributions() {
  static const std::map<std::string, std::vector<std::string>> d = {{"uniform", {"low", "high"}},
                                                                    {"normal", {"mean", "sd"}},
                                                                    {"triangular", {"low", "mode", "high"}},
                                                                    {"lognormal", {"mu", "sigma"}},
                                                                    {"discrete", {}}};
  return d;
}

void read_uncertainty(const SourceNode& doc, const SourceNode::Entry& e, EnsembleSpec& out,
                      Diagnostics& diag) {
  const std::string where = "uncertainties." + e.key;
  std::string why;
  const auto target = resolve_parameter(doc, e.key, why);
  if (!target) {
    add(diag, e.key_origin, where, why);
    return;
  }
  if (target->spec->kind == SpecKind::text) {
    add(diag, e.key_origin, where, "is a setting with listed choices, not a number: cross it as a lever");
    return;
  }
  if (!e.value.is_map()) {
    add(diag, e.value.origin(), where, "expected {distribution: ..., parameters}, found " + show(e.value));
    return;
  }
  Uncertainty u;
  u.path = e.key;
  const SourceNode* dist = e.value.find("distribution");
  std::vector<std::string> names;
  for (const auto& [n, _] : distributions())
    names.push_back(n);
  if (!dist || !dist->is_scalar() || !distributions().count(dist->text())) {
    add(diag, dist ? dist->origin() : e.value.origin(), where + ".distribution",
        "expected one of uniform, normal, triangular, lognormal, discrete, found " +
            (dist ? show(*dist) + did_you_mean(dist->is_scalar() ? dist->text() : "", names) : "nothing"));
    return;
  }
  u.distribution = dist->text();
  const auto& needed = distributions().at(u.distribution);
  std::vector<std::string> allowed = needed;
  allowed.insert(allowed.end(), {"distribution", "scale"});
  if (u.distribution == "discrete") allowed.insert(allowed.end(), {"values", "weights"});
  bool ok = true;
  for (const auto& kv : e.value.entries())
    if (std::find(allowed.begin(), allowed.end(), kv.key) == allowed.end()) {
      add(diag, kv.key_origin, where + "." + kv.key,
          "unknown key '" + kv.key + "' for a " + u.distribution + " distribution" +
              did_you_mean(kv.key, allowed));
      ok = false;
    }
  for (const auto& p : needed) {
    const SourceNode* n = e.value.find(p);
    if (!n) {
      add(diag, e.value.origin(), where + "." + p,
          "missing parameter '" + p + "' of a " + u.distribution + " distribution");
      ok = false;
      continue;
    }
    const auto v = read_quantity(*n, "1", Bounds::any(), {}, why);
    if (!v) {
      add(diag, n->origin(), where + "." + p, why);
      ok = false;
    } else {
      u.params[p] = *v;
    }
  }
  auto list = [&](const char* key, std::vector<double>& into) {
    const SourceNode* n = e.value.find(key);
    if (!n) return;
    if (!n->is_sequence() || n->items().empty()) {
      add(diag, n->origin(), where + "." + key, "expected a non-empty list of numbers, found " + show(*n));
      ok = false;
      return;
    }
    for (const auto& item : n->items()) {
      const auto v = read_quantity(item, "1", Bounds::any(), {}, why);
      if (!v) {
        add(diag, item.origin(), where + "." + key, why);
        ok = false;
        return;
      }
      into.push_back(*v);
    }
  };
  list("values", u.values);
  list("weights", u.weights);
  if (const SourceNode* s = e.value.find("scale")) {
    if (!s->is_scalar() || (s->text() != "true" && s->text() != "false")) {
      add(diag, s->origin(), where + ".scale", "expected true or false, found " + show(*s));
      ok = false;
    }
    u.scale = s->is_scalar() && s->text() == "true";
  }
  if (!ok) return;
  auto bad = [&](const std::string& msg) { add(diag, e.value.origin(), where, msg); };
  const auto& p = u.params;
  if (u.distribution == "uniform" && !(p.at("low") < p.at("high"))) return bad("expected low < high");
  if (u.distribution == "triangular" &&
      !(p.at("low") <= p.at("mode") && p.at("mode") <= p.at("high") && p.at("low") < p.at("high")))
    return bad("expected low <= mode <= high and low < high");
  if (u.distribution == "normal" && !(p.at("sd") > 0)) return bad("expected sd > 0");
  if (u.distribution == "lognormal" && !(p.at("sigma") > 0)) return bad("expected sigma > 0");
  if (u.distribution == "discrete") {
    if (u.values.empty()) return bad("a discrete distribution needs 'values'");
    if (!u.weights.empty() && u.weights.size() != u.values.size())
      return bad("expected as many weights as values");
    if (std::any_of(u.weights.begin(), u.weights.end(), [](double w) { return w < 0; }))
      return bad("expected weights >= 0");
    if (!u.weights.empty() &&
        std::all_of(u.weights.begin(), u.weights.end(), [](double w) { return w == 0; }))
      return bad("expected at least one weight > 0");
  }
  out.uncertainties.push_back(std::move(u));
}

// Two paths touch the same number when one is the other or lies inside it
// (`x` and `x.2035`).
bool overlap(const std::string& a, const std::string& b) {
  const auto& [s, l] = a.size() <= b.size() ? std::tie(a, b) : std::tie(b, a);
  return l.compare(0, s.size(), s) == 0 && (l.size() == s.size() || l[s.size()] == '.');
}

// The seed and the ensemble's own settings define the ensemble; varying them
// inside it has no meaning. The horizon and where companies come from set the
// shape of every member's arrays, which must be the same in one file. The
// metric settings are the file's, one for all members, so that their
// metrics compare.
bool reserved(const std::string& path) {
  return overlap(path, "seed") || overlap(path, "ensemble") || overlap(path, "years") ||
         overlap(path, "companies_from_fleet") || overlap(path, "metrics");
}

void check_overlaps(const SourceNode& doc, const EnsembleSpec& e, Diagnostics& diag) {
  const Origin where = doc.find("levers") ? doc.find("levers")->origin() : doc.origin();
  std::vector<std::pair<std::string, std::string>> levers; // path, who sets it
  for (const auto& a : e.axes)
    levers.emplace_back(a.path, "levers." + a.path);
  std::vector<std::string> package_paths;
  for (const auto& p : e.packages)
    for (const auto& [path, _] : p.settings)
      if (std::find(package_paths.begin(), package_paths.end(), path) == package_paths.end()) {
        package_paths.push_back(path);
        levers.emplace_back(path, "levers.packages." + p.name + "." + path);
      }
  for (std::size_t i = 0; i < levers.size(); ++i) {
    if (reserved(levers[i].first))
      add(diag, where, levers[i].second,
          "the seed, the ensemble settings, the years, companies_from_fleet and the metric settings "
          "cannot be levers (they define the ensemble and the shape and meaning of its results); "
          "use separate scenarios");
    for (std::size_t j = i + 1; j < levers.size(); ++j)
      if (overlap(levers[i].first, levers[j].first))
        add(diag, where, levers[j].second,
            "sets the same number as " + levers[i].second + "; a path may be set by one axis or by packages");
  }
  const Origin uwhere = doc.find("uncertainties") ? doc.find("uncertainties")->origin() : doc.origin();
  // hydrogen_supply computes hydrogen's price: a lever on its path would do nothing.
  if (const auto computed = computed_price_path(doc)) {
    for (const auto& [path, who] : levers)
      if (overlap(path, *computed))
        add(diag, where, who,
            "has no effect: hydrogen_supply computes this price; vary hydrogen_supply.cost_factor (a "
            "multiplier on the levelized cost) or its inputs");
    for (const auto& u : e.uncertainties)
      if (overlap(u.path, *computed))
        add(diag, uwhere, "uncertainties." + u.path,
            "has no effect: hydrogen_supply computes this price; sample hydrogen_supply.cost_factor (a "
            "multiplier on the levelized cost) or its inputs");
  }
  for (const auto& u : e.uncertainties) {
    if (reserved(u.path))
      add(diag, uwhere, "uncertainties." + u.path,
          "the seed, the ensemble settings, the years, companies_from_fleet and the metric settings "
          "cannot be uncertain (they define the ensemble and the shape and meaning of its results)");
    for (const auto& [path, who] : levers)
      if (overlap(u.path, path))
        add(diag, uwhere, "uncertainties." + u.path,
            "touches the same number as the lever " + who + "; the sample would undo the lever setting");
  }
}

} // namespace

EnsembleSpec read_ensemble_spec(const SourceNode& doc, Diagnostics& diag) {
  EnsembleSpec out;
  if (!doc.is_map()) return out;
  if (const SourceNode* l = doc.find("levers"); l && !l->is_null()) read_levers(doc, *l, out, diag);
  if (const SourceNode* u = doc.find("uncertainties"); u && !u->is_null()) {
    if (!u->is_map()) {
      add(diag, u->origin(), "uncertainties",
          "expected a mapping {parameter path: distribution}, found " + show(*u));
    } else {
      for (const auto& e : u->entries())
        read_uncertainty(doc, e, out, diag);
    }
  }
  check_overlaps(doc, out, diag);
  return out;
}

} // namespace steelpath::input
