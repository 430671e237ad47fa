#include "input/hydrogen_rules.hpp"

#include <cstdlib>

namespace steelpath::input {

namespace {

std::string text_or(const SourceNode* map, const std::string& key, const std::string& fallback) {
  const SourceNode* n = map && map->is_map() ? map->find(key) : nullptr;
  return n && n->is_scalar() ? n->text() : fallback;
}

const SourceNode* entry(const SourceNode& root, const std::string& section, const std::string& id) {
  const SourceNode* s = root.find(section);
  return s && s->is_map() ? s->find(id) : nullptr;
}

void add(Diagnostics& d, const Origin& o, const std::string& path, const std::string& msg) {
  d.add({o.file, o.line, o.column, path, msg});
}

// Every region needs a contract price when the supply's own is absent.
void check_contract_prices(const SourceNode& root, const SourceNode& h, Diagnostics& d) {
  if (h.find("contract_price")) return;
  const SourceNode* regions = root.find("regions");
  if (!regions || !regions->is_map()) return;
  for (const auto& r : regions->entries())
    if (!r.value.is_map() || !r.value.find("h2_contract_price"))
      add(d, r.value.origin(), "regions." + r.key + ".h2_contract_price",
          "expected a clean-power contract price (USD/MWh) here or in hydrogen_supply.contract_price, "
          "required with hydrogen_supply.power: contract");
}

// SMR needs the region's gas price; some supply must be allowed.
void check_fossil_supplies(const SourceNode& root, const SourceNode& h, Diagnostics& d) {
  bool fossil = false;
  for (const char* key : {"smr", "smr_ccs"})
    if (const SourceNode* f = h.find(key); f && f->is_map() && text_or(f, "allowed", "true") == "true")
      fossil = true;
  const std::string gas = text_or(root.find("market"), "natural_gas_commodity", "natural_gas");
  if (fossil && !entry(root, "commodities", gas))
    add(d, h.origin(), "hydrogen_supply.smr",
        "expected a natural gas commodity ('" + gas + "') for hydrogen from gas, found none");
  if (!fossil && text_or(&h, "electrolysis", "true") != "true")
    add(d, h.origin(), "hydrogen_supply.electrolysis",
        "expected at least one allowed supply (electrolysis, or smr / smr_ccs with allowed: true)");
}

} // namespace

void check_credit_tiers(const SourceNode& resolved, Diagnostics& d) {
  const SourceNode* h = resolved.is_map() ? resolved.find("hydrogen_supply") : nullptr;
  const SourceNode* c = h && h->is_map() ? h->find("production_credit") : nullptr;
  const SourceNode* tiers = c && c->is_map() ? c->find("tiers") : nullptr;
  if (!tiers || !tiers->is_map()) return;
  std::string previous_key;
  double previous = 0.0;
  for (const auto& t : tiers->entries()) {
    const SourceNode* m = t.value.is_map() ? t.value.find("max_intensity") : nullptr;
    if (!m || !m->is_scalar()) continue; // missing or malformed: reported by the validator
    char* end = nullptr;
    const double v = std::strtod(m->text().c_str(), &end);
    if (end == m->text().c_str()) continue;
    if (!previous_key.empty() && !(v > previous))
      add(d, m->origin(), "hydrogen_supply.production_credit.tiers." + t.key + ".max_intensity",
          "expected tiers in ascending max_intensity, above tier '" + previous_key + "' (" + m->text() +
              " kg CO2/kg is not above " + std::to_string(previous) + ")");
    previous_key = t.key;
    previous = v;
  }
}

std::optional<std::string> computed_price_path(const SourceNode& root) {
  const SourceNode* h = root.is_map() ? root.find("hydrogen_supply") : nullptr;
  if (!h || !h->is_map()) return std::nullopt;
  return "commodities." + text_or(h, "commodity", "hydrogen") + ".price";
}

void check_hydrogen_supply(const SourceNode& root, Diagnostics& d) {
  const SourceNode* h = root.is_map() ? root.find("hydrogen_supply") : nullptr;
  if (!h || !h->is_map()) return;
  const std::string id = text_or(h, "commodity", "hydrogen");
  const SourceNode* com = entry(root, "commodities", id);
  if (!com)
    add(d, h->origin(), "hydrogen_supply.commodity",
        "expected a declared commodity that is hydrogen (default 'hydrogen'), found none named '" + id + "'");
  else if (text_or(com, "unit", "kg") != "kg")
    add(d, com->origin(), "commodities." + id + ".unit",
        "expected kg (hydrogen_supply prices hydrogen in USD/kg), found " + text_or(com, "unit", ""));
  check_fossil_supplies(root, *h, d);
  if (text_or(h, "electrolysis", "true") != "true") return;
  if (text_or(h, "power", "grid") == "contract") {
    check_contract_prices(root, *h, d);
    return;
  }
  const std::string power = text_or(root.find("market"), "electricity_commodity", "electricity");
  if (!entry(root, "commodities", power))
    add(d, h->origin(), "hydrogen_supply.power",
        "expected an electricity commodity ('" + power +
            "') for grid power, or power: contract with a contract price");
}

} // namespace steelpath::input
