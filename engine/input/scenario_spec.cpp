#include "input/scenario_spec.hpp"


namespace steelpath::input {

const Spec* Spec::field(const std::string& name) const {
  for (const auto& [n, s] : fields)
    if (n == name) return &s;
  return nullptr;
}

std::vector<std::string> Spec::field_names() const {
  std::vector<std::string> names;
  for (const auto& f : fields) names.push_back(f.first);
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

Spec build() {
  // Upper limits are far above any real value; they keep a typo (an extra
  // zero run wild, 1e308) from overflowing costs into inf.
  const Bounds share = Bounds::share();
  const Bounds price{0.0, 1e7};      // USD per unit of a commodity
  const Bounds capex{0.0, 1e6};      // USD per (t/yr), USD per (t/yr)/yr
  const Bounds quantity{0.0, 1e5};   // inputs per t, Mt/yr
  const Bounds intensity{0.0, 1e3};  // t CO2 per unit or per t
  const Bounds carbon{0.0, 1e5};     // USD/t CO2

  Spec inputs;
  inputs.kind = SpecKind::ref_map;
  inputs.doc = "inputs per t crude steel, by commodity, in the commodity's unit";
  inputs.ref = "commodities";
  inputs.entry_name = "commodity";
  inputs.required = true;
  inputs.entry.push_back(number("quantity per t crude steel", "@commodity", quantity));

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
                           {{"first", integer("first simulated year", "year", {1900, 2200})},
                            {"last", integer("last simulated year (>= first)", "year", {1900, 2200})}})},
          {"currencies",
           map_of("exchange rates for amounts written in other currencies", "currency",
                  number("USD per one unit of the currency", "1", {1e-9, 1e9}), false)},
          {"commodities",
           map_of("what routes consume", "commodity",
                  record("a commodity", true,
                         {{"unit", text("physical unit of one quantity: t, GJ, kg, MWh, ...", true)},
                          {"price", series("price", "USD/@commodity", price)},
                          {"emission_factor",
                           number("direct CO2 per unit (0 for electricity)", "t CO2/@commodity", intensity, "0")}}))},
          {"technologies",
           map_of("steelmaking routes", "technology",
                  record("a route", true,
                         {{"name", text("readable name (default: the id)")},
                          {"inputs", inputs},
                          {"process_emissions",
                           number("CO2 not tied to an input (fluxes, electrodes)", "t CO2/t", intensity, "0")},
                          {"capture_rate", number("share of direct CO2 captured", "1", share, "0")},
                          {"capex_greenfield",
                           number("capex of a new build or a conversion to this route", "USD/(t/yr)", capex)},
                          {"capex_reline", number("capex of a relining at the end of a campaign", "USD/(t/yr)", capex)},
                          {"opex_fixed", number("fixed operating cost", "USD/(t/yr)/yr", capex)},
                          {"campaign_years", integer("years between investment decisions", "yr", {1, 100})},
                          {"available_from", integer("first year the route can be chosen", "year", {1800, 2300}, "1800")}}))},
          {"regions", map_of("markets", "region",
                             record("a region", true,
                                    {{"demand", series("crude steel demand", "Mt/yr", quantity)},
                                     {"scrap_supply", series("scrap available to steelmaking", "Mt/yr", quantity)}}))},
          {"companies", map_of("steelmakers", "company", record("a company", false, {{"name", text("readable name")}}))},
          {"fleet", fleet},
          {"policies", record("policy levers", false,
                              {{"carbon_price", series("carbon price on direct emissions", "USD/t CO2", carbon, "0")}})},
          {"finance", record("financial assumptions", false,
                             {{"discount_rate", number("hurdle rate for levelized costs, per year", "1", {0.0, 1.0}, "0.08")},
                              {"expected_utilisation",
                               number("capacity factor assumed when levelizing capex", "1", {0.01, 1.0}, "0.85")}})},
          {"market", record("market rules", false,
                            {{"max_utilisation",
                              number("highest share of capacity a unit produces in a year", "1", {0.01, 1.0}, "0.9")},
                             {"scrap_commodity", scrap_ref}})},
          {"levers", levers},
          {"uncertainties", uncertainties},
      });
}

} // namespace

const Spec& scenario_spec() {
  static const Spec spec = build();
  return spec;
}

} // namespace steelpath::input
