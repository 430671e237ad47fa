#include "output/member_metrics.hpp"

#include <cmath>
#include <limits>

namespace steelpath {

const std::vector<MetricSpec>& metric_specs() {
  static const std::vector<MetricSpec> m = {
      {"cumulative_emissions", "Mt CO2", "direct CO2 emitted over the horizon"},
      {"cumulative_emissions_2050", "Mt CO2", "direct CO2 emitted from the first year to 2050"},
      {"peak_emissions", "Mt CO2", "largest yearly direct CO2 emissions"},
      {"peak_year", "year", "year of the largest direct CO2 emissions (the first, if tied)"},
      {"near_zero_year", "year",
       "first year whose direct emissions are at most 10 % of the first year's (NaN: never)"},
      {"total_investment", "million USD", "capex spent over the horizon"},
      {"system_cost", "million USD",
       "capex plus operating costs (without carbon payments, which are transfers) over the horizon, "
       "undiscounted"},
      {"average_steel_price", "USD/t", "production-weighted mean steel price over years and regions"},
      {"stranded_capacity_total", "Mt/yr", "capacity closed before its end of life, summed over the years"},
      {"subsidies_paid_total", "million USD", "capex subsidies paid over the horizon"},
      {"fund_spent_total", "million USD", "innovation fund spending over the horizon"},
      {"unmet_demand_total", "Mt", "demand not met, summed over years and regions"},
      {"system_cost_discounted", "million USD",
       "system_cost with each year's costs discounted to the first year at the root attribute "
       "metrics_discount_rate (present value)"},
      {"cumulative_emissions_discounted", "Mt CO2",
       "direct CO2 over the horizon, each year's tonnes discounted like the costs (the denominator of "
       "abatement_cost_levelized)"},
  };
  return m;
}

std::size_t metric_index(std::string_view name) {
  const auto& m = metric_specs();
  for (std::size_t i = 0; i < m.size(); ++i)
    if (m[i].name == name) return i;
  return m.size();
}

const std::vector<MetricSpec>& paired_metric_specs() {
  static const std::vector<MetricSpec> m = {
      {"emissions_avoided", "Mt CO2",
       "cumulative direct CO2 below the reference setting's member with the same sample and replicate"},
      {"abatement_cost", "USD/t CO2",
       "extra system cost per t of direct CO2 avoided against the reference setting's member with the "
       "same sample and replicate (NaN where nothing is avoided)"},
      {"abatement_cost_levelized", "USD/t CO2",
       "extra system_cost_discounted per discounted t of direct CO2 avoided against the same pair: the "
       "constant carbon price whose payments on the tonnes avoided are worth the extra cost in present value "
       "(NaN where nothing is avoided)"},
  };
  return m;
}

double abatement_cost(double cost, double cost_ref, double emitted, double emitted_ref) {
  const double avoided = emitted_ref - emitted;
  return avoided > 0.0 ? (cost - cost_ref) / avoided : std::numeric_limits<double>::quiet_NaN();
}

const std::vector<AbatementBasis>& abatement_bases() {
  static const std::vector<AbatementBasis> b = [] {
    std::vector<AbatementBasis> v = {
        {"abatement_cost", "system_cost", "cumulative_emissions", false},
        {"abatement_cost_levelized", "system_cost_discounted", "cumulative_emissions_discounted", true}};
    for (auto& x : v) {
      x.cost_index = metric_index(x.cost);
      x.emitted_index = metric_index(x.emitted);
    }
    return v;
  }();
  return b;
}

std::vector<double> paired_metrics(std::span<const double> member, std::span<const double> reference) {
  static const std::size_t emitted = metric_index("cumulative_emissions");
  std::vector<double> out = {reference[emitted] - member[emitted]};
  for (const auto& b : abatement_bases())
    out.push_back(abatement_cost(member[b.cost_index], reference[b.cost_index], member[b.emitted_index],
                                 reference[b.emitted_index]));
  return out;
}

std::vector<double> compute_metrics(const MetricInputs& in) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const std::size_t Y = in.years, R = in.regions, K = in.technologies;
  double cumulative = 0.0, window = 0.0, peak = -std::numeric_limits<double>::infinity();
  double peak_year = kNaN, near_zero_year = kNaN;
  const double limit = Y > 0 ? kNearZeroShare * in.emissions[0] : kNaN;
  // Present values: year y weighs (1 + r)^-y, by repeated division so that
  // the weights are exactly 1 at r = 0.
  const double growth = 1.0 + in.discount_rate;
  double emitted_pv = 0.0, weight = 1.0;
  for (std::size_t y = 0; y < Y; ++y, weight /= growth) {
    const double e = in.emissions[y];
    const int year = in.first_year + static_cast<int>(y);
    cumulative += e;
    emitted_pv += weight * e;
    if (year <= kWindowEnd) window += e;
    if (e > peak) {
      peak = e;
      peak_year = year;
    }
    if (std::isnan(near_zero_year) && e <= limit) near_zero_year = year;
  }
  double investment = 0.0, operating = 0.0, unmet = 0.0, revenue = 0.0, tonnes = 0.0, cost_pv = 0.0;
  weight = 1.0;
  for (std::size_t y = 0; y < Y; ++y, weight /= growth)
    for (std::size_t r = 0; r < R; ++r) {
      investment += in.investment[y * R + r];
      operating += in.operating_cost[y * R + r];
      cost_pv += weight * (in.investment[y * R + r] + in.operating_cost[y * R + r]);
      unmet += in.unmet_demand[y * R + r];
      double p = 0.0;
      for (std::size_t k = 0; k < K; ++k)
        p += in.production[(y * R + r) * K + k];
      // A price only counts where steel was made (it is NaN where none was).
      if (p > 0.0 && std::isfinite(in.steel_price[y * R + r])) {
        revenue += p * in.steel_price[y * R + r];
        tonnes += p;
      }
    }
  double stranded = 0.0, subsidies = 0.0, fund = 0.0;
  for (std::size_t y = 0; y < Y; ++y) {
    stranded += in.stranded[y];
    subsidies += in.subsidies_paid[y];
    fund += in.fund_spent[y];
  }
  return {cumulative,
          in.first_year <= kWindowEnd ? window : kNaN,
          Y > 0 ? peak : kNaN,
          peak_year,
          near_zero_year,
          investment,
          investment + operating,
          tonnes > 0.0 ? revenue / tonnes : kNaN,
          stranded,
          subsidies,
          fund,
          unmet,
          cost_pv,
          emitted_pv};
}

} // namespace steelpath
