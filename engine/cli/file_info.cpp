#include "cli/file_info.hpp"

#include "model/errors.hpp"
#include "output/hdf5.hpp"
#include "output/member_metrics.hpp"
#include "output/schema.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <vector>

namespace steelpath::cli {

namespace {

std::string attr(hid_t f, const char* name) {
  if (H5Aexists(f, name) <= 0) return "";
  try {
    return h5::read_string_attribute(f, name);
  } catch (const OutputError&) { // a number
    h5::Handle a(h5::check(H5Aopen(f, name, H5P_DEFAULT), name), H5Aclose);
    double v = 0;
    h5::check(H5Aread(a, H5T_NATIVE_DOUBLE, &v), name);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
  }
}

bool has(hid_t loc, const char* name) {
  return H5Lexists(loc, name, H5P_DEFAULT) > 0;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

std::string json_number(double v) { // shortest text that reads back to the same double
  if (!std::isfinite(v)) return "null";
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc{} ? std::string(buf, end) : "null";
}

std::string fixed(double v, int digits = 1) {
  if (!std::isfinite(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// A JSON object written field by field, in order.
class Json {
public:
  void field(const std::string& key, const std::string& raw) { items_.emplace_back(key, raw); }
  void text(const std::string& key, const std::string& v) { field(key, json_string(v)); }
  void number(const std::string& key, double v) { field(key, json_number(v)); }
  [[nodiscard]] std::string str() const {
    std::string s = "{";
    for (std::size_t i = 0; i < items_.size(); ++i)
      s += (i ? ", " : "") + json_string(items_[i].first) + ": " + items_[i].second;
    return s + "}";
  }

private:
  std::vector<std::pair<std::string, std::string>> items_;
};

std::string json_list(const std::vector<std::string>& raw) {
  std::string s = "[";
  for (std::size_t i = 0; i < raw.size(); ++i)
    s += (i ? ", " : "") + raw[i];
  return s + "]";
}

} // namespace

h5::Handle open_results_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw OutputError(path + ": no such file");
  h5::Handle f = h5::open_file(path);
  if (H5Aexists(f, "schema_version") <= 0 || !has(f, "year"))
    throw OutputError(path +
                      ": not a steelpath results file (no schema_version attribute or year coordinate)");
  const std::string version = attr(f, "schema_version");
  if (version != std::to_string(schema::kSchemaVersion))
    throw OutputError(path + ": results schema " + version + ", but this steelpath reads schema " +
                      std::to_string(schema::kSchemaVersion) + " (docs/output.md); rerun the scenario with " +
                      "this version, or read the file with xarray or h5py");
  return f;
}

std::vector<double> single_run_metrics(hid_t f) {
  std::vector<double> out;
  for (const auto& m : metric_specs())
    out.push_back(h5::read_doubles(f, std::string(m.name)).at(0));
  return out;
}

void print_file_info(std::ostream& os, const std::string& path, bool json) {
  h5::Handle f = open_results_file(path);
  const bool ensemble = has(f, "member") && has(f, "statistics");
  const auto years = h5::read_doubles(f, "year");
  const auto regions = h5::read_strings(f, "region"), techs = h5::read_strings(f, "technology");
  const auto companies = h5::dataset_dims(f, "company").at(0);
  Json j;
  std::ostringstream t;
  j.text("file", path);
  j.text("kind", ensemble ? "ensemble" : "single run");
  for (const char* a :
       {"scenario_name", "scenario_file", "scenario_sha256", "steelpath_version", "git_commit",
        "schema_version", "seed", "started_utc", "finished_utc", "host", "command_line"})
    j.text(a, attr(f, a));
  j.number("first_year", years.empty() ? std::nan("") : years.front());
  j.number("last_year", years.empty() ? std::nan("") : years.back());
  j.number("regions", static_cast<double>(regions.size()));
  j.number("technologies", static_cast<double>(techs.size()));
  j.number("companies", static_cast<double>(companies));
  t << path << ": steelpath " << (ensemble ? "ensemble" : "single-run") << " results, schema "
    << attr(f, "schema_version") << ", written by steelpath " << attr(f, "steelpath_version") << " ("
    << attr(f, "git_commit") << ")\n"
    << "  scenario   " << attr(f, "scenario_name") << " (" << attr(f, "scenario_file") << "), sha256 "
    << attr(f, "scenario_sha256").substr(0, 16) << "..., seed " << attr(f, "seed") << "\n"
    << "  run        " << attr(f, "started_utc") << " .. " << attr(f, "finished_utc") << " on "
    << attr(f, "host") << "\n"
    << "  shape      " << (years.empty() ? 0 : static_cast<int>(years.front())) << "-"
    << (years.empty() ? 0 : static_cast<int>(years.back())) << ", " << regions.size() << " regions, "
    << techs.size() << " routes, " << companies << " companies\n";

  const auto& specs = metric_specs();
  const double rate = h5::read_double_attribute(f, "metrics_discount_rate");
  j.number("metrics_discount_rate", rate);
  if (!ensemble) {
    const auto m = single_run_metrics(f);
    Json mj;
    t << "  metrics    (present values at " << fixed(100.0 * rate, 2) << " % a year)\n";
    std::size_t width = 0;
    for (const auto& s : specs)
      width = std::max(width, s.name.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
      mj.number(std::string(specs[i].name), m[i]);
      t << "    " << specs[i].name << std::string(width + 1 - specs[i].name.size(), ' ')
        << fixed(m[i], specs[i].units == "year" ? 0 : 1) << " " << specs[i].units << "\n";
    }
    j.field("metrics", mj.str());
    os << (json ? j.str() + "\n" : t.str());
    return;
  }

  const auto labels = h5::read_strings(f, "lever_setting_label");
  const auto parameters = h5::read_strings(f, "parameter");
  const auto distributions = h5::read_strings(f, "parameter_distribution");
  const auto status = h5::read_doubles(f, "member_status");
  std::size_t done = 0, failed = 0;
  for (const double s : status)
    (s == 1 ? done : failed) += s == 1 || s == 2 ? 1 : 0;
  const auto fail_members = h5::read_doubles(f, "failure");
  const auto reasons = h5::read_strings(f, "failure_reason");
  for (const char* a :
       {"sampling", "samples", "replicates", "members", "run_wall_seconds", "run_members_per_second",
        "run_unit_years_per_second", "run_peak_rss_mib", "run_threads", "run_ranks"})
    j.text(a, attr(f, a));
  j.number("members_done", static_cast<double>(done));
  j.number("members_failed", static_cast<double>(failed));
  t << "  design     " << status.size() << " members = " << labels.size() << " lever setting(s) x "
    << attr(f, "samples") << " sample(s) (" << attr(f, "sampling") << ") x " << attr(f, "replicates")
    << " replicate(s)\n"
    << "  members    " << done << " done, " << failed << " failed\n";
  std::vector<std::string> failures;
  for (std::size_t i = 0; i < fail_members.size() && i < reasons.size(); ++i) {
    Json fj;
    fj.number("member", fail_members[i]);
    fj.text("reason", reasons[i]);
    failures.push_back(fj.str());
    if (i < 5) t << "    member " << static_cast<long>(fail_members[i]) << ": " << reasons[i] << "\n";
  }
  if (fail_members.size() > 5) t << "    ... " << fail_members.size() - 5 << " more (failure_reason)\n";
  j.field("failures", json_list(failures));
  std::vector<std::string> params;
  if (!parameters.empty()) t << "  uncertain  ";
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    Json pj;
    pj.text("path", parameters[i]);
    pj.text("distribution", i < distributions.size() ? distributions[i] : "");
    params.push_back(pj.str());
    t << (i ? ", " : "") << parameters[i] << " (" << (i < distributions.size() ? distributions[i] : "")
      << ")";
  }
  if (!parameters.empty()) t << "\n";
  j.field("parameters", json_list(params));
  auto attr_number = [&](const char* a) { // NaN where a run left it out
    return H5Aexists(f, a) > 0 ? h5::read_double_attribute(f, a) : std::nan("");
  };
  t << "  run        " << fixed(attr_number("run_members_per_second"), 0) << " members/s, "
    << attr(f, "run_threads") << " thread(s) x " << attr(f, "run_ranks") << " rank(s), peak "
    << fixed(attr_number("run_peak_rss_mib"), 1) << " MiB\n";
  const std::string reference =
      H5Aexists(f, "reference_lever_setting_label") > 0 ? attr(f, "reference_lever_setting_label") : "";
  j.text("reference_lever_setting_label", reference);

  h5::Handle g(h5::check(H5Gopen2(f, "statistics", H5P_DEFAULT), "open statistics"), H5Gclose);
  const auto q = h5::read_doubles(g, "quantile");
  const auto mq = h5::read_doubles(g, "metric_quantiles"); // [setting][metric][quantile]
  const auto mnames = h5::read_strings(g, "metric");
  const auto sdone = h5::read_doubles(g, "members_done");
  const auto mcount = h5::read_doubles(g, "metric_count"); // [setting][metric]
  const auto pooled = h5::read_doubles(g, "abatement_cost_pooled");
  const auto pooled_levelized = h5::read_doubles(g, "abatement_cost_levelized_pooled");
  const auto nz_share = h5::read_doubles(g, "near_zero_share"); // [setting][year]
  const std::size_t Q = q.size(), M = mnames.size();
  std::vector<std::string> settings;
  t << "  per lever setting: median [5 %, 95 %] over finished members\n"
    << "    cumulative CO2, Mt | near zero by " << (years.empty() ? 0 : static_cast<int>(years.back()))
    << " | average steel price, USD/t | abatement cost, USD/t CO2: pooled (levelized); pairs | setting\n";
  auto find_metric = [&](const std::string& name) {
    for (std::size_t i = 0; i < M; ++i)
      if (mnames[i] == name) return i;
    return M;
  };
  for (std::size_t s = 0; s < labels.size(); ++s) {
    Json sj;
    sj.text("label", labels[s]);
    sj.number("members_done", s < sdone.size() ? sdone[s] : std::nan(""));
    sj.number("abatement_cost_pooled", pooled[s]);
    sj.number("abatement_cost_levelized_pooled", pooled_levelized[s]);
    Json mj;
    for (std::size_t i = 0; i < M; ++i) {
      std::vector<std::string> qs;
      for (std::size_t k = 0; k < Q; ++k)
        qs.push_back(json_number(mq[(s * M + i) * Q + k]));
      mj.field(mnames[i], json_list(qs));
    }
    sj.field("metric_quantiles", mj.str());
    Json cj;
    for (std::size_t i = 0; i < M; ++i)
      cj.number(mnames[i], mcount[s * M + i]);
    sj.field("metric_count", cj.str());
    settings.push_back(sj.str());
    auto cell = [&](const std::string& name, int digits) {
      const std::size_t i = find_metric(name);
      if (i == M || Q < 5) return std::string("-");
      const double* v = &mq[(s * M + i) * Q];
      return fixed(v[2], digits) + " [" + fixed(v[0], digits) + ", " + fixed(v[4], digits) + "]";
    };
    // The cost is defined only for members that abate: say how many do.
    auto abatement = [&](std::size_t) {
      const std::size_t i = find_metric("abatement_cost");
      if (i == M) return std::string("-");
      return fixed(pooled[s], 0) + " (levelized " + fixed(pooled_levelized[s], 0) + "); pairs " +
             cell("abatement_cost", 0) + " (" + fixed(mcount[s * M + i], 0) + " of " +
             fixed(s < sdone.size() ? sdone[s] : std::nan(""), 0) + ")";
    };
    if (s < 40)
      t << "    " << cell("cumulative_emissions", 0) << " | "
        << fixed(years.empty() ? std::nan("") : 100.0 * nz_share[(s + 1) * years.size() - 1], 0) << " % | "
        << cell("average_steel_price", 0) << " | " << (labels[s] == reference ? "reference" : abatement(s))
        << " | " << labels[s] << "\n";
  }
  t << "  abatement cost: extra system cost (capex + operating, undiscounted) per t of direct CO2 avoided "
       "against the reference setting's member with the same sample and replicate; pooled: summed cost over "
       "summed tonnes; levelized: the same with costs and tonnes discounted at "
    << fixed(100.0 * rate, 2)
    << " % a year (metrics_discount_rate); pairs: over the members that abate. Reference: " << reference
    << "\n";
  if (labels.size() > 40) t << "    ... " << labels.size() - 40 << " more settings (--json lists all)\n";
  std::vector<std::string> qraw;
  for (const double v : q)
    qraw.push_back(json_number(v));
  j.field("quantiles", json_list(qraw));
  j.field("lever_settings", json_list(settings));
  os << (json ? j.str() + "\n" : t.str());
}

} // namespace steelpath::cli
