#include "cli/file_info.hpp"

#include "cli/json_text.hpp"
#include "model/errors.hpp"
#include "output/member_metrics.hpp"
#include "output/results_check.hpp"
#include "output/results_reader.hpp"
#include "output/results_tables.hpp"

#include <cmath>
#include <sstream>
#include <vector>

namespace steelpath::cli {

namespace {

// The summary, built step by step as JSON and as text; print_file_info
// prints one of the two.
struct Report {
  Json json;
  std::ostringstream text;
};

// A root attribute as text ("" where the file has none).
std::string attr(const ResultsReader& f, const char* name) {
  return f.has_attribute(name) ? f.attribute(name) : "";
}

// A numeric root attribute (NaN where a run left it out).
double attr_number(const ResultsReader& f, const char* name) {
  return f.has_attribute(name) ? f.number_attribute(name) : std::nan("");
}

// The statistics group of an ensemble file, as info uses it; every array
// checked against the number of settings, so a damaged file cannot be read
// past its end.
struct Statistics {
  std::vector<double> quantiles;        ///< [quantile] probability levels
  std::vector<std::string> metrics;     ///< [metric] names
  std::vector<double> metric_quantiles; ///< [setting][metric][quantile], the metric's units
  std::vector<double> members_done;     ///< [setting]
  std::vector<double> metric_count;     ///< [setting][metric]
  std::vector<double> pooled;           ///< [setting] abatement_cost_pooled, USD/t CO2
  std::vector<double> pooled_levelized; ///< [setting] abatement_cost_levelized_pooled, USD/t CO2
  std::vector<double> near_zero_share;  ///< [setting][year] share of finished members, 1
  /// The index of metric `name` (metrics.size() if none).
  [[nodiscard]] std::size_t metric(const std::string& name) const {
    for (std::size_t i = 0; i < metrics.size(); ++i)
      if (metrics[i] == name) return i;
    return metrics.size();
  }
};

Statistics read_statistics(const ResultsReader& f, std::size_t settings, std::size_t years) {
  Statistics st;
  st.quantiles = f.doubles("statistics/quantile").values;
  st.metrics = f.strings("statistics/metric").values;
  const std::size_t Q = st.quantiles.size(), M = st.metrics.size();
  auto read = [&](const char* name, std::size_t per_setting) {
    auto v = f.doubles(std::string("statistics/") + name).values;
    if (v.size() != settings * per_setting)
      throw OutputError(f.path() + ": statistics/" + name + " has " + std::to_string(v.size()) +
                        " values, not " + std::to_string(settings * per_setting));
    return v;
  };
  st.metric_quantiles = read("metric_quantiles", M * Q);
  st.members_done = read("members_done", 1);
  st.metric_count = read("metric_count", M);
  st.pooled = read("abatement_cost_pooled", 1);
  st.pooled_levelized = read("abatement_cost_levelized_pooled", 1);
  st.near_zero_share = read("near_zero_share", years);
  return st;
}

// Step 1: what the file is, who wrote it, from which scenario, and its shape.
void describe_provenance(Report& r, const ResultsReader& f, const ResultsCoordinates& c) {
  const bool ensemble = f.is_ensemble();
  const auto& years = c.years;
  r.json.text("file", f.path());
  r.json.text("kind", ensemble ? "ensemble" : "single run");
  for (const char* a :
       {"scenario_name", "scenario_file", "scenario_sha256", "steelpath_version", "git_commit",
        "schema_version", "seed", "started_utc", "finished_utc", "host", "command_line"})
    r.json.text(a, attr(f, a));
  r.json.number("first_year", years.empty() ? std::nan("") : static_cast<double>(years.front()));
  r.json.number("last_year", years.empty() ? std::nan("") : static_cast<double>(years.back()));
  r.json.number("regions", static_cast<double>(c.regions.size()));
  r.json.number("technologies", static_cast<double>(c.technologies.size()));
  r.json.number("companies", static_cast<double>(c.companies.size()));
  r.text << f.path() << ": steelpath " << (ensemble ? "ensemble" : "single-run") << " results, schema "
         << attr(f, "schema_version") << ", written by steelpath " << attr(f, "steelpath_version") << " ("
         << attr(f, "git_commit") << ")\n"
         << "  scenario   " << attr(f, "scenario_name") << " (" << attr(f, "scenario_file") << "), sha256 "
         << attr(f, "scenario_sha256").substr(0, 16) << "..., seed " << attr(f, "seed") << "\n"
         << "  run        " << attr(f, "started_utc") << " .. " << attr(f, "finished_utc") << " on "
         << attr(f, "host") << "\n"
         << "  shape      " << (years.empty() ? 0 : years.front()) << "-"
         << (years.empty() ? 0 : years.back()) << ", " << c.regions.size() << " regions, "
         << c.technologies.size() << " routes, " << c.companies.size() << " companies\n";
}

// A single run: its metrics, in metric_specs() order.
void describe_metrics(Report& r, const MetricsTable& metrics, double rate) {
  const auto& specs = metric_specs();
  Json mj;
  r.text << "  metrics    (present values at " << fixed(100.0 * rate, 2) << " % a year)\n";
  std::size_t width = 0;
  for (const auto& s : specs)
    width = std::max(width, s.name.size());
  for (const auto& s : specs) {
    const double v = metrics.at(0, s.name);
    mj.number(std::string(s.name), v);
    r.text << "    " << s.name << std::string(width + 1 - s.name.size(), ' ')
           << fixed(v, s.units == "year" ? 0 : 1) << " " << s.units << "\n";
  }
  r.json.field("metrics", mj.str());
}

// An ensemble: the design's size and how many members finished.
void describe_design(Report& r, const ResultsReader& f, const EnsembleDesign& d) {
  for (const char* a :
       {"sampling", "samples", "replicates", "members", "run_wall_seconds", "run_members_per_second",
        "run_unit_years_per_second", "run_peak_rss_mib", "run_threads", "run_ranks"})
    r.json.text(a, attr(f, a));
  r.json.number("members_done", static_cast<double>(d.members_done()));
  r.json.number("members_failed", static_cast<double>(d.members_failed()));
  r.text << "  design     " << d.members() << " members = " << d.setting_labels.size()
         << " lever setting(s) x " << attr(f, "samples") << " sample(s) (" << attr(f, "sampling") << ") x "
         << attr(f, "replicates") << " replicate(s)\n"
         << "  members    " << d.members_done() << " done, " << d.members_failed() << " failed\n";
}

// The failed members and why (all in JSON, the first five in text).
void describe_failures(Report& r, const EnsembleDesign& d) {
  const auto& members = d.failed_members;
  std::vector<std::string> failures;
  for (std::size_t i = 0; i < members.size() && i < d.failure_reasons.size(); ++i) {
    Json fj;
    fj.number("member", static_cast<double>(members[i]));
    fj.text("reason", d.failure_reasons[i]);
    failures.push_back(fj.str());
    if (i < 5) r.text << "    member " << members[i] << ": " << d.failure_reasons[i] << "\n";
  }
  if (members.size() > 5) r.text << "    ... " << members.size() - 5 << " more (failure_reason)\n";
  r.json.field("failures", json_list(failures));
}

// The uncertain parameters and their distributions.
void describe_parameters(Report& r, const EnsembleDesign& d) {
  std::vector<std::string> params;
  if (!d.parameters.empty()) r.text << "  uncertain  ";
  for (std::size_t i = 0; i < d.parameters.size(); ++i) {
    const std::string distribution = i < d.distributions.size() ? d.distributions[i] : "";
    Json pj;
    pj.text("path", d.parameters[i]);
    pj.text("distribution", distribution);
    params.push_back(pj.str());
    r.text << (i ? ", " : "") << d.parameters[i] << " (" << distribution << ")";
  }
  if (!d.parameters.empty()) r.text << "\n";
  r.json.field("parameters", json_list(params));
}

// How the run that wrote the file went.
void describe_run(Report& r, const ResultsReader& f) {
  r.text << "  run        " << fixed(attr_number(f, "run_members_per_second"), 0) << " members/s, "
         << attr(f, "run_threads") << " thread(s) x " << attr(f, "run_ranks") << " rank(s), peak "
         << fixed(attr_number(f, "run_peak_rss_mib"), 1) << " MiB\n";
  r.json.text("reference_lever_setting_label", attr(f, "reference_lever_setting_label"));
}

// One lever setting's statistics as a JSON object.
std::string setting_json(const Statistics& st, const std::string& label, std::size_t s) {
  const std::size_t Q = st.quantiles.size(), M = st.metrics.size();
  Json sj;
  sj.text("label", label);
  sj.number("members_done", st.members_done[s]);
  sj.number("abatement_cost_pooled", st.pooled[s]);
  sj.number("abatement_cost_levelized_pooled", st.pooled_levelized[s]);
  Json mj, cj;
  for (std::size_t i = 0; i < M; ++i) {
    std::vector<std::string> qs;
    for (std::size_t k = 0; k < Q; ++k)
      qs.push_back(json_number(st.metric_quantiles[(s * M + i) * Q + k]));
    mj.field(st.metrics[i], json_list(qs));
    cj.number(st.metrics[i], st.metric_count[s * M + i]);
  }
  sj.field("metric_quantiles", mj.str());
  sj.field("metric_count", cj.str());
  return sj.str();
}

// One lever setting's row of the text table.
std::string setting_row(const Statistics& st, const std::string& label, const std::string& reference,
                        std::size_t s, std::size_t years) {
  const std::size_t Q = st.quantiles.size(), M = st.metrics.size();
  auto cell = [&](const std::string& name, int digits) {
    const std::size_t i = st.metric(name);
    if (i == M || Q < 5) return std::string("-");
    const double* v = &st.metric_quantiles[(s * M + i) * Q];
    return fixed(v[2], digits) + " [" + fixed(v[0], digits) + ", " + fixed(v[4], digits) + "]";
  };
  // The cost is defined only for members that abate: say how many do.
  auto abatement = [&] {
    const std::size_t i = st.metric("abatement_cost");
    if (i == M) return std::string("-");
    return fixed(st.pooled[s], 0) + " (levelized " + fixed(st.pooled_levelized[s], 0) + "); pairs " +
           cell("abatement_cost", 0) + " (" + fixed(st.metric_count[s * M + i], 0) + " of " +
           fixed(st.members_done[s], 0) + ")";
  };
  const double near_zero = years == 0 ? std::nan("") : 100.0 * st.near_zero_share[(s + 1) * years - 1];
  return "    " + cell("cumulative_emissions", 0) + " | " + fixed(near_zero, 0) + " % | " +
         cell("average_steel_price", 0) + " | " + (label == reference ? "reference" : abatement()) + " | " +
         label + "\n";
}

// The main metrics of every lever setting (the first 40 in text), and what
// the abatement cost means.
void describe_settings(Report& r, const ResultsReader& f, const EnsembleDesign& d,
                       const ResultsCoordinates& c, double rate) {
  const auto& labels = d.setting_labels;
  const auto& years = c.years;
  const Statistics st = read_statistics(f, labels.size(), years.size());
  const std::string reference = attr(f, "reference_lever_setting_label");
  r.text
      << "  per lever setting: median [5 %, 95 %] over finished members\n"
      << "    cumulative CO2, Mt | near zero by " << (years.empty() ? 0 : years.back())
      << " | average steel price, USD/t | abatement cost, USD/t CO2: pooled (levelized); pairs | setting\n";
  std::vector<std::string> settings;
  for (std::size_t s = 0; s < labels.size(); ++s) {
    settings.push_back(setting_json(st, labels[s], s));
    if (s < 40) r.text << setting_row(st, labels[s], reference, s, years.size());
  }
  r.text
      << "  abatement cost: extra system cost (capex + operating, undiscounted) per t of direct CO2 avoided "
         "against the reference setting's member with the same sample and replicate; pooled: summed cost "
         "over summed tonnes; levelized: the same with costs and tonnes discounted at "
      << fixed(100.0 * rate, 2)
      << " % a year (metrics_discount_rate); pairs: over the members that abate. Reference: " << reference
      << "\n";
  if (labels.size() > 40) r.text << "    ... " << labels.size() - 40 << " more settings (--json lists all)\n";
  std::vector<std::string> qraw;
  for (const double v : st.quantiles)
    qraw.push_back(json_number(v));
  r.json.field("quantiles", json_list(qraw));
  r.json.field("lever_settings", json_list(settings));
}

} // namespace

void print_file_info(std::ostream& os, const std::string& path, bool json) {
  const ResultsReader file(path);
  check_results(file, ResultsCheck::present); // a missing variable named with the file, before any is read
  const ResultsCoordinates coordinates = read_coordinates(file);
  Report r;
  describe_provenance(r, file, coordinates);
  const double rate = file.number_attribute("metrics_discount_rate");
  r.json.number("metrics_discount_rate", rate);
  if (!file.is_ensemble()) {
    describe_metrics(r, read_metrics(file), rate);
  } else {
    const EnsembleDesign design = read_design(file);
    describe_design(r, file, design);
    describe_failures(r, design);
    describe_parameters(r, design);
    describe_run(r, file);
    describe_settings(r, file, design, coordinates, rate);
  }
  os << (json ? r.json.str() + "\n" : r.text.str());
}

} // namespace steelpath::cli
