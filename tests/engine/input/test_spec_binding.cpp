// The format's leaves and the model's fields (input/spec_binding.hpp): every
// number, integer and series is bound to a field; the model's own defaults
// are the format's; and the builder reads every leaf into the field its
// binding names (each leaf set to a value of its own through --set, one at
// a time, and read back through the binding).
#include "input/parameter_paths.hpp"
#include "input/parameter_slot.hpp"
#include "input/quantity.hpp"
#include "input/scenario_loader.hpp"

#include "../../support/mini_scenario.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>

using namespace steelpath;
using namespace steelpath::input;

namespace {

bool is_leaf(SpecKind k) {
  return k == SpecKind::number || k == SpecKind::integer || k == SpecKind::series;
}

// Every leaf of the format, as "a.*.b" paths, with its spec.
void leaves(const Spec& spec, const std::string& path,
            std::vector<std::pair<std::string, const Spec*>>& out) {
  if (is_leaf(spec.kind)) {
    out.emplace_back(path, &spec);
    return;
  }
  if (spec.kind == SpecKind::record)
    for (const auto& [name, field] : spec.fields)
      leaves(field, path.empty() ? name : path + "." + name, out);
  if (spec.kind == SpecKind::map_of || spec.kind == SpecKind::ref_map)
    leaves(spec.entry.front(), path + ".*", out);
}

// The value a binding reaches, as a number (a series: its first year).
std::optional<double> read(const Binding& b, Scenario& s, const EntryIndex& i) {
  if (b.number) return b.number(s, i) ? std::optional(*b.number(s, i)) : std::nullopt;
  if (b.integer) return b.integer(s, i) ? std::optional<double>(*b.integer(s, i)) : std::nullopt;
  if (b.count) return b.count(s, i) ? std::optional(static_cast<double>(*b.count(s, i))) : std::nullopt;
  if (b.series && b.series(s, i) && b.series(s, i)->size() > 0) return (*b.series(s, i))[0];
  if (b.optional_series && b.optional_series(s, i) && *b.optional_series(s, i))
    return (**b.optional_series(s, i))[0];
  return std::nullopt;
}

// Keys that set no model field: exchange rates are applied by the input
// layer, the ensemble's sizes by the ensemble layer.
bool unbound_by_design(const std::string& path) {
  return path == "currencies.*" || path == "ensemble.samples" || path == "ensemble.replicates";
}

// A scenario that writes every optional section, each number its own value.
const char* kRich =
    "extends: base.yaml\n"
    "currencies: {EUR: 1.1}\n"
    "technologies:\n"
    "  bf: {capex_switch: 450, capex_switch_from: {eaf: 420}, max_new_capacity: 5, available_from: 2000,\n"
    "       lifetime_years: 45, construction_years: 2, readiness: 8, learning_rate: 0.1,\n"
    "       learning_rate_rd: 0.05, base_capacity: 2, start_capacity: 1.5, base_knowledge: 3,\n"
    "       knowledge_threshold: 4,\n"
    "       process_emissions: 0.1, capture_rate: 0.2}\n"
    "commodities:\n"
    "  hydrogen: {unit: kg, price: 5}\n"
    "  electricity: {unit: MWh, price: 60}\n"
    "  natural_gas: {unit: GJ, price: 10}\n"
    "hydrogen_supply: {electrolyser_capex: 2000, deployment: 6, base_deployment: 5.2, learning_rate: 0.18,\n"
    "  fixed_om: 0.02, lifetime_years: 20, discount_rate: 0.07, efficiency: 50, load_factor: 0.9,\n"
    "  storage_cost: 0.3, power: contract, contract_price: 50, power_subsidy: 5, cost_factor: 1.1,\n"
    "  smr: {gas: 0.158, other_cost: 0.51, co2: 8.86, capture_rate: 0.05},\n"
    "  smr_ccs: {gas: 0.174, other_cost: 0.83, co2: 9.76, capture_rate: 0.9},\n"
    "  production_credit: {tiers: {clean: {max_intensity: 0.45, credit: 3}, low: {max_intensity: 1.5,\n"
    "    credit: 1}}, years: 10, last_start_year: 2027, regions: [r]}}\n"
    "regions:\n"
    "  r: {prices: {coal: 110}, carbon_price: 15, grid_intensity: 0.5, demand_reduction: 0.05,\n"
    "      intensity_standard: {max: 1.8, penalty: 40}, dri_gas_supply: 3, h2_contract_price: 30,\n"
    "      h2_capex_factor: 0.5, green_buyers: {max_premium: 330, knee_premium: 75, knee_share: 0.2}}\n"
    "companies:\n"
    "  c: {hurdle_rate: 0.09, finance_limit: 0.5, debt_limit: 1000,\n"
    "      target: {peak_year: 2026, neutrality_year: 2060, intensity: 1.5, price_step: 12, price_max: "
    "250}}\n"
    "policies:\n"
    "  storage_cost: 15\n"
    "  blast_furnace_ban: 2040\n"
    "  ets: {regions: [r], cap: 20, benchmarks: {bf: 1.6}, price_floor: 5, price_ceiling: 900}\n"
    "  subsidies: {budget: 100, routes: {eaf: {share: 0.2, per_capacity: 10}}}\n"
    "  fund: {budget: 50, allocation: {eaf: 0.5}, depreciation: 0.15}\n"
    "  carbon_contracts: {regions: [r], budget: 4000, first_round: 2026, round_interval: 4, round_count: 2,\n"
    "    years: 12, max_strike: 150, min_cut: 0.8, reference_route: bf, bid_margin: 0.05}\n"
    "  procurement: {regions: [r], share: 0.1, penalty: 250}\n"
    "offtakes:\n"
    "  o1: {buyer: B, company: c, volume: 1, premium: 50, max_intensity: 0.5, start: 2026, end: 2040}\n"
    "behaviour: {heterogeneity: 10, risk_premium_per_trl: 0.01, campaign_jitter_years: 1,\n"
    "            stranding_years: 4, reserve_margin: 0.15, expansion_unit_size: 1.5}\n"
    "seed: 5\n"
    "fleet_timing: {draw: 3}\n"
    "finance: {discount_rate: 0.07, expected_utilisation: 0.8}\n"
    "metrics: {discount_rate: 0.03}\n"
    "market: {max_utilisation: 0.88, scrap_elasticity: 0.4, scrap_reference_share: 0.7, scrap_floor_share: "
    "0.6,\n"
    "         near_zero_intensity: 0.38, near_zero_intensity_scrap: 0.06}\n";

} // namespace

TEST_CASE("every number, integer and series of the format is bound to a model field", "[input][binding]") {
  std::vector<std::pair<std::string, const Spec*>> all;
  leaves(scenario_spec(), "", all);
  REQUIRE(all.size() > 60);
  for (const auto& [path, spec] : all) {
    INFO(path);
    CHECK(spec->binding.bound() != unbound_by_design(path));
  }
}

TEST_CASE("the model's defaults are the format's", "[input][binding]") {
  // One default-constructed object of each kind, every optional present.
  Scenario s;
  s.commodities.resize(1);
  s.technologies.resize(1);
  s.technologies[0].inputs = {0.0};
  s.regions.resize(1);
  s.regions[0].intensity_standard = YearSeries{};
  s.companies.resize(1);
  s.companies[0].target = CompanyTarget{};
  s.policy.offtakes.resize(1);
  s.policy.ets = EmissionsTrading{};
  s.policy.ets->families = {"bf"};
  s.policy.ets->benchmarks.resize(1);
  s.policy.subsidy = CapexSubsidy{{0.0}, {0.0}, {}};
  s.policy.fund = InnovationFund{{}, {0.0}};
  s.policy.carbon_contracts = CarbonContracts{};
  s.policy.procurement = GreenProcurement{};
  s.hydrogen_supply = HydrogenSupply{};
  s.hydrogen_supply->smr = FossilHydrogen{};
  s.hydrogen_supply->smr_ccs = FossilHydrogen{};
  s.hydrogen_supply->production_credit = ProductionCredit{};
  s.hydrogen_supply->production_credit->tiers.resize(1);
  const EntryIndex first{0, 0, 0, 0, 0, 0, 0, 0};
  std::vector<std::pair<std::string, const Spec*>> all;
  leaves(scenario_spec(), "", all);
  int checked = 0;
  for (const auto& [path, spec] : all) {
    if (!spec->default_text || spec->kind == SpecKind::series || !spec->binding.bound()) continue;
    INFO(path << ": format default " << *spec->default_text);
    const auto model = read(spec->binding, s, first);
    REQUIRE(model);
    CHECK(*model == std::stod(*spec->default_text));
    ++checked;
  }
  CHECK(checked > 30);
}

TEST_CASE("the builder reads every leaf into the field its binding names", "[input][binding]") {
  test::TempDir dir;
  dir.write("fleet.csv", test::kMiniFleet);
  dir.write("base.yaml", test::join_lines(test::mini_lines()));
  const auto file = dir.write("s.yaml", kRich);
  const LoadedScenario base = load_scenario(file);
  std::set<const Spec*> covered;
  for (const auto& path : parameter_paths(base.resolved)) {
    const auto parts = split_path(path);
    const auto leaf = find_leaf(parts, base.scenario);
    if (!leaf || leaf->parts_used != parts.size() || path.rfind("years.", 0) == 0) continue; // points
    INFO(path);
    Scenario s = base.scenario;
    const auto before = read(leaf->spec->binding, s, leaf->index);
    if (!before || std::isnan(*before)) continue; // not written here (e.g. capex_switch_from of eaf)
    // A value of its own, inside the leaf's bounds.
    const double step = leaf->spec->kind == SpecKind::integer ? 1.0 : 0.0123;
    const double v = *before + step <= leaf->spec->bounds.hi ? *before + step : *before - step;
    const LoadedScenario changed = load_scenario(file, {path + "=" + format_double(v)});
    Scenario t = changed.scenario;
    CHECK(read(leaf->spec->binding, t, leaf->index) == v);
    covered.insert(leaf->spec);
  }
  // Every bound leaf of the format was set and read back at least once.
  std::vector<std::pair<std::string, const Spec*>> all;
  leaves(scenario_spec(), "", all);
  for (const auto& [path, spec] : all) {
    INFO(path);
    if (spec->binding.bound() && path.rfind("years.", 0) != 0) CHECK(covered.count(spec) == 1);
  }
}
