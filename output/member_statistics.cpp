#include "output/member_statistics.hpp"

#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/hdf5_chunked.hpp"
#include "output/member_fields.hpp"
#include "output/member_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <string>

#include <omp.h>

namespace steelpath {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// What the yearly quantiles hold of a setting's members at once, all threads together.
constexpr std::size_t kYearlyBlockBytes = 64u << 20;

} // namespace

double quantile_sorted(std::span<const double> x, double p) {
  if (x.empty()) return kNaN;
  const double h = (static_cast<double>(x.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

namespace {

constexpr std::size_t Q = std::size(schema::kQuantiles);

// The yearly series whose mean and quantiles the statistics group holds, as
// NAME_mean and NAME_quantiles: one number per member and year.
struct YearlyStatistic {
  std::string_view name;
  double (*value)(const MetricInputs& in, std::size_t y);
};

double sum_over_regions(std::span<const double> v, std::size_t y, std::size_t regions) {
  double s = 0.0;
  for (std::size_t r = 0; r < regions; ++r)
    s += v[y * regions + r];
  return s;
}

double production_in(const MetricInputs& in, std::size_t y, std::size_t r) {
  double p = 0.0;
  for (std::size_t k = 0; k < in.technologies; ++k)
    p += in.production[(y * in.regions + r) * in.technologies + k];
  return p;
}

const YearlyStatistic kYearly[] = {
    {"emissions", [](const MetricInputs& in, std::size_t y) { return in.emissions[y]; }},
    {"production",
     [](const MetricInputs& in, std::size_t y) {
       double produced = 0.0;
       for (std::size_t r = 0; r < in.regions; ++r)
         produced += production_in(in, y, r);
       return produced;
     }},
    {"investment",
     [](const MetricInputs& in, std::size_t y) { return sum_over_regions(in.investment, y, in.regions); }},
    // Production-weighted over the regions that produced (NaN: none did).
    {"steel_price",
     [](const MetricInputs& in, std::size_t y) {
       double paid = 0.0, priced = 0.0;
       for (std::size_t r = 0; r < in.regions; ++r) {
         const double p = production_in(in, y, r), price = in.steel_price[y * in.regions + r];
         if (p > 0.0 && std::isfinite(price)) {
           paid += p * price;
           priced += p;
         }
       }
       return priced > 0.0 ? paid / priced : kNaN;
     }},
};
constexpr std::size_t S = std::size(kYearly);

// The ensemble's shape and what the passes fill in.
struct Statistics {
  std::size_t n = 0, years = 0, regions = 0, technologies = 0, settings = 0, per_setting = 0;
  std::vector<double> year_coord;
  std::vector<MetricSpec> specs; ///< each member's metrics, then its paired metrics
  std::size_t M0 = 0, M = 0;
  std::vector<double> metrics;            ///< [member][metric]
  std::vector<double> tech_mean;          ///< [setting][year][technology]
  std::vector<std::int32_t> done;         ///< [setting] finished members
  std::vector<double> pooled;             ///< [basis][setting]
  std::vector<double> series_q;           ///< [series][setting][quantile][year]
  std::vector<double> series_mean;        ///< [series][setting][year]
  std::vector<double> nz_share;           ///< [setting][year]
  std::vector<double> metric_mean;        ///< [setting][metric]
  std::vector<double> metric_q;           ///< [setting][metric][quantile]
  std::vector<std::int32_t> metric_count; ///< [setting][metric]
  std::vector<double> cum_q;              ///< [setting][quantile]
  std::vector<double> met_share;          ///< [setting][target]
};

// One done member's series from the source, viewed as compute_metrics() takes them.
class MemberInputs {
public:
  MemberInputs(MemberSource& source, MetricInputs shape) : source_(source), shape_(shape) {}
  const MetricInputs& read(std::size_t m) {
    source_.statistics_inputs(m, values_);
    fields_ = values_.fields();
    in_ = metric_inputs(shape_, fields_);
    return in_;
  }

private:
  MemberSource& source_;
  MetricInputs shape_, in_;
  StatisticsInputs values_;
  std::vector<MemberField> fields_;
};

// Pass 1, member by member for setting `s`: metrics and route production means.
void member_metrics(Statistics& st, const std::vector<std::int32_t>& status, MemberInputs& inputs,
                    std::size_t s) {
  const std::size_t years = st.years, R = st.regions, K = st.technologies;
  double* tech_mean = &st.tech_mean[s * years * K];
  for (std::size_t m = s * st.per_setting; m < (s + 1) * st.per_setting; ++m) {
    if (status[m] != schema::kMemberDone) continue;
    const MetricInputs& in = inputs.read(m);
    const auto values = compute_metrics(in);
    std::copy(values.begin(), values.end(), st.metrics.begin() + static_cast<std::ptrdiff_t>(m * st.M));
    for (std::size_t y = 0; y < years; ++y)
      for (std::size_t r = 0; r < R; ++r)
        for (std::size_t k = 0; k < K; ++k)
          tech_mean[y * K + k] += in.production[(y * R + r) * K + k];
    ++st.done[s];
  }
  const double c = st.done[s] > 0 ? static_cast<double>(st.done[s]) : kNaN;
  for (std::size_t i = 0; i < years * K; ++i)
    tech_mean[i] /= c;
}

// Against the reference setting's member with the same sample and
// replicate: common random numbers make the difference the lever's effect.
// The pooled cost sums over a setting's pairs before dividing, so that a
// pair that avoids little cannot dominate it as it can the mean of ratios.
void paired_metrics(Statistics& st, const std::vector<std::int32_t>& status, std::size_t reference) {
  const std::size_t ref0 = reference * st.per_setting, M = st.M, settings = st.settings;
  const auto& bases = abatement_bases();
  const std::size_t B = bases.size();
  auto& metrics = st.metrics;
  std::vector<double> extra_cost(B * settings, 0.0), avoided(B * settings, 0.0); // [basis][setting]
  for (std::size_t m = 0; m < st.n; ++m) {
    const std::size_t ref = ref0 + m % st.per_setting, s = m / st.per_setting;
    if (status[m] != schema::kMemberDone || status[ref] != schema::kMemberDone) continue;
    const auto row = std::span<const double>(metrics).subspan(m * M, st.M0);
    const auto pair =
        steelpath::paired_metrics(row, std::span<const double>(metrics).subspan(ref * M, st.M0));
    std::copy(pair.begin(), pair.end(), metrics.begin() + static_cast<std::ptrdiff_t>(m * M + st.M0));
    for (std::size_t b = 0; b < B; ++b) {
      extra_cost[b * settings + s] +=
          metrics[m * M + bases[b].cost_index] - metrics[ref * M + bases[b].cost_index];
      avoided[b * settings + s] +=
          metrics[ref * M + bases[b].emitted_index] - metrics[m * M + bases[b].emitted_index];
    }
  }
  st.pooled.resize(B * settings);
  for (std::size_t i = 0; i < B * settings; ++i)
    st.pooled[i] = abatement_cost(extra_cost[i], 0.0, 0.0, avoided[i]);
}

// The sorted values' quantiles into out[0], out[stride], ...
void quantiles(std::vector<double>& values, double* out, std::size_t stride) {
  std::sort(values.begin(), values.end());
  for (std::size_t q = 0; q < Q; ++q)
    out[q * stride] = quantile_sorted(values, schema::kQuantiles[q]);
}

// Pass 2 for setting `s`, one group of years at a time: quantiles and means
// of the yearly statistics, and the share of members near zero by each year.
// The setting's members are read member by member, for a group of years at
// a time: at most `budget` bytes whatever the ensemble.
void yearly_quantiles(Statistics& st, const std::vector<std::int32_t>& status, MemberInputs& inputs,
                      std::size_t s, std::size_t budget) {
  const std::size_t years = st.years, settings = st.settings, per_setting = st.per_setting;
  const std::size_t near_zero_column = metric_index("near_zero_year");
  const std::size_t group = std::clamp<std::size_t>(
      budget / (S * sizeof(double) * std::max<std::size_t>(per_setting, 1)), 1, years);
  std::vector<double> block(S * per_setting * group), values;
  const std::size_t m0 = s * per_setting;
  auto finished = [&](std::size_t i) { return status[m0 + i] == schema::kMemberDone; };
  for (std::size_t y = 0; y < years; ++y) {
    const std::size_t y0 = y - y % group, g = std::min(group, years - y0);
    if (y == y0)
      for (std::size_t i = 0; i < per_setting; ++i) {
        if (!finished(i)) continue;
        const MetricInputs& in = inputs.read(m0 + i);
        for (std::size_t k = 0; k < g; ++k)
          for (std::size_t v = 0; v < S; ++v)
            block[(v * per_setting + i) * g + k] = kYearly[v].value(in, y0 + k);
      }
    for (std::size_t v = 0; v < S; ++v) {
      values.clear();
      double sum = 0.0;
      std::size_t reached = 0;
      for (std::size_t i = 0; i < per_setting; ++i) {
        if (!finished(i)) continue;
        if (v == 0) {
          const double nz = st.metrics[(m0 + i) * st.M + near_zero_column];
          if (!std::isnan(nz) && nz <= st.year_coord[y]) ++reached;
        }
        const double x = block[(v * per_setting + i) * g + (y - y0)];
        if (std::isnan(x)) continue; // a price where nothing was produced
        values.push_back(x);
        sum += x;
      }
      quantiles(values, &st.series_q[((v * settings + s) * Q) * years + y], years);
      if (!values.empty())
        st.series_mean[(v * settings + s) * years + y] = sum / static_cast<double>(values.size());
      if (v == 0 && st.done[s] > 0)
        st.nz_share[s * years + y] = static_cast<double>(reached) / static_cast<double>(st.done[s]);
    }
  }
}

// Runs `pass(inputs, setting)` for every setting, on the OpenMP threads when
// the source reads concurrently (each thread its own inputs; a setting's
// members in member order, so the sums do not depend on the threads), and
// returns the threads it used.
template <class Pass>
int per_setting(const Statistics& st, MemberSource& source, const MetricInputs& shape,
                const StopRequested& stop, Pass pass) {
  const bool parallel = source.concurrent_reads() && st.settings > 1;
  int threads = 1;
  std::exception_ptr error;
#pragma omp parallel if (parallel)
  {
    MemberInputs inputs(source, shape);
#pragma omp single
    threads = omp_get_num_threads();
#pragma omp for schedule(dynamic, 1)
    for (std::size_t s = 0; s < st.settings; ++s) {
      try {
        if (stop && stop()) throw Interrupted("interrupted while writing the statistics");
        pass(inputs, s);
      } catch (...) {
#pragma omp critical(steelpath_statistics_error)
        if (!error) error = std::current_exception();
      }
    }
  }
  if (error) std::rethrow_exception(error);
  return threads;
}

// Mean, quantiles and count of each metric over a setting's finished members
// where it is defined. NaN (a near-zero year never reached) has no place in
// an order statistic; the share of members without one is near_zero_share's.
void metric_statistics(Statistics& st, const std::vector<std::int32_t>& status) {
  const std::size_t settings = st.settings, M = st.M;
  st.metric_mean.assign(settings * M, kNaN);
  st.metric_q.assign(settings * M * Q, kNaN);
  st.metric_count.assign(settings * M, 0);
  st.cum_q.assign(settings * Q, kNaN);
  std::vector<double> values;
  for (std::size_t s = 0; s < settings; ++s) {
    const std::size_t m0 = s * st.per_setting;
    for (std::size_t j = 0; j < M; ++j) {
      values.clear();
      double sum = 0.0;
      for (std::size_t i = 0; i < st.per_setting; ++i)
        if (status[m0 + i] == schema::kMemberDone && !std::isnan(st.metrics[(m0 + i) * M + j])) {
          values.push_back(st.metrics[(m0 + i) * M + j]);
          sum += values.back();
        }
      st.metric_count[s * M + j] = static_cast<std::int32_t>(values.size());
      if (!values.empty()) st.metric_mean[s * M + j] = sum / static_cast<double>(values.size());
      quantiles(values, &st.metric_q[(s * M + j) * Q], 1);
      if (st.specs[j].name == "cumulative_emissions")
        std::copy_n(&st.metric_q[(s * M + j) * Q], Q, &st.cum_q[s * Q]);
    }
  }
}

// The share of a setting's finished members that met each company target.
void target_shares(Statistics& st, const std::vector<std::int32_t>& status,
                   const std::vector<double>& target_met, std::size_t T) {
  st.met_share.assign(st.settings * T, kNaN);
  for (std::size_t s = 0; s < st.settings; ++s)
    for (std::size_t t = 0; t < T; ++t) {
      double met = 0.0;
      for (std::size_t i = 0; i < st.per_setting; ++i)
        if (status[s * st.per_setting + i] == schema::kMemberDone)
          met += target_met[(s * st.per_setting + i) * T + t];
      if (st.done[s] > 0) st.met_share[s * T + t] = met / static_cast<double>(st.done[s]);
    }
}

// The per-member metric columns at the root.
void write_metric_columns(GroupWriter& root, const Statistics& st) {
  std::vector<double> column(st.n);
  for (std::size_t j = 0; j < st.M; ++j) {
    for (std::size_t m = 0; m < st.n; ++m)
      column[m] = st.metrics[m * st.M + j];
    root.doubles(st.specs[j].name, column);
  }
}

// The `statistics` group: its own coordinates, then the statistics.
void write_statistics_group(hid_t file, GroupWriter& root, const EnsembleDesignTable& d,
                            const Statistics& st) {
  h5::Handle g = h5::create_group(file, "statistics");
  GroupWriter stats(g, "statistics", schema::ensemble_variables(), &root);
  std::vector<std::int32_t> setting_index(st.settings);
  for (std::size_t s = 0; s < st.settings; ++s)
    setting_index[s] = static_cast<std::int32_t>(s);
  stats.ints("lever_setting", setting_index);
  stats.ints("year", std::vector<std::int32_t>(st.year_coord.begin(), st.year_coord.end()));
  stats.strings("technology", h5::read_strings(file, "technology"));
  stats.strings("target", d.target_labels);
  stats.strings("lever_setting_label", d.setting_labels);
  stats.doubles("quantile",
                std::vector<double>(std::begin(schema::kQuantiles), std::end(schema::kQuantiles)));
  std::vector<std::string> names;
  for (const auto& m : st.specs)
    names.emplace_back(m.name);
  stats.strings("metric", names);
  stats.ints("members_done", st.done);
  const std::size_t means = st.settings * st.years, qs = st.settings * Q * st.years;
  for (std::size_t v = 0; v < S; ++v) {
    const std::string name(kYearly[v].name);
    stats.doubles(name + "_mean", std::span<const double>(st.series_mean).subspan(v * means, means));
    if (name == "production") stats.doubles("production_technology_mean", st.tech_mean);
    stats.doubles(name + "_quantiles", std::span<const double>(st.series_q).subspan(v * qs, qs));
  }
  stats.doubles("cumulative_emissions_quantiles", st.cum_q);
  stats.doubles("metric_mean", st.metric_mean);
  stats.doubles("metric_quantiles", st.metric_q);
  stats.ints("metric_count", st.metric_count);
  const auto& bases = abatement_bases();
  for (std::size_t b = 0; b < bases.size(); ++b)
    stats.doubles(std::string(bases[b].name) + "_pooled",
                  std::span<const double>(st.pooled).subspan(b * st.settings, st.settings));
  stats.doubles("near_zero_share", st.nz_share);
  stats.doubles("target_met_share", st.met_share);
}

} // namespace

void write_member_statistics(hid_t file, GroupWriter& root, const EnsembleDesignTable& d,
                             const std::vector<std::int32_t>& status, const std::vector<double>& target_met,
                             double discount_rate, MemberSource& source, const StopRequested& stop) {
  const auto shape = root.shape("production"); // [member][year][region][technology]
  Statistics st;
  st.n = shape[0];
  st.years = shape[1];
  st.regions = shape[2];
  st.technologies = shape[3];
  st.settings = d.setting_labels.size();
  st.per_setting = d.samples * d.replicates;
  st.specs = metric_specs();
  st.specs.insert(st.specs.end(), paired_metric_specs().begin(), paired_metric_specs().end());
  st.M0 = metric_specs().size();
  st.M = st.specs.size();
  st.year_coord = h5::read_doubles(file, "year");
  MetricInputs in;
  in.first_year = st.years > 0 ? static_cast<int>(st.year_coord[0]) : 0;
  in.years = st.years;
  in.regions = st.regions;
  in.technologies = st.technologies;
  in.discount_rate = discount_rate;
  st.metrics.assign(st.n * st.M, kNaN);
  st.tech_mean.assign(st.settings * st.years * st.technologies, 0.0);
  st.done.assign(st.settings, 0);
  const int threads = per_setting(st, source, in, stop, [&](MemberInputs& inputs, std::size_t s) {
    member_metrics(st, status, inputs, s);
  });
  paired_metrics(st, status, d.reference_setting);
  write_metric_columns(root, st);
  st.series_q.assign(S * st.settings * Q * st.years, kNaN);
  st.series_mean.assign(S * st.settings * st.years, kNaN);
  st.nz_share.assign(st.settings * st.years, kNaN);
  const std::size_t budget = kYearlyBlockBytes / static_cast<std::size_t>(threads);
  per_setting(st, source, in, stop,
              [&](MemberInputs& inputs, std::size_t s) { yearly_quantiles(st, status, inputs, s, budget); });
  metric_statistics(st, status);
  target_shares(st, status, target_met, d.target_labels.size());
  write_statistics_group(file, root, d, st);
}

} // namespace steelpath
