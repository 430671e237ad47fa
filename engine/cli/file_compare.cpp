#include "cli/file_compare.hpp"

#include "cli/json_text.hpp"
#include "model/errors.hpp"
#include "output/member_metrics.hpp"
#include "output/member_statistics.hpp"
#include "output/results_check.hpp"
#include "output/results_reader.hpp"
#include "output/results_tables.hpp"

#include <algorithm>
#include <array>
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

// The columns of metric_specs(), in its order.
std::vector<const std::vector<double>*> spec_columns(const MetricsTable& table) {
  std::vector<const std::vector<double>*> columns;
  for (const auto& m : metric_specs())
    columns.push_back(&table.column(m.name));
  return columns;
}

std::vector<double> row(const std::vector<const std::vector<double>*>& columns, std::size_t member) {
  std::vector<double> v;
  for (const auto* c : columns)
    v.push_back((*c)[member]);
  return v;
}

// The finished members of lever setting `s` of an ensemble file.
void read_members(Side& side, const ResultsReader& f, std::size_t s) {
  const EnsembleDesign d = read_design(f);
  if (s >= d.setting_labels.size())
    throw InputError(f.path() + ": lever setting " + std::to_string(s) + " does not exist (0 .. " +
                     std::to_string(d.setting_labels.size() - 1) + ")");
  side.label = d.setting_labels[s];
  const MetricsTable metrics = read_metrics(f);
  if (metrics.rows() != d.members())
    throw OutputError(f.path() + ": the metrics have " + std::to_string(metrics.rows()) +
                      " rows, the design " + std::to_string(d.members()) + " members");
  const auto columns = spec_columns(metrics);
  const std::int64_t replicates =
      1 + (d.member_replicate.empty()
               ? 0
               : *std::max_element(d.member_replicate.begin(), d.member_replicate.end()));
  for (std::size_t m = 0; m < d.members(); ++m) {
    if (d.member_setting[m] != static_cast<std::int64_t>(s) || d.member_status[m] != 1) continue;
    side.members.emplace_back(d.member_sample[m] * replicates + d.member_replicate[m], row(columns, m));
  }
  side.design = d.sample_values;
}

// `check`: read every variable first. The metrics are scalars; a file whose
// arrays are missing or damaged is refused all the same, naming the
// variable, not compared from what survives.
Side read_side(const std::string& path, std::optional<std::size_t> setting, bool check) {
  const ResultsReader f(path);
  if (check) check_results(f, ResultsCheck::readable);
  Side side;
  side.discount_rate = f.number_attribute("metrics_discount_rate");
  if (f.is_ensemble()) {
    read_members(side, f, setting.value_or(0));
    return side;
  }
  if (setting) throw InputError(path + ": a single-run file has no lever settings");
  side.label = std::filesystem::path(path).filename().string();
  side.members.emplace_back(0, row(spec_columns(read_metrics(f)), 0));
  return side;
}

// How the two sides relate: members pair when both sides drew the same
// samples (one file, or two files of the same design): then B - A is taken
// member by member.
struct Pairing {
  std::map<std::int64_t, const std::vector<double>*> a_by_key;
  std::size_t pairs = 0;
  bool paired = false;
  bool range = false; ///< more than one member on a side: quantiles, not one value
  /// Present values compare only at one discount rate (to rounding: "0.7 %"
  /// and 0.007 are the same rate).
  bool same_rate = false;
};

Pairing pair_sides(const Side& a, const Side& b) {
  Pairing p;
  for (const auto& [k, v] : a.members)
    p.a_by_key[k] = &v;
  const bool same_design = a.design == b.design && a.members.size() > 1;
  if (same_design)
    for (const auto& [k, v] : b.members)
      p.pairs += p.a_by_key.count(k);
  p.paired = same_design && p.pairs > 0;
  p.range = a.members.size() > 1 || b.members.size() > 1;
  p.same_rate =
      std::fabs(a.discount_rate - b.discount_rate) <= 1e-12 * std::max(1.0, std::fabs(a.discount_rate));
  return p;
}

std::string fmt(double v) {
  if (!std::isfinite(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fabs(v) >= 100 ? "%.0f" : "%.2f", v);
  return buf;
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

std::string json_triple(const std::array<double, 3>& q) {
  return "[" + json_number(q[0]) + ", " + json_number(q[1]) + ", " + json_number(q[2]) + "]";
}

// The comparison, built step by step as JSON (fields of one object) and as text.
struct Report {
  std::string json;
  std::ostringstream text;
};

// Step 1: the two sides and how their difference is taken.
void describe_sides(Report& r, const Side& a, const Side& b, const Pairing& p) {
  r.json = "{\"a\": " + json_string(a.label) + ", \"b\": " + json_string(b.label) +
           ", \"paired\": " + (p.paired ? "true" : "false");
  r.text << "A: " << a.label << " (" << a.members.size() << " member(s))\nB: " << b.label << " ("
         << b.members.size() << " member(s))\n"
         << (p.range ? "median [5 %, 95 %]; " : "")
         << (p.paired ? "B - A paired member by member (the same samples and agent draws: " +
                            std::to_string(p.pairs) + " pairs)\n"
             : p.range ? "B - A: difference of the medians (the members do not share samples)\n"
                       : "")
         << "\n";
  char head[160];
  std::snprintf(head, sizeof head, "%-32s %-13s %-28s %-28s %s\n", "metric", "units", "A", "B", "B - A");
  r.text << head;
}

// Step 2: metric j of each side and their difference.
void describe_metric(Report& r, const Side& a, const Side& b, const Pairing& p, std::size_t j) {
  const auto& spec = metric_specs()[j];
  std::vector<double> va, vb, diff;
  for (const auto& [k, v] : a.members)
    va.push_back(v[j]);
  for (const auto& [k, v] : b.members) {
    vb.push_back(v[j]);
    if (p.paired)
      if (const auto it = p.a_by_key.find(k); it != p.a_by_key.end()) diff.push_back(v[j] - (*it->second)[j]);
  }
  const auto qa = spread(va), qb = spread(vb);
  auto qd = p.paired ? spread(diff) : std::array<double, 3>{qb[0] - qa[0], std::nan(""), std::nan("")};
  if (!p.same_rate && spec.name.ends_with("_discounted")) qd.fill(std::nan(""));
  char line[256];
  std::snprintf(line, sizeof line, "%-32s %-13s %-28s %-28s %s\n", std::string(spec.name).c_str(),
                std::string(spec.units).c_str(), cell(qa, p.range).c_str(), cell(qb, p.range).c_str(),
                cell(qd, p.paired).c_str());
  r.text << line;
  r.json += std::string(j ? ", " : "") + json_string(std::string(spec.name)) +
            ": {\"a\": " + json_triple(qa) + ", \"b\": " + json_triple(qb) +
            ", \"b_minus_a\": " + json_triple(qd) + "}";
}

// Cost of abatement: B's extra system cost (capex and operating costs,
// carbon payments left out as transfers) per tonne of direct CO2 it avoids
// against A, USD/t CO2 (million USD per Mt). Per pair when paired, over
// the pairs that abate; otherwise from the medians. Levelized: the same
// with present values.
std::array<double, 3> abatement(const Side& a, const Side& b, const Pairing& p, const AbatementBasis& basis) {
  const std::size_t cost = basis.cost_index, emitted = basis.emitted_index;
  std::array<double, 3> q{std::nan(""), std::nan(""), std::nan("")};
  if (basis.present_value && !p.same_rate) return q;
  if (p.paired) {
    std::vector<double> ratio;
    for (const auto& [k, v] : b.members)
      if (const auto it = p.a_by_key.find(k); it != p.a_by_key.end()) {
        const auto& ref = *it->second;
        const double c = abatement_cost(v[cost], ref[cost], v[emitted], ref[emitted]);
        if (!std::isnan(c)) ratio.push_back(c);
      }
    return spread(ratio);
  }
  auto median = [](const Side& side, std::size_t j) {
    std::vector<double> v;
    for (const auto& [k, m] : side.members)
      v.push_back(m[j]);
    return spread(v)[0];
  };
  q[0] = abatement_cost(median(b, cost), median(a, cost), median(b, emitted), median(a, emitted));
  return q;
}

// Step 3: the costs of abatement of B against A, one per basis.
void describe_abatement(Report& r, const Side& a, const Side& b, const Pairing& p) {
  r.text << "\n";
  for (const auto& basis : abatement_bases()) {
    const auto q = abatement(a, b, p, basis);
    r.json += ", " + json_string(std::string(basis.name)) + ": " + json_triple(q);
    char text[160];
    if (!basis.present_value) {
      r.text << "cost of abatement, B against A: " << cell(q, p.paired) << " USD/t CO2 avoided"
             << (p.paired ? " (per pair that abates)" : "") << "\n";
    } else if (p.same_rate) {
      std::snprintf(text, sizeof text,
                    "levelized (present values at %.4g %% a year): ", 100.0 * b.discount_rate);
      r.text << text << cell(q, p.paired) << " USD/t CO2 avoided\n";
    } else {
      std::snprintf(text, sizeof text, "%.17g and %.17g", a.discount_rate, b.discount_rate);
      r.text << "levelized: none, the files discount at different rates (metrics_discount_rate " << text
             << "), so present values do not compare (nor do the *_discounted rows)\n";
    }
  }
  r.json +=
      ", \"discount_rate\": [" + json_number(a.discount_rate) + ", " + json_number(b.discount_rate) + "]";
}

} // namespace

void compare_files(std::ostream& os, const CompareOptions& o) {
  const Side a = read_side(o.a, o.setting_a, true);
  const Side b =
      read_side(o.b.empty() ? o.a : o.b, o.b.empty() ? std::optional(o.setting_b.value_or(1)) : o.setting_b,
                !o.b.empty() && o.b != o.a); // one file is checked once
  const Pairing p = pair_sides(a, b);
  Report r;
  describe_sides(r, a, b, p);
  r.json += ", \"metrics\": {";
  for (std::size_t j = 0; j < metric_specs().size(); ++j)
    describe_metric(r, a, b, p, j);
  r.json += "}";
  describe_abatement(r, a, b, p);
  os << (o.json ? r.json + "}\n" : r.text.str());
}

} // namespace steelpath::cli
