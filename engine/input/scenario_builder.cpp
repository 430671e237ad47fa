#include "input/scenario_builder.hpp"

#include "input/series_validator.hpp"

#include <charconv>
#include <limits>

namespace steelpath::input {

namespace {

double num(const SourceNode& map, const std::string& key, double fallback = 0.0) {
  const SourceNode* n = map.find(key);
  double v = fallback;
  if (n && n->is_scalar()) std::from_chars(n->text().data(), n->text().data() + n->text().size(), v);
  return v;
}

int whole(const SourceNode& map, const std::string& key, int fallback = 0) {
  return static_cast<int>(num(map, key, fallback));
}

std::string text(const SourceNode& map, const std::string& key, const std::string& fallback) {
  const SourceNode* n = map.find(key);
  return n && n->is_scalar() ? n->text() : fallback;
}

const SourceNode& section(const SourceNode& root, const std::string& key) {
  static const SourceNode empty = SourceNode::make_map({});
  const SourceNode* n = root.find(key);
  return n && n->is_map() ? *n : empty;
}

std::optional<YearSeries> optional_series(const SourceNode& map, const std::string& key, const Horizon& h) {
  const SourceNode* n = map.find(key);
  if (!n || n->is_null()) return std::nullopt;
  return build_series(*n, h);
}

Technology technology(const std::string& id, const SourceNode& n, const Scenario& s) {
  Technology t;
  t.id = id;
  t.name = text(n, "name", id);
  t.family = text(n, "family", "other");
  t.inputs.assign(s.commodities.size(), 0.0);
  for (const auto& in : section(n, "inputs").entries())
    if (const auto c = s.find_commodity(in.key))
      t.inputs[static_cast<std::size_t>(*c)] = num(section(n, "inputs"), in.key);
  t.process_emissions = num(n, "process_emissions");
  t.capture_rate = num(n, "capture_rate");
  t.capex_greenfield = num(n, "capex_greenfield");
  t.capex_switch = num(n, "capex_switch", t.capex_greenfield);
  t.capex_reline = num(n, "capex_reline");
  t.opex_fixed = num(n, "opex_fixed");
  t.campaign_years = whole(n, "campaign_years");
  t.available_from = whole(n, "available_from");
  t.lifetime_years = whole(n, "lifetime_years", 40);
  t.construction_years = whole(n, "construction_years", 3);
  t.readiness = whole(n, "readiness", 9);
  if (auto m = optional_series(n, "max_new_capacity", s.horizon)) t.max_new_capacity = std::move(*m);
  t.learning_rate = num(n, "learning_rate");
  t.learning_rate_rd = num(n, "learning_rate_rd");
  t.base_capacity = num(n, "base_capacity", 1.0);
  t.base_knowledge = num(n, "base_knowledge", 1.0);
  t.knowledge_threshold = num(n, "knowledge_threshold");
  return t;
}

Region region(const std::string& id, const SourceNode& n, const Scenario& s) {
  const Horizon& h = s.horizon;
  Region r;
  r.id = id;
  r.demand = build_series(*n.find("demand"), h);
  r.scrap_supply = build_series(*n.find("scrap_supply"), h);
  r.prices.resize(s.commodities.size());
  for (const auto& p : section(n, "prices").entries())
    if (const auto c = s.find_commodity(p.key))
      r.prices[static_cast<std::size_t>(*c)] = build_series(p.value, h);
  r.carbon_price = optional_series(n, "carbon_price", h);
  r.grid_intensity = optional_series(n, "grid_intensity", h);
  r.demand_reduction = optional_series(n, "demand_reduction", h).value_or(YearSeries::constant(h, 0.0));
  if (const SourceNode* st = n.find("intensity_standard"); st && st->is_map() && st->find("max")) {
    r.intensity_standard = build_series(*st->find("max"), h);
    r.intensity_penalty = num(*st, "penalty");
  }
  return r;
}

Company company(const std::string& id, const SourceNode& n, const Scenario& s) {
  Company c;
  c.id = id;
  c.name = text(n, "name", id);
  c.hurdle_rate = num(n, "hurdle_rate", s.finance.discount_rate);
  const std::string f = text(n, "foresight", "perfect");
  c.foresight = f == "myopic" ? Foresight::myopic : f == "trend" ? Foresight::trend : Foresight::perfect;
  c.finance_limit = num(n, "finance_limit");
  c.debt_limit = num(n, "debt_limit");
  c.alliance_member = text(n, "alliance", "false") == "true";
  if (const SourceNode* t = n.find("target");
      t && t->is_map() && (t->find("peak_year") || t->find("neutrality_year") || t->find("intensity")))
    c.target = CompanyTarget{whole(*t, "peak_year"), whole(*t, "neutrality_year"), num(*t, "price_step"),
                             num(*t, "price_max"), optional_series(*t, "intensity", s.horizon)};
  return c;
}

void policies(const SourceNode& root, Scenario& s) {
  const Horizon& h = s.horizon;
  const SourceNode& pol = section(root, "policies");
  s.policy.carbon_price = build_series(*pol.find("carbon_price"), h);
  s.policy.storage_cost = num(pol, "storage_cost");
  s.policy.blast_furnace_ban_year = whole(pol, "blast_furnace_ban");
  if (const SourceNode* e = pol.find("ets"); e && e->is_map() && e->find("regions")) {
    EmissionsTrading ets;
    if (const SourceNode* t = e->find("trading"); t && t->text() == "intensity")
      ets.trading = EmissionsTrading::Trading::intensity;
    if (const SourceNode* rs = e->find("regions"))
      for (const auto& item : rs->items())
        if (const auto r = s.find_region(item.text())) ets.regions.push_back(*r);
    if (const SourceNode* cap = e->find("cap")) ets.cap = build_series(*cap, h);
    for (const auto& b : section(*e, "benchmarks").entries()) {
      ets.families.push_back(b.key);
      ets.benchmarks.push_back(build_series(b.value, h));
    }
    ets.price_floor = num(*e, "price_floor");
    ets.price_ceiling = num(*e, "price_ceiling", 1000.0);
    s.policy.ets = std::move(ets);
  }
  if (const SourceNode* sub = pol.find("subsidies"); sub && sub->is_map() && sub->find("budget")) {
    CapexSubsidy cs;
    cs.budget = build_series(*sub->find("budget"), h);
    cs.share.assign(s.technologies.size(), 0.0);
    cs.per_capacity.assign(s.technologies.size(), 0.0);
    for (const auto& r : section(*sub, "routes").entries())
      if (const auto k = s.find_technology(r.key)) {
        cs.share[static_cast<std::size_t>(*k)] = num(r.value, "share");
        cs.per_capacity[static_cast<std::size_t>(*k)] = num(r.value, "per_capacity");
      }
    s.policy.subsidy = std::move(cs);
  }
  if (const SourceNode* f = pol.find("fund"); f && f->is_map() && f->find("budget")) {
    InnovationFund fund;
    fund.budget = build_series(*f->find("budget"), h);
    fund.allocation.assign(s.technologies.size(), 0.0);
    for (const auto& a : section(*f, "allocation").entries())
      if (const auto k = s.find_technology(a.key))
        fund.allocation[static_cast<std::size_t>(*k)] = num(section(*f, "allocation"), a.key);
    fund.depreciation = num(*f, "depreciation", 0.1);
    s.policy.fund = std::move(fund);
  }
  for (const auto& o : section(root, "offtakes").entries())
    s.policy.offtakes.push_back(
        {o.key, text(o.value, "buyer", ""), s.find_company(text(o.value, "company", "")).value_or(-1),
         num(o.value, "volume"), num(o.value, "premium"), num(o.value, "max_intensity"),
         whole(o.value, "start"), whole(o.value, "end", 2100)});
}

} // namespace

Scenario build_scenario(const SourceNode& root) {
  Scenario s;
  s.name = text(root, "name", "scenario");
  s.seed = static_cast<std::uint64_t>(whole(root, "seed", 1));
  s.horizon = {whole(section(root, "years"), "first"), whole(section(root, "years"), "last")};
  const Horizon& h = s.horizon;

  for (const auto& e : section(root, "commodities").entries())
    s.commodities.push_back({e.key, text(e.value, "unit", ""), build_series(*e.value.find("price"), h),
                             num(e.value, "emission_factor"), num(e.value, "indirect_emission_factor")});
  for (const auto& e : section(root, "technologies").entries())
    s.technologies.push_back(technology(e.key, e.value, s));
  // Conversion capex from particular routes needs every route's index.
  for (std::size_t k = 0; k < s.technologies.size(); ++k) {
    const SourceNode& from =
        section(*section(root, "technologies").find(s.technologies[k].id), "capex_switch_from");
    if (from.entries().empty()) continue;
    s.technologies[k].capex_switch_from.assign(s.technologies.size(),
                                               std::numeric_limits<double>::quiet_NaN());
    for (const auto& e : from.entries())
      if (const auto o = s.find_technology(e.key))
        s.technologies[k].capex_switch_from[static_cast<std::size_t>(*o)] = num(from, e.key);
  }
  for (const auto& e : section(root, "regions").entries())
    s.regions.push_back(region(e.key, e.value, s));

  s.finance.discount_rate = num(section(root, "finance"), "discount_rate");
  s.finance.expected_utilisation = num(section(root, "finance"), "expected_utilisation");
  s.metrics.discount_rate = num(section(root, "metrics"), "discount_rate");
  for (const auto& e : section(root, "companies").entries())
    s.companies.push_back(company(e.key, e.value, s));

  const SourceNode& mkt = section(root, "market");
  s.market.max_utilisation = num(mkt, "max_utilisation");
  s.scrap_commodity = s.find_commodity(text(mkt, "scrap_commodity", "scrap"));
  s.electricity_commodity = s.find_commodity(text(mkt, "electricity_commodity", "electricity"));

  const SourceNode& b = section(root, "behaviour");
  s.behaviour.heterogeneity = num(b, "heterogeneity");
  s.behaviour.risk_premium_per_trl = num(b, "risk_premium_per_trl");
  s.behaviour.campaign_jitter_years = whole(b, "campaign_jitter_years");
  s.behaviour.stranding_years = whole(b, "stranding_years", 3);
  s.behaviour.reserve_margin = num(b, "reserve_margin", 0.1);
  s.behaviour.expansion_unit_size = num(b, "expansion_unit_size", 2.0);
  policies(root, s);
  return s;
}

} // namespace steelpath::input
