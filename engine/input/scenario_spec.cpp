#include "input/scenario_spec.hpp"

#include "input/spec_leaves.hpp"

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

using namespace spec;

Spec build() {
  Spec scrap_ref =
      text("the commodity of the regional scrap pool, regions.*.scrap_supply (default: 'scrap' if declared)");
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
          {"commodities", commodities_spec()},
          {"technologies", technologies_spec()},
          {"hydrogen_supply", hydrogen_supply_spec()},
          {"regions", regions_spec()},
          {"companies_from_fleet",
           choice("take companies the scenario does not declare from the fleet CSV, with default settings",
                  {"true", "false"}, "false")},
          {"companies", companies_spec()},
          {"fleet", fleet},
          {"policies", policies_spec()},
          {"offtakes", offtakes_spec()},
          {"behaviour", behaviour_spec()},
          {"seed",
           at<root, &Scenario::seed>(integer("keys every random draw; the same seed gives the same results",
                                             "1", {0, 2147483647}, "1"))},
          {"fleet_timing",
           record("how the starting fleet's unknown relining years are imputed (docs/model.md)", false,
                  {{"draw", at<fleet_timing, &FleetTiming::draw>(integer(
                                "which draw of the imputation: 0 the shipped default, k > 0 another equally "
                                "likely one (sample it in an ensemble), -1 the central case (medians)",
                                "1", {-1, 1000000}, "0"))}})},
          {"finance",
           record(
               "financial assumptions", false,
               {{"discount_rate", at<finance, &Finance::discount_rate>(number(
                                      "hurdle rate for levelized costs, per year", "1", {0.0, 1.0}, "0.08"))},
                {"expected_utilisation",
                 at<finance, &Finance::expected_utilisation>(
                     number("capacity factor assumed when levelizing capex", "1", {0.01, 1.0}, "0.85"))},
                {"equity_share", at<finance, &Finance::equity_share>(number(
                                     "share of an investment paid from the company's cash, the rest borrowed "
                                     "(default: Steel-IQ equity_share, 2026)",
                                     "1", {0.0, 1.0}, "0.2"))},
                {"cost_of_debt",
                 at<finance, &Finance::cost_of_debt>(
                     number("interest rate on company debt, per year (default: Steel-IQ's cost of debt "
                            "of existing furnace groups, 0.05; China 5-year LPR 3.6 % nominal, 2024-25)",
                            "1", {0.0, 0.5}, "0.05"))},
                {"debt_tenor", at<finance, &Finance::debt_tenor>(
                                   integer("years over which a loan is repaid as an annuity (default: "
                                           "Steel-IQ plant_lifetime)",
                                           "yr", {1, 60}, "20"))},
                {"leverage_limit",
                 at<finance, &Finance::leverage_limit>(
                     number("companies borrow no further once net debt exceeds this multiple of last "
                            "year's EBITDA; 0: no limit (3.0 is the conventional level, "
                            "docs/research/issue-17-sources.md section 2)",
                            "1", {0.0, 100.0}, "0"))},
                {"tax_rate",
                 at<finance, &Finance::tax_rate>(
                     number("corporate income tax on profit (EBITDA less depreciation and interest, losses "
                            "carried forward); 0: none",
                            "1", {0.0, 1.0}, "0"))},
                {"payout_ratio",
                 at<finance, &Finance::payout_ratio>(
                     number("share of profit after tax paid out as dividends, as far as cash allows; 0: none",
                            "1", {0.0, 1.0}, "0"))},
                {"depreciation_years",
                 at<finance, &Finance::depreciation_years>(
                     integer("years over which an investment is depreciated straight-line for tax", "yr",
                             {1, 60}, "20"))}})},
          {"metrics",
           record("how the results summarise a run (docs/output.md); the simulation does not read these",
                  false,
                  {{"discount_rate",
                    at<metrics, &MetricSettings::discount_rate>(
                        number("social discount rate of the present-value metrics, per year (default: HM "
                               "Treasury, The Green Book 2022, A6: 3.5 % for years 0-30)",
                               "1", {0.0, 1.0}, "0.035"))}})},
          {"market",
           record(
               "market rules", false,
               {{"max_utilisation",
                 at<market, &Market::max_utilisation>(
                     number("highest share of capacity a unit produces in a year", "1", {0.01, 1.0}, "0.9"))},
                {"scrap_elasticity",
                 at<market, &Market::scrap_elasticity>(
                     number("price elasticity of scrap supply (assumption: no estimate for steel scrap; "
                            "secondary aluminium 0.21, Blomberg & Soderholm 2009; sample 0.1..1)",
                            "1", {0.05, 5.0}, "0.3"))},
                {"scrap_reference_share",
                 at<market, &Market::scrap_reference_share>(
                     number("share of regions.*.scrap_supply collected at the scrap commodity's price (CAMU: "
                            "China used 215.31 of 260 Mt generated in 2022, SteelOrbis 25 Apr 2023)",
                            "1", {0.05, 1.0}, "0.83"))},
                {"scrap_floor_share",
                 at<market, &Market::scrap_floor_share>(number(
                     "lowest cleared scrap price as a share of the scrap commodity's price (assumption: "
                     "collection and processing cost)",
                     "1", {0.0, 1.0}, "0.5"))},
                {"scarcity_adder",
                 at<market, &Market::scarcity_adder>(
                     number("price adder at full utilisation of a region's capacity (default: Steel-IQ's "
                            "steel_price_buffer, SimulationConfig, 2026)",
                            "USD/t", {0.0, 2000.0}, "200"))},
                {"scarcity_threshold",
                 at<market, &Market::scarcity_threshold>(
                     number("utilisation (production / capacity x max_utilisation) above which the scarcity "
                            "adder rises, quadratically to its level at 1 (assumption)",
                            "1", {0.0, 0.99}, "0.95"))},
                {"long_run_factor",
                 at<market, &Market::long_run_factor>(
                     number("multiplies the long-run price floor, the full cost of the most expensive "
                            "capacity the market keeps; 0: no floor (calibrated, docs/model.md)",
                            "1", {0.0, 3.0}, "1"))},
                {"near_zero_intensity",
                 at<market, &Market::near_zero_intensity>(
                     number("near-zero steel: the most direct CO2 per t with no scrap in the charge (IEA, "
                            "Achieving Net Zero Heavy Industry Sectors in G7 Members, 2022: 0.4, scope 1-3)",
                            "t CO2/t", {0.0, 3.0}, "0.4"))},
                {"near_zero_intensity_scrap",
                 at<market, &Market::near_zero_intensity_scrap>(
                     number("near-zero steel: the most direct CO2 per t with only scrap (IEA 2022: 0.05); "
                            "linear in the scrap share in between",
                            "t CO2/t", {0.0, 3.0}, "0.05"))},
                {"green_in_investment",
                 choice("whether investors weigh green premiums (market and offtake contracts); 'false' "
                        "only to separate that channel from dispatch (scripts/channels)",
                        {"true", "false"}, "true")},
                {"green_in_dispatch",
                 choice("whether near-zero output is offered at its cost less the green premium in "
                        "dispatch; 'false' only to separate that channel from investment (scripts/channels)",
                        {"true", "false"}, "true")},
                {"scrap_commodity", scrap_ref},
                {"natural_gas_commodity",
                 ref_to("the commodity whose use by 'dri' routes regions.*.dri_gas_supply limits "
                        "(default: 'natural_gas' if declared)",
                        "commodities")},
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
