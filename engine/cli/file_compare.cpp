#include "cli/file_compare.hpp"

#include "cli/file_info.hpp"

#include "model/errors.hpp"
#include "output/hdf5.hpp"
#include "output/member_metrics.hpp"
#include "output/member_statistics.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

namespace steelpath::cli {

namespace {

// One side of a comparison: each member's metrics, keyed by (sample, replicate).
struct Side {
  std::string label;
  std::vector<std::pair<std::int64_t, std::vector<double>>> members; ///< key, metrics in metric_specs() order
  std::vector<double> design; ///< sample_value, to tell whether keys pair
  double discount_rate = 0.0; ///< of the present-value metrics, 1/yr
};

Side read_side(const std::string& path, std::optional<std::size_t> setting) {
  h5::Handle f = open_results_file(path);
  Side side;
  side.discount_rate = h5::read_double_attribute(f, "metrics_discount_rate");
  const bool ensemble = H5Lexists(f, "member_setting", H5P_DEFAULT) > 0;
  if (!ensemble) {
    if (setting) throw InputError(path + ": a single-run file has no lever settings");
    side.label = std::filesystem::path(path).filename().string();
    side.members.emplace_back(0, single_run_metrics(f));
    return side;
  }
  const auto labels = h5::read_strings(f, "lever_setting_label");
  const std::size_t s = setting.value_or(0);
  if (s >= labels.size())
    throw InputError(path + ": lever setting " + std::to_string(s) + " does not exist (0 .. " +
                     std::to_string(labels.size() - 1) + ")");
  side.label = labels[s];
  const auto member_setting = h5::read_doubles(f, "member_setting"),
             sample = h5::read_doubles(f, "member_sample"),
             replicate = h5::read_doubles(f, "member_replicate"),
             status = h5::read_doubles(f, "member_status");
  std::vector<std::vector<double>> columns;
  for (const auto& m : metric_specs())
    columns.push_back(h5::read_doubles(f, std::string(m.name)));
  const double replicates = 1.0 + *std::max_element(replicate.begin(), replicate.end());
  for (std::size_t m = 0; m < status.size(); ++m) {
    if (member_setting[m] != static_cast<double>(s) || status[m] != 1) continue;
    std::vector<double> v;
    for (const auto& c : columns)
      v.push_back(c[m]);
    side.members.emplace_back(static_cast<std::int64_t>(sample[m] * replicates + replicate[m]), std::move(v));
  }
  side.design = h5::read_doubles(f, "sample_value");
  return side;
}

std::string fmt(double v) {
  if (!std::isfinite(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fabs(v) >= 100 ? "%.0f" : "%.2f", v);
  return buf;
}

std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc{} ? std::string(buf, end) : "null";
}

// Median and the 5 % and 95 % quantiles of the finite values.
std::array<double, 3> spread(std::vector<double> v) {
  v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }), v.end());
  std::sort(v.begin(), v.end());
  return {quantile_sorted(v, 0.5), quantile_sorted(v, 0.05), quantile_sorted(v, 0.95)};
}

std::string cell(const std::array<double, 3>& q, bool range) {
  return range ? fmt(q[0]) + " [" + fmt(q[1]) + ", " + fmt(q[2]) + "]" : fmt(q[0]);
}

} // namespace

void compare_files(std::ostream& os, const CompareOptions& o) {
  const Side a = read_side(o.a, o.setting_a);
  const Side b =
      read_side(o.b.empty() ? o.a : o.b, o.b.empty() ? std::optional(o.setting_b.value_or(1)) : o.setting_b);
  // Members pair when both sides drew the same samples (one file, or two
  // files of the same design): then B - A is taken member by member.
  std::map<std::int64_t, const std::vector<double>*> by_key;
  for (const auto& [k, v] : a.members)
    by_key[k] = &v;
  const bool same_design = a.design == b.design && a.members.size() > 1;
  std::size_t pairs = 0;
  if (same_design)
    for (const auto& [k, v] : b.members)
      pairs += by_key.count(k);
  const bool paired = same_design && pairs > 0;
  const bool range = a.members.size() > 1 || b.members.size() > 1;

  auto quoted = [](std::string v) {
    for (std::size_t i = 0; i < v.size(); ++i)
      if (v[i] == '"' || v[i] == '\\') v.insert(i++, 1, '\\');
    return "\"" + v + "\"";
  };
  std::string json = "{\"a\": " + quoted(a.label) + ", \"b\": " + quoted(b.label) +
                     ", \"paired\": " + (paired ? "true" : "false") + ", \"metrics\": {";
  std::ostringstream t;
  t << "A: " << a.label << " (" << a.members.size() << " member(s))\nB: " << b.label << " ("
    << b.members.size() << " member(s))\n"
    << (range ? "median [5 %, 95 %]; " : "")
    << (paired ? "B - A paired member by member (the same samples and agent draws: " + std::to_string(pairs) +
                     " pairs)\n"
        : range ? "B - A: difference of the medians (the members do not share samples)\n"
                : "")
    << "\n";
  char head[160];
  std::snprintf(head, sizeof head, "%-32s %-13s %-28s %-28s %s\n", "metric", "units", "A", "B", "B - A");
  t << head;
  // Present values compare only at one discount rate (to rounding: "0.7 %"
  // and 0.007 are the same rate).
  const bool same_rate =
      std::fabs(a.discount_rate - b.discount_rate) <= 1e-12 * std::max(1.0, std::fabs(a.discount_rate));
  const auto& specs = metric_specs();
  for (std::size_t j = 0; j < specs.size(); ++j) {
    std::vector<double> va, vb, diff;
    for (const auto& [k, v] : a.members)
      va.push_back(v[j]);
    for (const auto& [k, v] : b.members) {
      vb.push_back(v[j]);
      if (paired)
        if (const auto it = by_key.find(k); it != by_key.end()) diff.push_back(v[j] - (*it->second)[j]);
    }
    const auto qa = spread(va), qb = spread(vb);
    auto qd = paired ? spread(diff) : std::array<double, 3>{qb[0] - qa[0], std::nan(""), std::nan("")};
    if (!same_rate && specs[j].name.ends_with("_discounted")) qd.fill(std::nan(""));
    char line[256];
    std::snprintf(line, sizeof line, "%-32s %-13s %-28s %-28s %s\n", std::string(specs[j].name).c_str(),
                  std::string(specs[j].units).c_str(), cell(qa, range).c_str(), cell(qb, range).c_str(),
                  cell(qd, paired).c_str());
    t << line;
    json += std::string(j ? ", " : "") + "\"" + std::string(specs[j].name) + "\": {\"a\": [" +
            json_number(qa[0]) + ", " + json_number(qa[1]) + ", " + json_number(qa[2]) + "], \"b\": [" +
            json_number(qb[0]) + ", " + json_number(qb[1]) + ", " + json_number(qb[2]) +
            "], \"b_minus_a\": [" + json_number(qd[0]) + ", " + json_number(qd[1]) + ", " +
            json_number(qd[2]) + "]}";
  }
  // Cost of abatement: B's extra system cost (capex and operating costs,
  // carbon payments left out as transfers) per tonne of direct CO2 it avoids
  // against A, USD/t CO2 (million USD per Mt). Per pair when paired, over
  // the pairs that abate; otherwise from the medians. Levelized: the same
  // with present values.
  auto abatement = [&](const AbatementBasis& basis) {
    const std::size_t cost = basis.cost_index, emitted = basis.emitted_index;
    std::array<double, 3> q{std::nan(""), std::nan(""), std::nan("")};
    if (basis.present_value && !same_rate) return q;
    if (paired) {
      std::vector<double> ratio;
      for (const auto& [k, v] : b.members)
        if (const auto it = by_key.find(k); it != by_key.end()) {
          const auto& ref = *it->second;
          const double c = abatement_cost(v[cost], ref[cost], v[emitted], ref[emitted]);
          if (!std::isnan(c)) ratio.push_back(c);
        }
      return spread(ratio);
    }
    std::vector<double> ca, cb, ea, eb;
    for (const auto& [k, v] : a.members) {
      ca.push_back(v[cost]);
      ea.push_back(v[emitted]);
    }
    for (const auto& [k, v] : b.members) {
      cb.push_back(v[cost]);
      eb.push_back(v[emitted]);
    }
    q[0] = abatement_cost(spread(cb)[0], spread(ca)[0], spread(eb)[0], spread(ea)[0]);
    return q;
  };
  json += "}";
  char text[160];
  t << "\n";
  for (const auto& basis : abatement_bases()) {
    const auto q = abatement(basis);
    json += ", \"" + std::string(basis.name) + "\": [" + json_number(q[0]) + ", " + json_number(q[1]) + ", " +
            json_number(q[2]) + "]";
    if (!basis.present_value)
      t << "cost of abatement, B against A: " << cell(q, paired) << " USD/t CO2 avoided"
        << (paired ? " (per pair that abates)" : "") << "\n";
    else if (same_rate) {
      std::snprintf(text, sizeof text,
                    "levelized (present values at %.4g %% a year): ", 100.0 * b.discount_rate);
      t << text << cell(q, paired) << " USD/t CO2 avoided\n";
    } else {
      std::snprintf(text, sizeof text, "%.17g and %.17g", a.discount_rate, b.discount_rate);
      t << "levelized: none, the files discount at different rates (metrics_discount_rate " << text
        << "), so present values do not compare (nor do the *_discounted rows)\n";
    }
  }
  json += ", \"discount_rate\": [" + json_number(a.discount_rate) + ", " + json_number(b.discount_rate) + "]";
  os << (o.json ? json + "}\n" : t.str());
}

} // namespace steelpath::cli
