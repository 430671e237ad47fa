#include "output/member_statistics.hpp"

#include "output/ensemble_schema.hpp"
#include "output/hdf5_chunked.hpp"
#include "output/member_fields.hpp"
#include "output/member_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace steelpath {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

double quantile_sorted(std::span<const double> x, double p) {
  if (x.empty()) return kNaN;
  const double h = (static_cast<double>(x.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

namespace {

// One member's stored series, read back one chunk each.
class MemberRows {
public:
  MemberRows(hid_t file, GroupWriter& root, int first_year, double discount_rate) {
    const auto shape = root.shape("production"); // [member][year][region][technology]
    shape_.first_year = first_year;
    shape_.discount_rate = discount_rate;
    shape_.years = shape[1];
    shape_.regions = shape[2];
    shape_.technologies = shape[3];
    for (const char* name : {"emissions", "production", "investment", "steel_price", "unmet_demand",
                             "stranded_capacity", "subsidies_paid", "fund_spent", "operating_cost"}) {
      const auto dims = root.shape(name);
      std::size_t size = 1;
      for (std::size_t i = 1; i < dims.size(); ++i)
        size *= dims[i];
      // No chunk cache: each member's chunk is read once per pass and group of years.
      sets_.push_back({name, h5::open_dataset(file, name, 4096), dims, std::vector<double>(size)});
    }
  }
  void read(std::size_t m) {
    for (auto& s : sets_) {
      std::vector<hsize_t> start(s.shape.size(), 0), count = s.shape;
      start[0] = m;
      count[0] = 1;
      h5::read_block(s.ds, start, count, s.values);
    }
  }
  [[nodiscard]] MetricInputs inputs() const {
    std::vector<MemberField> fields;
    for (const auto& s : sets_)
      fields.push_back({s.name, s.values});
    return metric_inputs(shape_, fields);
  }

private:
  struct Set {
    std::string_view name;
    h5::Handle ds;
    std::vector<hsize_t> shape;
    std::vector<double> values;
  };
  MetricInputs shape_;
  std::vector<Set> sets_;
};

} // namespace

void write_member_statistics(hid_t file, GroupWriter& root, const EnsembleDesignTable& d,
                             const std::vector<std::int32_t>& status, const std::vector<double>& target_met,
                             double discount_rate) {
  const auto shape = root.shape("production"); // [member][year][region][technology]
  const std::size_t n = shape[0], years = shape[1], R = shape[2], K = shape[3];
  const std::size_t settings = d.setting_labels.size();
  const std::size_t per_setting = d.samples * d.replicates;
  // Each member's metrics, then its paired metrics (member_metrics.hpp).
  std::vector<MetricSpec> specs = metric_specs();
  specs.insert(specs.end(), paired_metric_specs().begin(), paired_metric_specs().end());
  const std::size_t M0 = metric_specs().size(), M = specs.size();
  const auto year_coord = h5::read_doubles(file, "year");
  const int first_year = years > 0 ? static_cast<int>(year_coord[0]) : 0;
  MemberRows rows(file, root, first_year, discount_rate);

  // Pass 1, member by member: metrics and route production means.
  std::vector<double> metrics(n * M, kNaN); // [member][metric]
  std::vector<double> tech_mean(settings * years * K, 0.0);
  std::vector<std::int32_t> done(settings, 0);
  for (std::size_t m = 0; m < n; ++m) {
    if (status[m] != schema::kMemberDone) continue;
    const std::size_t s = m / per_setting;
    rows.read(m);
    const MetricInputs in = rows.inputs();
    const auto values = compute_metrics(in);
    std::copy(values.begin(), values.end(), metrics.begin() + static_cast<std::ptrdiff_t>(m * M));
    for (std::size_t y = 0; y < years; ++y)
      for (std::size_t r = 0; r < R; ++r)
        for (std::size_t k = 0; k < K; ++k)
          tech_mean[(s * years + y) * K + k] += in.production[(y * R + r) * K + k];
    ++done[s];
  }
  for (std::size_t s = 0; s < settings; ++s) {
    const double c = done[s] > 0 ? static_cast<double>(done[s]) : kNaN;
    for (std::size_t i = 0; i < years * K; ++i)
      tech_mean[s * years * K + i] /= c;
  }
  // Against the reference setting's member with the same sample and
  // replicate: common random numbers make the difference the lever's effect.
  // The pooled cost sums over a setting's pairs before dividing, so that a
  // pair that avoids little cannot dominate it as it can the mean of ratios.
  const std::size_t ref0 = d.reference_setting * per_setting;
  const auto& bases = abatement_bases();
  const std::size_t B = bases.size();
  std::vector<double> extra_cost(B * settings, 0.0), avoided(B * settings, 0.0); // [basis][setting]
  for (std::size_t m = 0; m < n; ++m) {
    const std::size_t ref = ref0 + m % per_setting, s = m / per_setting;
    if (status[m] != schema::kMemberDone || status[ref] != schema::kMemberDone) continue;
    const auto row = std::span<const double>(metrics).subspan(m * M, M0);
    const auto pair = paired_metrics(row, std::span<const double>(metrics).subspan(ref * M, M0));
    std::copy(pair.begin(), pair.end(), metrics.begin() + static_cast<std::ptrdiff_t>(m * M + M0));
    for (std::size_t b = 0; b < B; ++b) {
      extra_cost[b * settings + s] +=
          metrics[m * M + bases[b].cost_index] - metrics[ref * M + bases[b].cost_index];
      avoided[b * settings + s] +=
          metrics[ref * M + bases[b].emitted_index] - metrics[m * M + bases[b].emitted_index];
    }
  }
  std::vector<double> pooled(B * settings); // [basis][setting]
  for (std::size_t i = 0; i < B * settings; ++i)
    pooled[i] = abatement_cost(extra_cost[i], 0.0, 0.0, avoided[i]);
  std::vector<double> column_of(n);
  for (std::size_t j = 0; j < M; ++j) {
    for (std::size_t m = 0; m < n; ++m)
      column_of[m] = metrics[m * M + j];
    root.doubles(specs[j].name, column_of);
  }
  const std::size_t near_zero_column = metric_index("near_zero_year");

  // Pass 2, one setting and one year at a time: quantiles and shares of the
  // main yearly series (direct CO2, production, investment, the average
  // steel price), each a number per member and year.
  constexpr std::size_t Q = std::size(schema::kQuantiles);
  constexpr std::size_t S = 4; // emissions, production, investment, steel price
  std::vector<double> series_q(S * settings * Q * years, kNaN), series_mean(S * settings * years, kNaN);
  std::vector<double> cum_q(settings * Q, kNaN);
  std::vector<double> nz_share(settings * years, kNaN);
  std::vector<double> metric_mean(settings * M, kNaN), metric_q(settings * M * Q, kNaN);
  std::vector<std::int32_t> metric_count(settings * M, 0);
  // A setting's members are read member by member (one chunk each; one
  // hyperslab across thousands of chunks makes HDF5 allocate per chunk), for
  // a group of years at a time: at most 64 MiB whatever the ensemble.
  const std::size_t group = std::clamp<std::size_t>(
      (64u << 20) / (S * sizeof(double) * std::max<std::size_t>(per_setting, 1)), 1, years);
  std::vector<double> block(S * per_setting * group), values;
  auto yearly = [&](const MetricInputs& in, std::size_t y, std::size_t series) {
    if (series == 0) return in.emissions[y];
    double produced = 0.0, paid = 0.0, investment = 0.0, priced = 0.0;
    for (std::size_t r = 0; r < R; ++r) {
      investment += in.investment[y * R + r];
      double p = 0.0;
      for (std::size_t k = 0; k < K; ++k)
        p += in.production[(y * R + r) * K + k];
      produced += p;
      if (p > 0.0 && std::isfinite(in.steel_price[y * R + r])) {
        paid += p * in.steel_price[y * R + r];
        priced += p;
      }
    }
    if (series == 1) return produced;
    if (series == 2) return investment;
    return priced > 0.0 ? paid / priced : kNaN;
  };
  for (std::size_t s = 0; s < settings; ++s) {
    const std::size_t m0 = s * per_setting;
    auto finished = [&](std::size_t i) { return status[m0 + i] == schema::kMemberDone; };
    for (std::size_t y = 0; y < years; ++y) {
      const std::size_t y0 = y - y % group, g = std::min(group, years - y0);
      if (y == y0)
        for (std::size_t i = 0; i < per_setting; ++i) {
          if (!finished(i)) continue;
          rows.read(m0 + i);
          const MetricInputs in = rows.inputs();
          for (std::size_t k = 0; k < g; ++k)
            for (std::size_t v = 0; v < S; ++v)
              block[(v * per_setting + i) * g + k] = yearly(in, y0 + k, v);
        }
      for (std::size_t v = 0; v < S; ++v) {
        values.clear();
        double sum = 0.0;
        std::size_t reached = 0;
        for (std::size_t i = 0; i < per_setting; ++i) {
          if (!finished(i)) continue;
          if (v == 0) {
            const double nz = metrics[(m0 + i) * M + near_zero_column];
            if (!std::isnan(nz) && nz <= year_coord[y]) ++reached;
          }
          const double x = block[(v * per_setting + i) * g + (y - y0)];
          if (std::isnan(x)) continue; // a price where nothing was produced
          values.push_back(x);
          sum += x;
        }
        std::sort(values.begin(), values.end());
        for (std::size_t q = 0; q < Q; ++q)
          series_q[((v * settings + s) * Q + q) * years + y] = quantile_sorted(values, schema::kQuantiles[q]);
        if (!values.empty())
          series_mean[(v * settings + s) * years + y] = sum / static_cast<double>(values.size());
        if (v == 0 && done[s] > 0)
          nz_share[s * years + y] = static_cast<double>(reached) / static_cast<double>(done[s]);
      }
    }
    for (std::size_t j = 0; j < M; ++j) {
      // NaN (a near-zero year never reached) has no place in an order statistic;
      // the share of members without one is near_zero_share's business.
      values.clear();
      double sum = 0.0;
      for (std::size_t i = 0; i < per_setting; ++i)
        if (finished(i) && !std::isnan(metrics[(m0 + i) * M + j])) {
          values.push_back(metrics[(m0 + i) * M + j]);
          sum += values.back();
        }
      std::sort(values.begin(), values.end());
      metric_count[s * M + j] = static_cast<std::int32_t>(values.size());
      if (!values.empty()) metric_mean[s * M + j] = sum / static_cast<double>(values.size());
      for (std::size_t q = 0; q < Q; ++q)
        metric_q[(s * M + j) * Q + q] = quantile_sorted(values, schema::kQuantiles[q]);
      if (specs[j].name == "cumulative_emissions")
        for (std::size_t q = 0; q < Q; ++q)
          cum_q[s * Q + q] = metric_q[(s * M + j) * Q + q];
    }
  }

  // The share of a setting's finished members that met each company target.
  const std::size_t T = d.target_labels.size();
  std::vector<double> met_share(settings * T, kNaN);
  for (std::size_t s = 0; s < settings; ++s)
    for (std::size_t t = 0; t < T; ++t) {
      double met = 0.0;
      for (std::size_t i = 0; i < per_setting; ++i)
        if (status[s * per_setting + i] == schema::kMemberDone)
          met += target_met[(s * per_setting + i) * T + t];
      if (done[s] > 0) met_share[s * T + t] = met / static_cast<double>(done[s]);
    }

  h5::Handle g = h5::create_group(file, "statistics");
  GroupWriter stats(g, "statistics", schema::ensemble_variables(), &root);
  std::vector<std::int32_t> setting_index(settings);
  for (std::size_t s = 0; s < settings; ++s)
    setting_index[s] = static_cast<std::int32_t>(s);
  stats.ints("lever_setting", setting_index);
  std::vector<std::int32_t> year_ints(year_coord.begin(), year_coord.end());
  stats.ints("year", year_ints);
  stats.strings("technology", h5::read_strings(file, "technology"));
  stats.strings("target", d.target_labels);
  stats.strings("lever_setting_label", d.setting_labels);
  stats.doubles("quantile",
                std::vector<double>(std::begin(schema::kQuantiles), std::end(schema::kQuantiles)));
  std::vector<std::string> names;
  for (const auto& m : specs)
    names.emplace_back(m.name);
  stats.strings("metric", names);
  stats.ints("members_done", done);
  auto part = [&](std::vector<double>& all, std::size_t v, std::size_t size) {
    return std::span<const double>(all).subspan(v * size, size);
  };
  stats.doubles("emissions_mean", part(series_mean, 0, settings * years));
  stats.doubles("emissions_quantiles", part(series_q, 0, settings * Q * years));
  stats.doubles("production_mean", part(series_mean, 1, settings * years));
  stats.doubles("production_technology_mean", tech_mean);
  stats.doubles("production_quantiles", part(series_q, 1, settings * Q * years));
  stats.doubles("investment_mean", part(series_mean, 2, settings * years));
  stats.doubles("investment_quantiles", part(series_q, 2, settings * Q * years));
  stats.doubles("steel_price_mean", part(series_mean, 3, settings * years));
  stats.doubles("steel_price_quantiles", part(series_q, 3, settings * Q * years));
  stats.doubles("cumulative_emissions_quantiles", cum_q);
  stats.doubles("metric_mean", metric_mean);
  stats.doubles("metric_quantiles", metric_q);
  stats.ints("metric_count", metric_count);
  for (std::size_t b = 0; b < B; ++b)
    stats.doubles(std::string(bases[b].name) + "_pooled",
                  std::span<const double>(pooled).subspan(b * settings, settings));
  stats.doubles("near_zero_share", nz_share);
  stats.doubles("target_met_share", met_share);
}

} // namespace steelpath
