#include "output/member_statistics.hpp"

#include "output/ensemble_schema.hpp"
#include "output/hdf5_chunked.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace steelpath {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kNearZeroShare = 0.1; // "near zero": 10 % of the first year's emissions

} // namespace

double quantile_sorted(std::span<const double> x, double p) {
  if (x.empty()) return kNaN;
  const double h = (static_cast<double>(x.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

int first_index_at_most(std::span<const double> series, double share) {
  if (series.empty()) return -1;
  const double limit = share * series[0];
  for (std::size_t y = 0; y < series.size(); ++y)
    if (series[y] <= limit) return static_cast<int>(y);
  return -1;
}

void write_member_statistics(hid_t file, GroupWriter& root, const EnsembleDesignTable& d,
                             const std::vector<std::int32_t>& status) {
  const auto shape = root.shape("emissions"); // [member][year]
  const std::size_t n = shape[0], years = shape[1];
  const std::size_t settings = d.setting_labels.size();
  const std::size_t per_setting = d.samples * d.replicates;
  h5::Handle emissions = h5::open_dataset(file, "emissions");
  const auto prod_shape = root.shape("production");
  const std::size_t prod_size = prod_shape[1] * prod_shape[2] * prod_shape[3];
  h5::Handle production = h5::open_dataset(file, "production");

  // Pass 1, member by member: metrics and means.
  std::vector<double> cumulative(n, kNaN), near_zero(n, kNaN);
  std::vector<double> em_mean(settings * years, 0.0), prod_mean(settings * years, 0.0);
  std::vector<std::int32_t> done(settings, 0);
  std::vector<double> row(years), prow(prod_size);
  const auto year_coord = h5::read_doubles(file, "year");
  for (std::size_t m = 0; m < n; ++m) {
    if (status[m] != schema::kMemberDone) continue;
    const std::size_t s = m / per_setting;
    h5::read_block(emissions, {m, 0}, {1, years}, row);
    h5::read_block(production, {m, 0, 0, 0}, {1, prod_shape[1], prod_shape[2], prod_shape[3]}, prow);
    double sum = 0.0;
    for (std::size_t y = 0; y < years; ++y) {
      sum += row[y];
      em_mean[s * years + y] += row[y];
      double p = 0.0;
      for (std::size_t i = 0; i < prod_shape[2] * prod_shape[3]; ++i)
        p += prow[y * prod_shape[2] * prod_shape[3] + i];
      prod_mean[s * years + y] += p;
    }
    cumulative[m] = sum;
    const int k = first_index_at_most(row, kNearZeroShare);
    if (k >= 0) near_zero[m] = year_coord[static_cast<std::size_t>(k)];
    ++done[s];
  }
  for (std::size_t s = 0; s < settings; ++s)
    for (std::size_t y = 0; y < years; ++y) {
      const double c = done[s] > 0 ? static_cast<double>(done[s]) : kNaN;
      em_mean[s * years + y] /= c;
      prod_mean[s * years + y] /= c;
    }
  root.doubles("cumulative_emissions", cumulative);
  root.doubles("near_zero_year", near_zero);

  // Pass 2, one setting and one year at a time: quantiles and shares.
  constexpr std::size_t Q = std::size(schema::kQuantiles);
  std::vector<double> em_q(settings * Q * years, kNaN), cum_q(settings * Q, kNaN);
  std::vector<double> nz_share(settings * years, kNaN);
  // A year across a setting's members is read member by member (one chunk
  // each; one hyperslab across thousands of chunks makes HDF5 allocate per
  // chunk), a group of years at a time: at most 64 MiB whatever the ensemble.
  const std::size_t group = std::clamp<std::size_t>(
      (64u << 20) / (sizeof(double) * std::max<std::size_t>(per_setting, 1)), 1, years);
  std::vector<double> block(per_setting * group), column(per_setting), values;
  for (std::size_t s = 0; s < settings; ++s) {
    const std::size_t m0 = s * per_setting;
    auto finished = [&](std::size_t i) { return status[m0 + i] == schema::kMemberDone; };
    for (std::size_t y = 0; y < years; ++y) {
      const std::size_t y0 = y - y % group, g = std::min(group, years - y0);
      if (y == y0)
        for (std::size_t i = 0; i < per_setting; ++i)
          if (finished(i))
            h5::read_block(emissions, {m0 + i, y0}, {1, g}, std::span(block).subspan(i * g, g));
      for (std::size_t i = 0; i < per_setting; ++i)
        column[i] = block[i * g + (y - y0)];
      values.clear();
      std::size_t reached = 0;
      for (std::size_t i = 0; i < per_setting; ++i)
        if (finished(i)) {
          values.push_back(column[i]);
          if (!std::isnan(near_zero[m0 + i]) && near_zero[m0 + i] <= year_coord[y]) ++reached;
        }
      std::sort(values.begin(), values.end());
      for (std::size_t q = 0; q < Q; ++q)
        em_q[(s * Q + q) * years + y] = quantile_sorted(values, schema::kQuantiles[q]);
      if (!values.empty())
        nz_share[s * years + y] = static_cast<double>(reached) / static_cast<double>(values.size());
    }
    values.clear();
    for (std::size_t i = 0; i < per_setting; ++i)
      if (finished(i)) values.push_back(cumulative[m0 + i]);
    std::sort(values.begin(), values.end());
    for (std::size_t q = 0; q < Q; ++q)
      cum_q[s * Q + q] = quantile_sorted(values, schema::kQuantiles[q]);
  }

  h5::Handle g = h5::create_group(file, "statistics");
  GroupWriter stats(g, "statistics", schema::ensemble_variables(), &root);
  stats.doubles("quantile",
                std::vector<double>(std::begin(schema::kQuantiles), std::end(schema::kQuantiles)));
  stats.ints("members_done", done);
  stats.doubles("emissions_mean", em_mean);
  stats.doubles("emissions_quantiles", em_q);
  stats.doubles("production_mean", prod_mean);
  stats.doubles("cumulative_emissions_quantiles", cum_q);
  stats.doubles("near_zero_share", nz_share);
}

} // namespace steelpath
