#include "input/scenario_sections.hpp"

namespace steelpath::input {

namespace {

// Calls fn(id, node, path) for each entry of a mapping section; reports a
// section that is missing, empty or not a mapping.
template <class Fn>
void for_each_entry(YamlReader& in, const YAML::Node& root, const std::string& section, Fn fn) {
  const YAML::Node node = root[section];
  if (!node.IsDefined() || node.IsNull()) {
    in.error(root, section, "missing section '" + section + "'");
    return;
  }
  if (!in.expect_map(node, section)) return;
  if (node.size() == 0) {
    in.error(node, section, "expected at least one entry, found an empty mapping");
    return;
  }
  for (const auto& kv : node) {
    const std::string id = kv.first.Scalar();
    const std::string path = section + "." + id;
    if (in.expect_map(kv.second, path)) fn(id, kv.second, path);
  }
}

} // namespace

void read_years(YamlReader& in, const YAML::Node& root, Scenario& s) {
  const YAML::Node node = root["years"];
  if (!node.IsDefined()) {
    in.error(root, "years", "missing section 'years', expected {first: YEAR, last: YEAR}");
    return;
  }
  if (!in.expect_map(node, "years")) return;
  in.check_keys(node, "years", {"first", "last"});
  const auto first = in.integer(node, "first", "years", {1900, 2200});
  const auto last = in.integer(node, "last", "years", {1900, 2200});
  if (!first || !last) return;
  if (*last < *first) {
    in.error(node["last"], "years.last",
             "expected a year not before years.first (" + std::to_string(*first) + "), found " +
                 std::to_string(*last));
    return;
  }
  s.horizon = {*first, *last};
}

void read_commodities(YamlReader& in, const YAML::Node& root, Scenario& s) {
  for_each_entry(in, root, "commodities", [&](const std::string& id, const YAML::Node& n, const std::string& p) {
    in.check_keys(n, p, {"unit", "price", "emission_factor"});
    Commodity c;
    c.id = id;
    c.unit = in.string(n, "unit", p).value_or("");
    c.price = in.series(n, "price", p, s.horizon, Bounds::non_negative()).value_or(YearSeries{});
    c.emission_factor = in.number(n, "emission_factor", p, Bounds::non_negative(), 0.0).value_or(0.0);
    s.commodities.push_back(std::move(c));
  });
}

void read_technologies(YamlReader& in, const YAML::Node& root, Scenario& s) {
  std::vector<std::string> commodity_ids;
  for (const auto& c : s.commodities) commodity_ids.push_back(c.id);
  for_each_entry(in, root, "technologies", [&](const std::string& id, const YAML::Node& n, const std::string& p) {
    in.check_keys(n, p,
                  {"name", "inputs", "process_emissions", "capture_rate", "capex_greenfield", "capex_reline",
                   "opex_fixed", "campaign_years", "available_from"});
    Technology t;
    t.id = id;
    t.name = in.string(n, "name", p, id).value_or(id);
    t.inputs.assign(s.commodities.size(), 0.0);
    const YAML::Node inputs = n["inputs"];
    const std::string ip = p + ".inputs";
    if (!inputs.IsDefined() || inputs.IsNull()) {
      in.error(n, ip, "missing key 'inputs', expected {commodity: quantity per t crude steel}");
    } else if (in.expect_map(inputs, ip)) {
      for (const auto& kv : inputs) {
        const std::string cid = kv.first.Scalar();
        const auto c = s.find_commodity(cid);
        if (!c) {
          in.error(kv.first, ip + "." + cid,
                   "unknown commodity '" + cid + "'" + did_you_mean(cid, commodity_ids) +
                       "; commodities are declared in the 'commodities' section");
          continue;
        }
        t.inputs[static_cast<std::size_t>(*c)] =
            in.scalar_number(kv.second, ip + "." + cid, Bounds::non_negative()).value_or(0.0);
      }
    }
    const Bounds money = Bounds::non_negative();
    t.process_emissions = in.number(n, "process_emissions", p, Bounds::non_negative(), 0.0).value_or(0.0);
    t.capture_rate = in.number(n, "capture_rate", p, Bounds::share(), 0.0).value_or(0.0);
    t.capex_greenfield = in.number(n, "capex_greenfield", p, money).value_or(0.0);
    t.capex_reline = in.number(n, "capex_reline", p, money).value_or(0.0);
    t.opex_fixed = in.number(n, "opex_fixed", p, money).value_or(0.0);
    t.campaign_years = in.integer(n, "campaign_years", p, {1, 100}).value_or(20);
    t.available_from = in.integer(n, "available_from", p, {1800, 2300}, 1800).value_or(1800);
    s.technologies.push_back(std::move(t));
  });
}

void read_regions(YamlReader& in, const YAML::Node& root, Scenario& s) {
  for_each_entry(in, root, "regions", [&](const std::string& id, const YAML::Node& n, const std::string& p) {
    in.check_keys(n, p, {"demand", "scrap_supply"});
    Region r;
    r.id = id;
    r.demand = in.series(n, "demand", p, s.horizon, Bounds::non_negative()).value_or(YearSeries{});
    r.scrap_supply = in.series(n, "scrap_supply", p, s.horizon, Bounds::non_negative()).value_or(YearSeries{});
    s.regions.push_back(std::move(r));
  });
}

void read_companies(YamlReader& in, const YAML::Node& root, Scenario& s) {
  for_each_entry(in, root, "companies", [&](const std::string& id, const YAML::Node& n, const std::string& p) {
    in.check_keys(n, p, {"name"});
    (void)in.string(n, "name", p, id);
    s.companies.push_back({id});
  });
}

void read_policies(YamlReader& in, const YAML::Node& root, Scenario& s) {
  static const YAML::Node empty_map(YAML::NodeType::Map);
  auto section = [&](const char* name, const std::vector<std::string>& keys) -> YAML::Node {
    const YAML::Node node = root[name];
    if (!node.IsDefined() || node.IsNull()) return empty_map;
    if (!in.expect_map(node, name)) return empty_map;
    in.check_keys(node, name, keys);
    return node;
  };
  const YAML::Node pol = section("policies", {"carbon_price"});
  s.policy.carbon_price =
      in.series(pol, "carbon_price", "policies", s.horizon, Bounds::non_negative(), 0.0).value_or(YearSeries{});

  const YAML::Node fin = section("finance", {"discount_rate", "expected_utilisation"});
  s.finance.discount_rate = in.number(fin, "discount_rate", "finance", {0.0, 1.0}, 0.08).value_or(0.08);
  s.finance.expected_utilisation =
      in.number(fin, "expected_utilisation", "finance", {0.01, 1.0}, 0.85).value_or(0.85);

  const YAML::Node mkt = section("market", {"max_utilisation", "scrap_commodity"});
  s.market.max_utilisation = in.number(mkt, "max_utilisation", "market", {0.01, 1.0}, 0.9).value_or(0.9);
  const bool has_scrap = s.find_commodity("scrap").has_value();
  const auto scrap = in.string(mkt, "scrap_commodity", "market", has_scrap ? "scrap" : "");
  if (scrap && !scrap->empty()) {
    s.scrap_commodity = s.find_commodity(*scrap);
    if (!s.scrap_commodity) {
      std::vector<std::string> ids;
      for (const auto& c : s.commodities) ids.push_back(c.id);
      in.error(mkt["scrap_commodity"], "market.scrap_commodity",
               "expected a commodity declared in 'commodities', found '" + *scrap + "'" + did_you_mean(*scrap, ids));
    }
  }
}

} // namespace steelpath::input
