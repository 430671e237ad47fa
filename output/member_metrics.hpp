// Per-member metrics: numbers that summarise one member's path (cumulative
// emissions over named windows, peak, the year emissions become near zero,
// money totals), computed from the series a results file stores, so that a
// file's metrics can always be recomputed from its own arrays.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace steelpath {

struct MetricSpec {
  std::string_view name;
  std::string_view units;
  std::string_view long_name;
};

/// The metrics, in the order compute_metrics() returns them.
[[nodiscard]] const std::vector<MetricSpec>& metric_specs();

/// "Near zero": at most this share of the first year's direct emissions.
inline constexpr double kNearZeroShare = 0.1;
/// The end of the named window of cumulative_emissions_2050.
inline constexpr int kWindowEnd = 2050;

/// One member's series, row-major with the year first (as in the file).
struct MetricInputs {
  int first_year = 0;
  std::size_t years = 0, regions = 0, technologies = 0;
  std::span<const double> emissions;      ///< [year] direct CO2, Mt CO2
  std::span<const double> production;     ///< [year][region][technology], Mt
  std::span<const double> investment;     ///< [year][region], million USD
  std::span<const double> operating_cost; ///< [year][region], million USD (no carbon payments)
  std::span<const double> steel_price;    ///< [year][region], USD/t (NaN: nothing produced)
  std::span<const double> unmet_demand;   ///< [year][region], Mt
  std::span<const double> stranded;       ///< [year], Mt/yr
  std::span<const double> subsidies_paid; ///< [year], million USD
  std::span<const double> fund_spent;     ///< [year], million USD
};

/// The metrics of metric_specs(), in order (NaN where undefined, e.g. a
/// near-zero year that never comes).
[[nodiscard]] std::vector<double> compute_metrics(const MetricInputs& in);

} // namespace steelpath
