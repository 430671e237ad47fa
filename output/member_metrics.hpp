// Per-member metrics: numbers that summarise one member's path (cumulative
// emissions over named windows, peak, the year emissions become near zero,
// money totals), computed from the series a results file stores, so that a
// file's metrics can always be recomputed from its own arrays.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace steelpath {

/// A per-member metric: its schema name, units and long name.
struct MetricSpec {
  /// variable name, e.g. "cumulative_emissions"
  std::string_view name;
  /// units attribute, e.g. "Mt CO2"
  std::string_view units;
  /// long_name attribute
  std::string_view long_name;
};

/// The metrics, in the order compute_metrics() returns them.
[[nodiscard]] const std::vector<MetricSpec>& metric_specs();

/// The position of metric `name` in metric_specs() (its size if none).
[[nodiscard]] std::size_t metric_index(std::string_view name);

/// "Near zero": at most this share of the first year's direct emissions.
inline constexpr double kNearZeroShare = 0.1;
/// The end of the named window of cumulative_emissions_2050.
inline constexpr int kWindowEnd = 2050;

/// One member's series, row-major with the year first (as in the file).
struct MetricInputs {
  /// calendar year of the first year index
  int first_year = 0;
  /// number of years
  std::size_t years = 0, regions = 0, technologies = 0;
  /// \var regions
  /// number of regions
  /// \var technologies
  /// number of routes
  std::span<const double> emissions;      ///< [year] direct CO2, Mt CO2
  std::span<const double> production;     ///< [year][region][technology], Mt
  std::span<const double> investment;     ///< [year][region], million USD
  std::span<const double> operating_cost; ///< [year][region], million USD (no carbon payments)
  std::span<const double> steel_price;    ///< [year][region], USD/t (NaN: nothing produced)
  std::span<const double> unmet_demand;   ///< [year][region], Mt
  std::span<const double> stranded;       ///< [year], Mt/yr
  std::span<const double> subsidies_paid; ///< [year], million USD
  std::span<const double> fund_spent;     ///< [year], million USD
  /// Social discount rate of the present-value metrics, 1/yr: year y's
  /// costs and tonnes count (1 + rate)^-(y - first_year).
  double discount_rate = 0.0;
};

/// The metrics of metric_specs(), in order (NaN where undefined, e.g. a
/// near-zero year that never comes).
[[nodiscard]] std::vector<double> compute_metrics(const MetricInputs& in);

/// Metrics of a member against its pair in the reference lever setting (the
/// member with the same sample and replicate): an ensemble file's only, in
/// the order paired_metrics() returns them.
[[nodiscard]] const std::vector<MetricSpec>& paired_metric_specs();

/// emissions_avoided (Mt CO2), abatement_cost and abatement_cost_levelized
/// (USD/t CO2) of a member against its reference pair, from both members'
/// metrics (metric_specs() order). A cost is NaN where nothing is avoided: a
/// ratio over zero or negative abatement has no meaning as a price of
/// abatement. The levelized cost divides present values (costs and tonnes
/// discounted alike): the constant carbon price whose payments on the
/// tonnes avoided are worth the extra cost today.
[[nodiscard]] std::vector<double> paired_metrics(std::span<const double> member,
                                                 std::span<const double> reference);

/// A cost of abatement and the two metrics (metric_specs() names) it divides:
/// abatement_cost over plain sums, abatement_cost_levelized over present
/// values. The paired metrics, the pooled statistics and `compare` all
/// iterate over these.
struct AbatementBasis {
  std::string_view name;      ///< the paired metric; its pooled statistic is name + "_pooled"
  std::string_view cost;      ///< million USD
  std::string_view emitted;   ///< Mt CO2
  bool present_value = false; ///< discounted at the file's metrics_discount_rate
  /// position of `cost` in metric_specs()
  std::size_t cost_index = 0, emitted_index = 0; ///< their positions in metric_specs()
};
[[nodiscard]] const std::vector<AbatementBasis>& abatement_bases();

/// Extra system cost per tonne avoided: (cost - cost_ref) / (emitted_ref -
/// emitted), million USD / Mt CO2 = USD/t CO2; NaN unless avoided > 0.
[[nodiscard]] double abatement_cost(double cost, double cost_ref, double emitted, double emitted_ref);

} // namespace steelpath
