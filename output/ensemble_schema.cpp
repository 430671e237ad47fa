#include "output/ensemble_schema.hpp"

#include "output/member_metrics.hpp"

#include <algorithm>

namespace steelpath::schema {

namespace {

std::vector<Variable> build() {
  std::vector<Variable> v;
  for (const auto& s : variables()) // the single file's coordinates
    if (s.group.empty() && s.role.empty() && (s.dims.empty() || s.dims[0] != "year" || s.name == "year"))
      v.push_back(s);
  const std::vector<Variable> design = {
      {"", "member", {"member"}, "1", "ensemble member index"},
      {"", "lever_setting", {"lever_setting"}, "1", "lever setting index"},
      {"", "lever", {"lever"}, "1", "parameter path of a crossed lever axis"},
      {"", "sample", {"sample"}, "1", "uncertainty sample index (design row)"},
      {"", "parameter", {"parameter"}, "1", "parameter path of a sampled uncertainty"},
      {"", "failure", {"failure"}, "1", "member index of a failed member"},
      {"", "lever_setting_label", {"lever_setting"}, "1", "the setting's lever values, as path=value"},
      {"", "lever_setting_package", {"lever_setting"}, "1", "the setting's policy package ('' without)"},
      {"",
       "lever_value",
       {"lever_setting", "lever"},
       "1",
       "the axis value in the lever path's documented unit (NaN: a series or a choice; see "
       "lever_value_text)"},
      {"",
       "lever_value_text",
       {"lever_setting", "lever"},
       "1",
       "the axis value as resolved from the scenario: a number in the documented unit, a choice, or a "
       "series in YAML flow style"},
      {"",
       "parameter_distribution",
       {"parameter"},
       "1",
       "uniform, normal, triangular, lognormal or discrete"},
      {"",
       "parameter_scale",
       {"parameter"},
       "1",
       "1: the sample multiplies the base value; 0: it replaces it"},
      {"", "sample_unit", {"sample", "parameter"}, "1", "coordinate in the unit hypercube, in (0, 1)"},
      {"",
       "sample_value",
       {"sample", "parameter"},
       "1",
       "sampled value in the path's documented unit, or the factor when parameter_scale is 1"},
      {"", "member_setting", {"member"}, "1", "the member's lever setting"},
      {"", "member_sample", {"member"}, "1", "the member's uncertainty sample"},
      {"", "member_replicate", {"member"}, "1", "the member's replicate of the agents' random draws"},
      {"", "member_status", {"member"}, "1", "1: done, 2: failed (its results are NaN)"},
      {"", "failure_reason", {"failure"}, "1", "why the member failed"},
      {"", "member_unit_years", {"member"}, "1", "operating units x years simulated"},
      {"",
       "target",
       {"target"},
       "1",
       "a company target, e.g. 'baowu: neutral by 2050' (length 0 without targets)"},
      {"", "target_company", {"target"}, "1", "the company whose target it is"},
      {"", "target_year", {"target"}, "year", "the target's year"},
      {"",
       "target_met",
       {"member", "target"},
       "1",
       "1 if the member met the target (neutral: direct emissions in the year at most 10 % of the first "
       "year's; peak: no later year above it), 0 if not, NaN for a failed member"},
  };
  v.insert(v.end(), design.begin(), design.end());
  for (const auto& s : variables())
    if (s.group.empty() && !s.dims.empty() && s.dims[0] == "year" && s.name != "year") {
      std::vector<std::string_view> dims(s.dims.size() + 1, "member");
      std::copy(s.dims.begin(), s.dims.end(), dims.begin() + 1);
      v.push_back({s.group, s.name, std::move(dims), s.units, s.long_name});
    }
  for (const auto* specs : {&metric_specs(), &paired_metric_specs()}) // member_metrics.hpp
    for (const auto& m : *specs)
      v.push_back({"", m.name, {"member"}, m.units, m.long_name, "metric"});
  const std::vector<Variable> metrics = {
      // The statistics group's own coordinates (copies of the root's), so
      // that it opens on its own with labelled axes (xarray's `group=`).
      {"statistics", "lever_setting", {"lever_setting"}, "1", "lever setting index"},
      {"statistics", "year", {"year"}, "year", "calendar year"},
      {"statistics", "technology", {"technology"}, "1", "steelmaking route id"},
      {"statistics",
       "target",
       {"target"},
       "1",
       "a company target, e.g. 'baowu: neutral by 2050' (length 0 without targets)"},
      {"statistics", "quantile", {"quantile"}, "1", "probability level of the quantiles"},
      {"statistics", "metric", {"metric"}, "1", "name of a per-member metric (a root variable of that name)"},
      {"statistics",
       "lever_setting_label",
       {"lever_setting"},
       "1",
       "the setting's lever values, as path=value"},
      {"statistics", "members_done", {"lever_setting"}, "1", "members of the setting that finished"},
      {"statistics", "emissions_mean", {"lever_setting", "year"}, "Mt CO2", "mean direct CO2 emissions"},
      {"statistics",
       "emissions_quantiles",
       {"lever_setting", "quantile", "year"},
       "Mt CO2",
       "quantiles of direct CO2 emissions (linear interpolation, numpy's default)"},
      {"statistics", "production_mean", {"lever_setting", "year"}, "Mt", "mean crude steel production"},
      {"statistics",
       "cumulative_emissions_quantiles",
       {"lever_setting", "quantile"},
       "Mt CO2",
       "quantiles of cumulative direct CO2 over the horizon"},
      {"statistics",
       "production_quantiles",
       {"lever_setting", "quantile", "year"},
       "Mt",
       "quantiles of crude steel production, all regions and routes"},
      {"statistics",
       "investment_mean",
       {"lever_setting", "year"},
       "million USD",
       "mean capex spent, all regions"},
      {"statistics",
       "investment_quantiles",
       {"lever_setting", "quantile", "year"},
       "million USD",
       "quantiles of capex spent, all regions"},
      {"statistics",
       "steel_price_mean",
       {"lever_setting", "year"},
       "USD/t",
       "mean of the members' production-weighted average steel price"},
      {"statistics",
       "steel_price_quantiles",
       {"lever_setting", "quantile", "year"},
       "USD/t",
       "quantiles of the production-weighted average steel price (members that produced)"},
      {"statistics",
       "production_technology_mean",
       {"lever_setting", "year", "technology"},
       "Mt",
       "mean crude steel production of each route, all regions"},
      {"statistics",
       "metric_mean",
       {"lever_setting", "metric"},
       "1",
       "mean of each per-member metric over finished members, in the metric's own units"},
      {"statistics",
       "metric_quantiles",
       {"lever_setting", "metric", "quantile"},
       "1",
       "quantiles of each per-member metric over the members where it is defined (linear interpolation), in "
       "the metric's own units"},
      {"statistics",
       "metric_count",
       {"lever_setting", "metric"},
       "1",
       "finished members where the metric is defined (not NaN): the sample size of its mean and quantiles"},
      {"statistics",
       "abatement_cost_pooled",
       {"lever_setting"},
       "USD/t CO2",
       "the setting's summed extra system cost over its summed emissions avoided, over the pairs with the "
       "reference that both finished (NaN where the sum avoided is not positive)"},
      {"statistics",
       "abatement_cost_levelized_pooled",
       {"lever_setting"},
       "USD/t CO2",
       "the setting's summed extra system_cost_discounted over its summed discounted emissions avoided, over "
       "the same pairs (NaN where that sum is not positive)"},
      {"statistics",
       "target_met_share",
       {"lever_setting", "target"},
       "1",
       "share of the setting's finished members that met each company target"},
      {"statistics",
       "near_zero_share",
       {"lever_setting", "year"},
       "1",
       "share of finished members whose emissions are near zero (near_zero_year) by the year"},
  };
  v.insert(v.end(), metrics.begin(), metrics.end());
  return v;
}

} // namespace

const std::vector<Variable>& ensemble_variables() {
  static const std::vector<Variable> v = build();
  return v;
}

} // namespace steelpath::schema
