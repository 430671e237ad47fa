#include "input/scenario_builder.hpp"

#include "input/parameter_slot.hpp"
#include "input/series_validator.hpp"

#include <limits>

namespace steelpath::input {

namespace {

// --- The structure: entries, names, choices, references, optional objects.

std::string text(const SourceNode& map, const std::string& key, const std::string& fallback) {
  const SourceNode* n = map.find(key);
  return n && n->is_scalar() ? n->text() : fallback;
}

const SourceNode& section(const SourceNode& root, const std::string& key) {
  static const SourceNode empty = SourceNode::make_map({});
  const SourceNode* n = root.find(key);
  return n && n->is_map() ? *n : empty;
}

Technology technology(const std::string& id, const SourceNode& n, const Scenario& s) {
  Technology t;
  t.id = id;
  t.name = text(n, "name", id);
  t.family = text(n, "family", "other");
  t.inputs.assign(s.commodities.size(), 0.0);
  return t;
}

Company company(const std::string& id, const SourceNode& n) {
  Company c;
  c.id = id;
  c.name = text(n, "name", id);
  const std::string f = text(n, "foresight", "perfect");
  c.foresight = f == "myopic" ? Foresight::myopic : f == "trend" ? Foresight::trend : Foresight::perfect;
  c.alliance_member = text(n, "alliance", "false") == "true";
  if (const SourceNode* t = n.find("target");
      t && t->is_map() && (t->find("peak_year") || t->find("neutrality_year") || t->find("intensity")))
    c.target = CompanyTarget{};
  return c;
}

// The policies that are on: an ETS with regions, subsidies and a fund with a
// budget, and the offtake contracts; their numbers come with the rest.
void policies(const SourceNode& root, Scenario& s) {
  const SourceNode& pol = section(root, "policies");
  if (const SourceNode* e = pol.find("ets"); e && e->is_map() && e->find("regions")) {
    EmissionsTrading ets;
    if (const SourceNode* t = e->find("trading"); t && t->text() == "intensity")
      ets.trading = EmissionsTrading::Trading::intensity;
    if (const SourceNode* x = e->find("expectation"); x && x->text() == "last")
      ets.expectation = EmissionsTrading::Expectation::last;
    for (const auto& item : e->find("regions")->items())
      if (const auto r = s.find_region(item.text())) ets.regions.push_back(*r);
    for (const auto& b : section(*e, "benchmarks").entries())
      ets.families.push_back(b.key);
    ets.benchmarks.resize(ets.families.size());
    s.policy.ets = std::move(ets);
  }
  const std::size_t T = s.technologies.size();
  if (const SourceNode* sub = pol.find("subsidies"); sub && sub->is_map() && sub->find("budget"))
    s.policy.subsidy = CapexSubsidy{std::vector<double>(T, 0.0), std::vector<double>(T, 0.0), {}};
  if (const SourceNode* f = pol.find("fund"); f && f->is_map() && f->find("budget")) {
    s.policy.fund = InnovationFund{};
    s.policy.fund->allocation.assign(T, 0.0);
  }
  if (const SourceNode* cc = pol.find("carbon_contracts"); cc && cc->is_map() && cc->find("budget")) {
    CarbonContracts con;
    if (const SourceNode* r = cc->find("regions"))
      for (const auto& item : r->items())
        if (const auto i = s.find_region(item.text())) con.regions.push_back(*i);
    con.reference_route = s.find_technology(text(*cc, "reference_route", "")).value_or(-1);
    con.two_way = text(*cc, "settlement", "two_way") == "two_way";
    s.policy.carbon_contracts = std::move(con);
  }
  if (const SourceNode* g = pol.find("procurement"); g && g->is_map() && g->find("share")) {
    GreenProcurement mandate;
    if (const SourceNode* r = g->find("regions"))
      for (const auto& item : r->items())
        if (const auto i = s.find_region(item.text())) mandate.regions.push_back(*i);
    s.policy.procurement = std::move(mandate);
  }
  for (const auto& o : section(root, "offtakes").entries()) {
    OfftakeContract c;
    c.id = o.key;
    c.buyer = text(o.value, "buyer", "");
    c.company = s.find_company(text(o.value, "company", "")).value_or(-1);
    s.policy.offtakes.push_back(std::move(c));
  }
}

// Hydrogen supply, when written: its commodity, power and allowed supplies;
// the numbers come with the rest.
void hydrogen_supply(const SourceNode& root, Scenario& s) {
  const SourceNode* h = root.find("hydrogen_supply");
  if (!h || !h->is_map()) return;
  HydrogenSupply supply;
  supply.commodity = s.find_commodity(text(*h, "commodity", "hydrogen")).value_or(-1);
  supply.contract = text(*h, "power", "grid") == "contract";
  supply.electrolysis = text(*h, "electrolysis", "true") == "true";
  for (const auto& [key, field] :
       {std::pair{"smr", &HydrogenSupply::smr}, std::pair{"smr_ccs", &HydrogenSupply::smr_ccs}})
    if (const SourceNode* f = h->find(key); f && f->is_map()) {
      FossilHydrogen fossil;
      fossil.allowed = text(*f, "allowed", "true") == "true";
      supply.*field = fossil;
    }
  if (const SourceNode* c = h->find("production_credit"); c && c->is_map()) {
    ProductionCredit credit; // tiers named here, numbers with the rest
    for (const auto& t : section(*c, "tiers").entries())
      credit.tiers.push_back({t.key, 0.0, 0.0});
    if (const SourceNode* regions = c->find("regions"); regions && regions->is_sequence()) {
      for (const auto& item : regions->items())
        if (const auto r = s.find_region(item.text())) credit.regions.push_back(*r);
    } else {
      for (std::size_t r = 0; r < s.regions.size(); ++r)
        credit.regions.push_back(static_cast<int>(r));
    }
    supply.production_credit = std::move(credit);
  }
  s.hydrogen_supply = std::move(supply);
}

// --- The numbers: every bound leaf of the format, into the field it names.

/// A leaf left unwritten that takes another's value (Spec::default_from):
/// a sibling's at the same entry, or the leaf at a root path.
struct Pending {
  const Spec* leaf;
  EntryIndex at;
  const Spec* sibling; ///< nullptr: `from` is a root path
  std::string from;
};

void read_numbers(const SourceNode& node, const Spec& spec, const EntryIndex& at, Scenario& s,
                  std::vector<Pending>& pending);

void read_leaf(const SourceNode& node, const Spec& spec, const EntryIndex& at, Scenario& s) {
  const Binding& b = spec.binding;
  if (spec.kind != SpecKind::series) {
    (void)set_bound_number(b, s, at, number_of(node));
  } else if (b.series) {
    if (YearSeries* field = b.series(s, at)) *field = build_series(node, s.horizon);
  } else if (b.optional_series) {
    if (std::optional<YearSeries>* field = b.optional_series(s, at)) *field = build_series(node, s.horizon);
  }
}

void read_record(const SourceNode& node, const Spec& spec, const EntryIndex& at, Scenario& s,
                 std::vector<Pending>& pending) {
  for (const auto& [name, field] : spec.fields) {
    const SourceNode* child = node.find(name);
    if (child && !child->is_null())
      read_numbers(*child, field, at, s, pending);
    else if (!field.default_from.empty())
      pending.push_back({&field, at, spec.field(field.default_from), field.default_from});
  }
}

void read_numbers(const SourceNode& node, const Spec& spec, const EntryIndex& at, Scenario& s,
                  std::vector<Pending>& pending) {
  switch (spec.kind) {
  case SpecKind::record:
    if (node.is_map()) read_record(node, spec, at, s, pending);
    break;
  case SpecKind::map_of:
  case SpecKind::ref_map:
    if (!spec.index || !node.is_map()) break; // exchange rates: read by the validator
    for (std::size_t j = 0; j < node.entries().size(); ++j) {
      const auto& e = node.entries()[j];
      if (const auto k = entry_index(s, spec.index, e.key, j)) {
        EntryIndex entry = at;
        entry.*(spec.index) = *k;
        if (!e.value.is_null()) read_numbers(e.value, spec.entry.front(), entry, s, pending);
      }
    }
    break;
  case SpecKind::number:
  case SpecKind::integer:
  case SpecKind::series:
    if (node.is_scalar() || node.is_map()) read_leaf(node, spec, at, s);
    break;
  default:
    break;
  }
}

// Unwritten leaves with a default_from take that leaf's value, once all are read.
void fill_defaults(const std::vector<Pending>& pending, Scenario& s) {
  for (const Pending& p : pending) {
    std::optional<double> v;
    if (p.sibling) {
      v = bound_number(p.sibling->binding, s, p.at);
    } else if (const auto leaf = find_leaf(split_path(p.from), s)) {
      v = bound_number(leaf->spec->binding, s, leaf->index);
    }
    if (v) (void)set_bound_number(p.leaf->binding, s, p.at, *v);
  }
}

} // namespace

Scenario build_scenario(const SourceNode& root) {
  Scenario s;
  s.name = text(root, "name", "scenario");
  const SourceNode& years = section(root, "years");
  s.horizon = {static_cast<int>(number_of(*years.find("first"))),
               static_cast<int>(number_of(*years.find("last")))};
  for (const auto& e : section(root, "commodities").entries())
    s.commodities.push_back({e.key, text(e.value, "unit", ""), {}});
  for (const auto& e : section(root, "technologies").entries())
    s.technologies.push_back(technology(e.key, e.value, s));
  for (const auto& e : section(root, "technologies").entries()) // every route's index is known now
    if (!section(e.value, "capex_switch_from").entries().empty())
      s.technologies[static_cast<std::size_t>(*s.find_technology(e.key))].capex_switch_from.assign(
          s.technologies.size(), std::numeric_limits<double>::quiet_NaN());
  for (const auto& e : section(root, "regions").entries()) {
    Region r;
    r.id = e.key;
    r.prices.resize(s.commodities.size());
    s.regions.push_back(std::move(r));
  }
  for (const auto& e : section(root, "companies").entries())
    s.companies.push_back(company(e.key, e.value));
  const SourceNode& mkt = section(root, "market");
  s.scrap_commodity = s.find_commodity(text(mkt, "scrap_commodity", "scrap"));
  s.electricity_commodity = s.find_commodity(text(mkt, "electricity_commodity", "electricity"));
  s.natural_gas_commodity = s.find_commodity(text(mkt, "natural_gas_commodity", "natural_gas"));
  s.market.green_in_investment = text(mkt, "green_in_investment", "true") == "true";
  s.market.green_in_dispatch = text(mkt, "green_in_dispatch", "true") == "true";
  hydrogen_supply(root, s);
  policies(root, s);
  std::vector<Pending> pending;
  read_numbers(root, scenario_spec(), EntryIndex{}, s, pending);
  fill_defaults(pending, s);
  return s;
}

} // namespace steelpath::input
