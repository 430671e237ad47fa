// The results file schema, in code: every variable the writer writes, with
// its dimensions, unit and meaning. docs/output.md documents the same table,
// and a test checks that the two agree. Bump kSchemaVersion on any change.
#pragma once

#include "output/member_metrics.hpp"

#include <string_view>
#include <vector>

namespace steelpath::schema {

// 3: ensemble files (ensemble_schema.hpp); 4: metrics in single-run files,
// steelpath_role, paired metrics, lever_value_text, statistics coordinates;
// 5: present-value metrics (metrics_discount_rate), abatement_cost_levelized.
inline constexpr int kSchemaVersion = 5;

struct Variable {
  std::string_view group; ///< "" for the root group
  std::string_view name;
  std::vector<std::string_view> dims;
  std::string_view units;
  std::string_view long_name;
  /// The `steelpath_role` attribute: "metric" for a per-member metric ("" none).
  std::string_view role = {};
};

/// Every variable in a single-member results file, coordinates first, the
/// metrics (scalars, member_metrics.hpp) last.
inline const std::vector<Variable>& variables() {
  static const std::vector<Variable> v = [] {
    std::vector<Variable> t = {
        {"", "year", {"year"}, "year", "calendar year"},
        {"", "technology", {"technology"}, "1", "steelmaking route id"},
        {"", "region", {"region"}, "1", "market region id"},
        {"", "company", {"company"}, "1", "company id"},
        {"", "contract", {"contract"}, "1", "offtake contract id"},
        {"", "technology_name", {"technology"}, "1", "readable route name"},
        {"", "company_name", {"company"}, "1", "readable company name"},
        {"", "contract_buyer", {"contract"}, "1", "buyer of the offtake contract"},
        {"", "production", {"year", "region", "technology"}, "Mt", "crude steel production"},
        {"",
         "capacity",
         {"year", "region", "technology"},
         "Mt/yr",
         "operating crude steel capacity (nameplate)"},
        {"", "emissions", {"year"}, "Mt CO2", "direct CO2 emissions, all regions and routes"},
        {"", "emissions_direct", {"year", "region", "technology"}, "Mt CO2", "direct CO2 emissions"},
        {"",
         "emissions_indirect",
         {"year", "region", "technology"},
         "Mt CO2",
         "indirect CO2 (grid electricity, upstream)"},
        {"", "captured_co2", {"year", "region", "technology"}, "Mt CO2", "CO2 captured by CCUS"},
        {"", "demand", {"year", "region"}, "Mt", "crude steel demand after material efficiency"},
        {"", "unmet_demand", {"year", "region"}, "Mt", "demand not met for lack of capacity or scrap"},
        {"", "steel_price", {"year", "region"}, "USD/t", "marginal cost of the marginal unit"},
        {"", "scrap_use", {"year", "region"}, "Mt", "scrap consumed"},
        {"", "carbon_price", {"year", "region"}, "USD/t CO2", "carbon tax on direct emissions"},
        {"",
         "investment",
         {"year", "region"},
         "million USD",
         "capex spent on builds, conversions and relinings"},
        {"",
         "operating_cost",
         {"year", "region"},
         "million USD",
         "variable costs without carbon payments, CCUS storage and fixed opex"},
        {"",
         "allowance_price",
         {"year", "region"},
         "USD/t CO2",
         "emissions trading allowance price (0 outside the ETS)"},
        {"",
         "ets_cap",
         {"year"},
         "Mt CO2",
         "allowances issued: the cap, or with intensity trading the free allocation (NaN without an ETS)"},
        {"",
         "ets_emissions",
         {"year"},
         "Mt CO2",
         "covered direct emissions; above ets_cap when the cap could not be met"},
        {"", "subsidies_paid", {"year"}, "million USD", "capex subsidies paid"},
        {"", "subsidies_unpaid", {"year"}, "million USD", "capex subsidies requested beyond the budget"},
        {"", "fund_spent", {"year"}, "million USD", "innovation fund R&D spending"},
        {"", "stranded_capacity", {"year"}, "Mt/yr", "capacity closed before its end of life"},
        {"", "company_production", {"year", "company"}, "Mt", "crude steel production"},
        {"", "company_emissions", {"year", "company"}, "Mt CO2", "direct CO2 emissions"},
        {"", "company_revenue", {"year", "company"}, "million USD", "steel sales and offtake premiums"},
        {"",
         "internal_carbon_price",
         {"year", "company"},
         "USD/t CO2",
         "internal carbon price from the company's target"},
        {"",
         "company_costs",
         {"year", "company"},
         "million USD",
         "variable, carbon and fixed operating costs"},
        {"", "company_investment", {"year", "company"}, "million USD", "capex before subsidies"},
        {"", "company_subsidies", {"year", "company"}, "million USD", "capex subsidies received"},
        {"",
         "company_cash",
         {"year", "company"},
         "million USD",
         "cumulative revenue - costs - investment + subsidies"},
        {"", "offtake_volume", {"year", "contract"}, "Mt", "green steel delivered under the contract"},
        {"", "offtake_premium", {"year", "contract"}, "million USD", "premiums paid above the market price"},
        {"", "capex_factor", {"year", "technology"}, "1", "learning factor on the route's capex"},
        {"decisions", "decision", {"decision"}, "1", "decision index"},
        {"decisions", "decision_year", {"decision"}, "year", "calendar year of the decision"},
        {"decisions", "unit_id", {"decision"}, "1", "unit that decided"},
        {"decisions", "from_technology", {"decision"}, "1", "route before the decision ('' for a new build)"},
        {"decisions", "to_technology", {"decision"}, "1", "route chosen ('' for a closure)"},
        {"decisions", "reason", {"decision"}, "1", "campaign_end, end_of_life, stranded or expansion"},
        {"decisions", "action", {"decision"}, "1", "reline, switch, close, build or defer"},
        {"decisions", "lcos_chosen", {"decision"}, "USD/t", "levelized cost of the chosen option"},
        {"decisions", "lcos_reline", {"decision"}, "USD/t", "levelized cost of relining as is"},
        {"decisions",
         "lcos_options",
         {"decision", "technology"},
         "USD/t",
         "levelized cost of each option weighed (NaN: not an option)"},
    };
    for (const auto& m : metric_specs())
      t.push_back({"", m.name, {}, m.units, m.long_name, "metric"});
    return t;
  }();
  return v;
}

/// The variable's spec; throws std::out_of_range if the writer asks for one
/// the schema does not list (so code and schema cannot drift).
const Variable& find(std::string_view group, std::string_view name);

} // namespace steelpath::schema
