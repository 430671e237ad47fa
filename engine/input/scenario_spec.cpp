#include "input/scenario_spec.hpp"

namespace steelpath::input {

const Spec* Spec::field(const std::string& name) const {
  for (const auto& [n, s] : fields)
    if (n == name) return &s;
  return nullptr;
}

std::vector<std::string> Spec::field_names() const {
  std::vector<std::string> names;
  for (const auto& f : fields)
    names.push_back(f.first);
  return names;
}

std::string concrete_unit(const std::string& unit, const std::string& commodity_unit) {
  const auto at = unit.find("@commodity");
  if (at == std::string::npos) return unit;
  return unit.substr(0, at) + "(" + commodity_unit + ")" + unit.substr(at + 10);
}

namespace {

Spec number(std::string doc, std::string unit, Bounds b, std::optional<std::string> def = std::nullopt) {
  Spec s;
  s.kind = SpecKind::number;
  s.doc = std::move(doc);
  s.unit = std::move(unit);
  s.bounds = b;
  s.required = !def.has_value();
  s.default_text = std::move(def);
  return s;
}
Spec integer(std::string doc, std::string unit, Bounds b, std::optional<std::string> def = std::nullopt) {
  Spec s = number(std::move(doc), std::move(unit), b, std::move(def));
  s.kind = SpecKind::integer;
  return s;
}
Spec series(std::string doc, std::string unit, Bounds b, std::optional<std::string> def = std::nullopt) {
  Spec s = number(std::move(doc), std::move(unit), b, std::move(def));
  s.kind = SpecKind::series;
  return s;
}
Spec text(std::string doc, bool required = false) {
  Spec s;
  s.kind = SpecKind::text;
  s.doc = std::move(doc);
  s.required = required;
  return s;
}
Spec choice(std::string doc, std::vector<std::string> choices, std::string def) {
  Spec s = text(std::move(doc));
  s.choices = std::move(choices);
  s.default_text = std::move(def);
  return s;
}
Spec ref_to(std::string doc, std::string section, bool list = false) {
  Spec s = text(std::move(doc));
  s.kind = list ? SpecKind::ref_list : SpecKind::ref;
  s.ref = std::move(section);
  return s;
}
Spec optional(Spec s) {
  s.required = false;
  return s;
}
Spec ref_map(std::string doc, std::string section, std::string entry_name, Spec entry) {
  Spec s;
  s.kind = SpecKind::ref_map;
  s.doc = std::move(doc);
  s.ref = std::move(section);
  s.entry_name = std::move(entry_name);
  s.entry.push_back(std::move(entry));
  return s;
}
Spec with_key_choices(Spec s, std::vector<std::string> keys) {
  s.choices = std::move(keys);
  return s;
}
Spec with_kind(Spec s, SpecKind k) {
  s.kind = k;
  return s;
}
Spec record(std::string doc, bool required, std::vector<std::pair<std::string, Spec>> fields) {
  Spec s;
  s.kind = SpecKind::record;
  s.doc = std::move(doc);
  s.required = required;
  s.fields = std::move(fields);
  return s;
}
Spec map_of(std::string doc, std::string entry_name, Spec entry, bool required = true) {
  Spec s;
  s.kind = SpecKind::map_of;
  s.doc = std::move(doc);
  s.entry_name = std::move(entry_name);
  s.entry.push_back(std::move(entry));
  s.required = required;
  return s;
}

Spec bound(Spec s, Binding b) {
  s.binding = b;
  return s;
}
Spec indexed(Spec s, int EntryIndex::*index) {
  s.index = index;
  return s;
}
Spec defaults_to(Spec s, std::string from) {
  s.default_from = std::move(from);
  return s;
}
template <auto Object, auto Field>
Spec at(Spec s) {
  return bound(std::move(s), bind::field<Object, Field>());
}
using namespace bind;

Spec build() {
  // Upper limits are far above any real value; they keep a typo (an extra
  // zero run wild, 1e308) from overflowing costs into inf.
  const Bounds share = Bounds::share();
  const Bounds price{0.0, 1e7};     // USD per unit of a commodity
  const Bounds capex{0.0, 1e6};     // USD per (t/yr), USD per (t/yr)/yr
  const Bounds quantity{0.0, 1e5};  // inputs per t, Mt/yr
  const Bounds intensity{0.0, 1e3}; // t CO2 per unit or per t
  const Bounds carbon{0.0, 1e5};    // USD/t CO2
  const Bounds musd{0.0, 1e7};      // million USD per year
  const Bounds rate{0.0, 1.0};
  const Bounds year{1800, 2300};

  Spec inputs;
  inputs.kind = SpecKind::ref_map;
  inputs.doc =
      "inputs per t crude steel, by commodity, in the commodity's unit; a negative quantity is a net "
      "export (e.g. electricity from process gases), credited at the price";
  inputs.ref = "commodities";
  inputs.entry_name = "commodity";
  inputs.required = true;
  inputs.index = &EntryIndex::commodity;
  inputs.entry.push_back(
      bound(number("quantity per t crude steel", "@commodity", Bounds{-1e3, 1e5}), technology_input()));

  Spec scrap_ref = text("the commodity limited by regions.*.scrap_supply (default: 'scrap' if declared)");
  scrap_ref.kind = SpecKind::ref;
  scrap_ref.ref = "commodities";

  Spec extends = with_kind(text("scenario file(s) this one extends, relative to this file"), SpecKind::path);
  Spec fleet = with_kind(text("fleet CSV file, relative to the file that names it", true), SpecKind::path);

  Spec levers;
  levers.kind = SpecKind::levers;
  levers.doc = "parameter path -> list of values to cross (full factorial); 'packages' -> named sets";
  Spec uncertainties;
  uncertainties.kind = SpecKind::uncertainties;
  uncertainties.doc = "parameter path -> distribution to sample per ensemble member";

  return record(
      "a steelpath scenario", true,
      {
          {"extends", extends},
          {"name", text("scenario name (default: the file name)")},
          {"description", text("what the scenario is for")},
          {"years", record("the simulated horizon", true,
                           {{"first", at<horizon, &Horizon::first_year>(
                                          integer("first simulated year", "year", {1900, 2200}))},
                            {"last", at<horizon, &Horizon::last_year>(
                                         integer("last simulated year (>= first)", "year", {1900, 2200}))}})},
          {"currencies", map_of("exchange rates for amounts written in other currencies", "currency",
                                number("USD per one unit of the currency", "1", {1e-9, 1e9}), false)},
          {"commodities",
           indexed(map_of("what routes consume", "commodity",
                          record("a commodity", true,
                                 {{"unit", text("physical unit of one quantity: t, GJ, kg, MWh, ...", true)},
                                  {"price", at<commodity, &Commodity::price>(
                                                series("price", "USD/@commodity", price))},
                                  {"emission_factor", at<commodity, &Commodity::emission_factor>(
                                                          number("direct CO2 per unit (0 for electricity)",
                                                                 "t CO2/@commodity", intensity, "0"))},
                                  {"indirect_emission_factor",
                                   at<commodity, &Commodity::indirect_emission_factor>(
                                       number("upstream CO2 per unit, counted as indirect "
                                              "(grid electricity: regions.*.grid_intensity)",
                                              "t CO2/@commodity", intensity, "0"))}})),
                   &EntryIndex::commodity)},
          {"technologies",
           indexed(
               map_of(
                   "steelmaking routes", "technology",
                   record("a route", true,
                          {{"name", text("readable name (default: the id)")},
                           {"family", choice("route family, for ETS benchmarks and bans",
                                             {"bf", "dri", "eaf", "sr", "electrolysis", "other"}, "other")},
                           {"inputs", inputs},
                           {"process_emissions",
                            at<technology, &Technology::process_emissions>(number(
                                "CO2 not tied to an input (fluxes, electrodes)", "t CO2/t", intensity, "0"))},
                           {"capture_rate", at<technology, &Technology::capture_rate>(
                                                number("share of direct CO2 captured", "1", share, "0"))},
                           {"capex_greenfield",
                            at<technology, &Technology::capex_greenfield>(number(
                                "capex of a new build or a conversion to this route", "USD/(t/yr)", capex))},
                           {"capex_switch",
                            defaults_to(at<technology, &Technology::capex_switch>(optional(
                                            number("capex of converting a unit of another route to this one "
                                                   "(default: capex_greenfield)",
                                                   "USD/(t/yr)", capex))),
                                        "capex_greenfield")},
                           {"capex_switch_from",
                            indexed(ref_map("conversion capex from particular routes (overrides "
                                            "capex_switch)",
                                            "technologies", "technology",
                                            bound(number("capex of converting from that route", "USD/(t/yr)",
                                                         capex),
                                                  technology_switch_from())),
                                    &EntryIndex::route)},
                           {"capex_reline",
                            at<technology, &Technology::capex_reline>(
                                number("capex of a relining at the end of a campaign", "USD/(t/yr)", capex))},
                           {"opex_fixed", at<technology, &Technology::opex_fixed>(
                                              number("fixed operating cost", "USD/(t/yr)/yr", capex))},
                           {"campaign_years", at<technology, &Technology::campaign_years>(integer(
                                                  "years between investment decisions", "yr", {1, 100}))},
                           {"available_from",
                            at<technology, &Technology::available_from>(
                                integer("first year the route can be chosen", "year", {1800, 2300}, "1800"))},
                           {"lifetime_years", at<technology, &Technology::lifetime_years>(integer(
                                                  "years from start to end of life", "yr", {1, 200}, "40"))},
                           {"construction_years",
                            at<technology, &Technology::construction_years>(
                                integer("years a new build or conversion takes", "yr", {0, 20}, "3"))},
                           {"readiness",
                            at<technology, &Technology::readiness>(integer(
                                "technology readiness level (risk premium below 9)", "1", {1, 9}, "9"))},
                           {"max_new_capacity",
                            at<technology, &Technology::max_new_capacity>(optional(
                                series("build-out limit: capacity the route may gain per year by new builds "
                                       "and conversions, all regions together (default: unlimited)",
                                       "Mt/yr per yr", Bounds{0.0, 1e5})))},
                           {"learning_rate", at<technology, &Technology::learning_rate>(
                                                 number("capex reduction per doubling of cumulative capacity",
                                                        "1", {0.0, 0.9}, "0"))},
                           {"learning_rate_rd", at<technology, &Technology::learning_rate_rd>(number(
                                                    "capex reduction per doubling of the knowledge stock",
                                                    "1", {0.0, 0.9}, "0"))},
                           {"base_capacity", at<technology, &Technology::base_capacity>(
                                                 number("cumulative capacity at which the capex figures hold",
                                                        "Mt/yr", {1e-6, 1e5}, "1"))},
                           {"base_knowledge", at<technology, &Technology::base_knowledge>(
                                                  number("knowledge stock at which the capex figures hold",
                                                         "million USD", {1e-6, 1e9}, "1"))},
                           {"knowledge_threshold",
                            at<technology, &Technology::knowledge_threshold>(number(
                                "knowledge stock that makes the route available to alliance members (0: "
                                "never before available_from)",
                                "million USD", {0.0, 1e9}, "0"))}})),
               &EntryIndex::technology)},
          {"regions",
           indexed(
               map_of(
                   "markets", "region",
                   record("a region", true,
                          {{"demand",
                            at<region, &Region::demand>(series("crude steel demand", "Mt/yr", quantity))},
                           {"scrap_supply", at<region, &Region::scrap_supply>(
                                                series("scrap available to steelmaking", "Mt/yr", quantity))},
                           {"prices", indexed(ref_map("regional price paths overriding the commodities' own",
                                                      "commodities", "commodity",
                                                      bound(series("regional price", "USD/@commodity", price),
                                                            region_price())),
                                              &EntryIndex::commodity)},
                           {"carbon_price",
                            at<region, &Region::carbon_price>(optional(
                                series("regional carbon price (overrides policies)", "USD/t CO2", carbon)))},
                           {"grid_intensity",
                            at<region, &Region::grid_intensity>(optional(
                                series("CO2 of grid electricity (indirect)", "t CO2/MWh", {0.0, 10.0})))},
                           {"demand_reduction",
                            at<region, &Region::demand_reduction>(series(
                                "material efficiency: share of demand avoided", "1", {0.0, 0.95}, "0"))},
                           {"intensity_standard",
                            record("maximum direct intensity; units above it pay a penalty", false,
                                   {{"max", bound(series("maximum direct intensity", "t CO2/t", intensity),
                                                  standard_max())},
                                    {"penalty", bound(number("penalty per t CO2 above the standard",
                                                             "USD/t CO2", carbon),
                                                      standard_penalty())}})}})),
               &EntryIndex::region)},
          {"companies_from_fleet",
           choice("take companies the scenario does not declare from the fleet CSV, with default settings",
                  {"true", "false"}, "false")},
          {"companies",
           indexed(
               map_of(
                   "steelmakers (with companies_from_fleet: only those with their own settings)", "company",
                   record(
                       "a company", false,
                       {{"name", text("readable name")},
                        {"hurdle_rate",
                         defaults_to(at<company, &Company::hurdle_rate>(optional(number(
                                         "its discount rate (default: finance.discount_rate)", "1", rate))),
                                     "finance.discount_rate")},
                        {"foresight",
                         choice("what it expects of prices: the scenario's paths, today's, or the "
                                "last five years' trend",
                                {"perfect", "myopic", "trend"}, "perfect")},
                        {"finance_limit",
                         at<company, &Company::finance_limit>(
                             number("capex per year at most this share of last year's revenue (0: no "
                                    "limit)",
                                    "1", {0.0, 10.0}, "0"))},
                        {"debt_limit", at<company, &Company::debt_limit>(number(
                                           "cumulative cash may not fall below minus this (0: no limit)",
                                           "million USD", {0.0, 1e7}, "0"))},
                        {"alliance", choice("member of the innovation alliance", {"true", "false"}, "false")},
                        {"target",
                         record("climate target, acting as an internal carbon price", false,
                                {{"peak_year", at<target, &CompanyTarget::peak_year>(
                                                   optional(integer("emissions peak by", "year", year)))},
                                 {"neutrality_year", at<target, &CompanyTarget::neutrality_year>(optional(
                                                         integer("direct emissions zero by", "year", year)))},
                                 {"intensity", at<target, &CompanyTarget::intensity>(optional(
                                                   series("intensity milestones: maximum direct intensity",
                                                          "t CO2/t", intensity)))},
                                 {"price_step",
                                  at<target, &CompanyTarget::price_step>(number(
                                      "internal price rise per year off track", "USD/t CO2", carbon, "10"))},
                                 {"price_max",
                                  at<target, &CompanyTarget::price_max>(
                                      number("internal price ceiling", "USD/t CO2", carbon, "300"))}})}}),
                   false),
               &EntryIndex::company)},
          {"fleet", fleet},
          {"policies",
           record(
               "policy levers", false,
               {{"carbon_price", at<policy, &Policy::carbon_price>(
                                     series("carbon price on direct emissions", "USD/t CO2", carbon, "0"))},
                {"storage_cost", at<policy, &Policy::storage_cost>(number(
                                     "transport and storage of captured CO2", "USD/t CO2", carbon, "0"))},
                {"blast_furnace_ban", at<policy, &Policy::blast_furnace_ban_year>(optional(integer(
                                          "no new or relined blast furnaces from this year", "year", year)))},
                {"ets",
                 record(
                     "emissions trading with an endogenous allowance price", false,
                     {{"regions", ref_to("covered regions", "regions", true)},
                      {"trading",
                       choice("allowance supply: a fixed 'cap', or 'intensity' (allowances = benchmark x "
                              "output, China's design)",
                              {"cap", "intensity"}, "cap")},
                      {"cap", at<ets, &EmissionsTrading::cap>(optional(
                                  series("cap on covered direct emissions (required with trading: cap)",
                                         "Mt CO2/yr", quantity)))},
                      {"benchmarks",
                       indexed(with_key_choices(
                                   map_of("free allocation per t of output, by route family", "family",
                                          bound(series("benchmark", "t CO2/t", intensity), ets_benchmark()),
                                          false),
                                   {"bf", "dri", "eaf", "sr", "electrolysis", "other"}),
                               &EntryIndex::family)},
                      {"price_floor", at<ets, &EmissionsTrading::price_floor>(
                                          number("lowest allowance price", "USD/t CO2", carbon, "0"))},
                      {"price_ceiling",
                       at<ets, &EmissionsTrading::price_ceiling>(number(
                           "allowance price when the cap cannot be met", "USD/t CO2", carbon, "1000"))}})},
                {"subsidies",
                 record(
                     "capex subsidies within an annual budget", false,
                     {{"budget",
                       at<subsidy, &CapexSubsidy::budget>(series("budget", "million USD/yr", musd))},
                      {"routes",
                       indexed(ref_map("subsidy per route", "technologies", "technology",
                                       record("a route's subsidy", true,
                                              {{"share", bound(number("share of capex paid", "1", rate, "0"),
                                                               subsidy_share())},
                                               {"per_capacity", bound(number("paid per t/yr of capacity",
                                                                             "USD/(t/yr)", capex, "0"),
                                                                      subsidy_per_capacity())}})),
                               &EntryIndex::technology)}})},
                {"fund",
                 record(
                     "an R&D fund raising knowledge stocks", false,
                     {{"budget", at<fund, &InnovationFund::budget>(series("budget", "million USD/yr", musd))},
                      {"allocation",
                       indexed(ref_map("share of the budget per route", "technologies", "technology",
                                       bound(number("share", "1", rate), fund_allocation())),
                               &EntryIndex::technology)},
                      {"depreciation", at<fund, &InnovationFund::depreciation>(
                                           number("knowledge stock lost per year", "1", rate, "0.1"))}})}})},
          {"offtakes",
           indexed(
               map_of("green-steel offtake contracts", "contract",
                      record("a contract", true,
                             {{"buyer", text("who buys, e.g. FAW-Volkswagen", true)},
                              {"company", ref_to("the seller", "companies")},
                              {"volume", at<contract, &OfftakeContract::volume>(
                                             number("steel bought at most", "Mt/yr", quantity))},
                              {"premium", at<contract, &OfftakeContract::premium>(
                                              number("paid above the market price", "USD/t", capex))},
                              {"max_intensity", at<contract, &OfftakeContract::max_intensity>(number(
                                                    "only steel at or below this direct intensity qualifies",
                                                    "t CO2/t", intensity))},
                              {"start", at<contract, &OfftakeContract::start_year>(
                                            integer("first year", "year", year))},
                              {"end", at<contract, &OfftakeContract::end_year>(
                                          integer("last year", "year", year, "2100"))}}),
                      false),
               &EntryIndex::contract)},
          {"behaviour",
           record("how agents decide", false,
                  {{"heterogeneity",
                    at<behaviour, &Behaviour::heterogeneity>(
                        number("logit scale of choices (0: always the cheapest)", "USD/t", {0.0, 1e4}, "0"))},
                   {"risk_premium_per_trl",
                    at<behaviour, &Behaviour::risk_premium_per_trl>(
                        number("hurdle-rate premium per readiness level below 9", "1", {0.0, 0.2}, "0"))},
                   {"campaign_jitter_years",
                    at<behaviour, &Behaviour::campaign_jitter_years>(
                        integer("a unit's campaign varies by a draw in [-j, +j]", "yr", {0, 10}, "0"))},
                   {"stranding_years",
                    at<behaviour, &Behaviour::stranding_years>(integer(
                        "years without production that make a unit decide early", "yr", {1, 50}, "3"))},
                   {"reserve_margin", at<behaviour, &Behaviour::reserve_margin>(number(
                                          "spare capacity over demand a region keeps before units may close",
                                          "1", {0.0, 1.0}, "0.1"))},
                   {"expansion_unit_size",
                    at<behaviour, &Behaviour::expansion_unit_size>(
                        number("capacity of a new greenfield unit", "Mt/yr", {0.1, 50.0}, "2"))}})},
          {"seed",
           at<root, &Scenario::seed>(integer("keys every random draw; the same seed gives the same results",
                                             "1", {0, 2147483647}, "1"))},
          {"finance", record("financial assumptions", false,
                             {{"discount_rate",
                               at<finance, &Finance::discount_rate>(number(
                                   "hurdle rate for levelized costs, per year", "1", {0.0, 1.0}, "0.08"))},
                              {"expected_utilisation", at<finance, &Finance::expected_utilisation>(number(
                                                           "capacity factor assumed when levelizing capex",
                                                           "1", {0.01, 1.0}, "0.85"))}})},
          {"metrics",
           record("how the results summarise a run (docs/output.md); the simulation does not read these",
                  false,
                  {{"discount_rate",
                    at<metrics, &MetricSettings::discount_rate>(
                        number("social discount rate of the present-value metrics, per year (default: HM "
                               "Treasury, The Green Book 2022, A6: 3.5 % for years 0-30)",
                               "1", {0.0, 1.0}, "0.035"))}})},
          {"market",
           record("market rules", false,
                  {{"max_utilisation",
                    at<market, &Market::max_utilisation>(number(
                        "highest share of capacity a unit produces in a year", "1", {0.01, 1.0}, "0.9"))},
                   {"scrap_commodity", scrap_ref},
                   {"electricity_commodity",
                    ref_to("the commodity that is grid electricity (default: 'electricity' if declared)",
                           "commodities")}})},
          {"levers", levers},
          {"uncertainties", uncertainties},
          {"ensemble",
           record("how the levers and uncertainties are run as an ensemble (docs/ensembles.md)", false,
                  {{"samples",
                    integer("members drawn from the uncertainties per lever setting (base samples for "
                            "saltelli); 1 without uncertainties",
                            "1", {1, 1048575}, "100")},
                   {"sampling",
                    choice("how the uncertainty sample is drawn",
                           {"latin_hypercube", "monte_carlo", "sobol", "saltelli"}, "latin_hypercube")},
                   {"replicates",
                    integer("runs of the agents' own randomness (campaign jitter, logit choices) per sample",
                            "1", {1, 16777215}, "1")},
                   {"company_series",
                    choice("also store every member's per-company series (large with the real fleet; "
                           "`run --member K` gives any one member in full)",
                           {"true", "false"}, "false")},
                   {"reference",
                    text("the lever setting that the paired metrics (emissions_avoided, abatement_cost, "
                         "abatement_cost_levelized) are measured against, by its label as `steelpath info` "
                         "lists it, e.g. "
                         "'policies.carbon_price.2040=0' (default: the first setting)")}})},
      });
}

} // namespace

const Spec& scenario_spec() {
  static const Spec spec = build();
  return spec;
}

} // namespace steelpath::input
