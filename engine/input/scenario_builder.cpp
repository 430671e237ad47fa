#include "input/scenario_builder.hpp"

#include "input/series_validator.hpp"

#include <charconv>

namespace steelpath::input {

namespace {

double num(const SourceNode& map, const std::string& key) {
  const SourceNode* n = map.find(key);
  double v = 0.0;
  if (n && n->is_scalar()) std::from_chars(n->text().data(), n->text().data() + n->text().size(), v);
  return v;
}

int whole(const SourceNode& map, const std::string& key) { return static_cast<int>(num(map, key)); }

std::string text(const SourceNode& map, const std::string& key, const std::string& fallback) {
  const SourceNode* n = map.find(key);
  return n && n->is_scalar() ? n->text() : fallback;
}

const SourceNode& section(const SourceNode& root, const std::string& key) {
  static const SourceNode empty = SourceNode::make_map({});
  const SourceNode* n = root.find(key);
  return n && n->is_map() ? *n : empty;
}

} // namespace

Scenario build_scenario(const SourceNode& root) {
  Scenario s;
  s.name = text(root, "name", "scenario");
  s.horizon = {whole(section(root, "years"), "first"), whole(section(root, "years"), "last")};
  const Horizon& h = s.horizon;

  for (const auto& e : section(root, "commodities").entries())
    s.commodities.push_back(
        {e.key, text(e.value, "unit", ""), build_series(*e.value.find("price"), h), num(e.value, "emission_factor")});

  for (const auto& e : section(root, "technologies").entries()) {
    Technology t;
    t.id = e.key;
    t.name = text(e.value, "name", e.key);
    t.inputs.assign(s.commodities.size(), 0.0);
    for (const auto& in : section(e.value, "inputs").entries())
      if (const auto c = s.find_commodity(in.key))
        t.inputs[static_cast<std::size_t>(*c)] = num(section(e.value, "inputs"), in.key);
    t.process_emissions = num(e.value, "process_emissions");
    t.capture_rate = num(e.value, "capture_rate");
    t.capex_greenfield = num(e.value, "capex_greenfield");
    t.capex_reline = num(e.value, "capex_reline");
    t.opex_fixed = num(e.value, "opex_fixed");
    t.campaign_years = whole(e.value, "campaign_years");
    t.available_from = whole(e.value, "available_from");
    s.technologies.push_back(std::move(t));
  }

  for (const auto& e : section(root, "regions").entries())
    s.regions.push_back({e.key, build_series(*e.value.find("demand"), h), build_series(*e.value.find("scrap_supply"), h)});
  for (const auto& e : section(root, "companies").entries()) s.companies.push_back({e.key, text(e.value, "name", e.key)});

  s.policy.carbon_price = build_series(*section(root, "policies").find("carbon_price"), h);
  s.finance.discount_rate = num(section(root, "finance"), "discount_rate");
  s.finance.expected_utilisation = num(section(root, "finance"), "expected_utilisation");
  s.market.max_utilisation = num(section(root, "market"), "max_utilisation");
  const std::string scrap = text(section(root, "market"), "scrap_commodity", "scrap");
  s.scrap_commodity = s.find_commodity(scrap);
  return s;
}

} // namespace steelpath::input
