// The results file schema, in code: every variable the writer writes, with
// its dimensions, unit and meaning. docs/output.md documents the same table,
// and a test checks that the two agree. Bump kSchemaVersion on any change.
#pragma once

#include "output/member_metrics.hpp"
#include "sim/member_series.hpp"

#include <string_view>
#include <vector>

namespace steelpath::schema {

// 3: ensemble files (ensemble_schema.hpp); 4: metrics in single-run files,
// steelpath_role, paired metrics, lever_value_text, statistics coordinates;
// 5: present-value metrics (metrics_discount_rate), abatement_cost_levelized;
// 6: scrap_price, scrap_available, gas_use_dri (scrap market, gas for DRI);
// steel_price_short_run, steel_price_floor (price formation); company_ebitda,
// company_debt, company_interest, company_cash from the balance sheet;
// 7: scrap_rent; 8: expected_allowance_price, company_tax, company_dividends,
// hydrogen_cost, hydrogen_use, hydrogen_co2, hydrogen_source, hydrogen_subsidy;
// 9: readiness, readiness_others, fund_research, fund_hydrogen_research,
// fund_grants, fund_grant_capacity (the fund's channels), hydrogen_credit;
// ccfd_bids, ccfd_awarded, ccfd_strike, ccfd_committed, ccfd_built,
// ccfd_paid, ccfd_clawback, ccfd_avoided (carbon contracts for difference);
// 10: green_volume, green_premium, green_premium_paid, green_shortfall,
// green_penalty_paid, green_additional_capacity (the green-steel market).
/// Version of the results file schema (the `schema_version` attribute).
inline constexpr int kSchemaVersion = 10;

/// One variable of the results file: group, name, dimensions, units and long name.
struct Variable {
  std::string_view group; ///< "" for the root group
  /// variable name, e.g. "production"
  std::string_view name;
  /// its dimensions, slowest first, e.g. {"year", "region", "technology"}
  std::vector<std::string_view> dims;
  /// units attribute, e.g. "Mt" ("1" dimensionless)
  std::string_view units;
  /// long_name attribute: what it is in words
  std::string_view long_name;
  /// The `steelpath_role` attribute: "metric" for a per-member metric ("" none).
  std::string_view role = {};
};

/// Every variable in a single-member results file: coordinates first, then
/// the yearly series (sim/member_series.hpp), the decision log, and the
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
    };
    // The yearly series, in the registry's order (sim/member_series.hpp).
    for (const auto& m : member_series()) {
      const auto dims = dimension_names(m.dims);
      t.push_back({"", m.name, {dims.begin(), dims.end()}, m.units, m.long_name});
    }
    const std::vector<Variable> decisions = {
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
    t.insert(t.end(), decisions.begin(), decisions.end());
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
