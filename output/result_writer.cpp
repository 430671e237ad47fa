#include "output/result_writer.hpp"

#include "model/errors.hpp"
#include "output/group_writer.hpp"
#include "output/hdf5.hpp"
#include "output/member_fields.hpp"
#include "output/partial_file.hpp"
#include "output/schema.hpp"
#include "steelpath/version.hpp"

#include <ctime>
#include <filesystem>
#include <map>
#include <unistd.h>

namespace steelpath {

namespace fs = std::filesystem;

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {
std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

} // namespace

void write_provenance(hid_t file, const Scenario& s, const Provenance& p) {
  h5::set_attribute(file, "title", "steelpath results: " + s.name);
  h5::set_attribute(file, "Conventions", std::string("CF-1.8"));
  h5::set_attribute(file, "schema_version", static_cast<std::int64_t>(schema::kSchemaVersion));
  h5::set_attribute(file, "steelpath_version", std::string(kVersion));
  h5::set_attribute(file, "git_commit", std::string(kGitCommit));
  h5::set_attribute(file, "scenario_name", s.name);
  h5::set_attribute(file, "scenario_file", p.scenario_path);
  h5::set_attribute(file, "scenario_yaml", p.scenario_text);
  h5::set_attribute(file, "scenario_sha256", p.scenario_sha256);
  h5::set_attribute(file, "scenario_source", p.scenario_source);
  h5::set_attribute(file, "scenario_files", p.scenario_files);
  h5::set_attribute(file, "overrides", p.overrides);
  h5::set_attribute(file, "fleet_file", p.fleet_path);
  h5::set_attribute(file, "fleet_sha256", p.fleet_sha256);
  h5::set_attribute(file, "fleet_source", p.fleet_source);
  h5::set_attribute(file, "seed", p.seed);
  h5::set_attribute(file, "host", host_name());
  // scenario_file and fleet_file are as given, relative to this folder.
  std::error_code ec;
  h5::set_attribute(file, "working_directory", fs::current_path(ec).string());
  // CF's `references`: the sources of the shipped technology and fleet data
  // (docs/data.md has the full citations and licences).
  h5::set_attribute(
      file, "references",
      std::string("Technology data: Mission Possible Partnership, Steel Sector Transition Strategy "
                  "Model (ST-STSM, 2022), technology business cases; emission factors: IPCC 2006 "
                  "Guidelines. Fleet data, when the fleet file is derived from it: Global Energy "
                  "Monitor, Global Iron and Steel Tracker (March 2025), CC BY 4.0; cross-check: "
                  "POSTED (Potsdam open-source techno-economic database). See docs/data.md."));
  // The present-value metrics' rate: with the arrays, enough to recompute them.
  h5::set_attribute(file, "metrics_discount_rate", s.metrics.discount_rate);
  h5::set_attribute(file, "command_line", p.command_line);
  h5::set_attribute(file, "started_utc", p.started_utc);
  h5::set_attribute(file, "finished_utc", p.finished_utc);
}

namespace {

template <class T, class F>
std::vector<T> column(const std::vector<Decision>& ds, F f) {
  std::vector<T> v;
  v.reserve(ds.size());
  for (const auto& d : ds)
    v.push_back(f(d));
  return v;
}

void write_contents(hid_t file, const Scenario& s, const MemberResult& r, const Provenance& p) {
  write_provenance(file, s, p);
  h5::set_attribute(file, "unit_years", static_cast<std::int64_t>(r.unit_years));

  GroupWriter root(file, "", schema::variables());
  write_coordinates(root, s);
  std::vector<std::vector<double>> scratch;
  const auto fields = member_fields(r, scratch);
  for (const auto& f : fields)
    root.doubles(f.name, f.values);
  // The same metrics as an ensemble member's, from the arrays just written.
  const auto metrics = compute_metrics(metric_inputs(metric_shape(s), fields));
  for (std::size_t i = 0; i < metrics.size(); ++i)
    root.doubles(metric_specs()[i].name, std::span<const double>(&metrics[i], 1));

  h5::Handle g = h5::create_group(file, "decisions");
  GroupWriter dec(g, "decisions", schema::variables(), &root);
  const auto& ds = r.decisions;
  std::vector<std::int32_t> index(ds.size());
  for (std::size_t i = 0; i < index.size(); ++i)
    index[i] = static_cast<std::int32_t>(i);
  auto tech = [&](int k) { return k < 0 ? std::string() : s.technologies[static_cast<std::size_t>(k)].id; };
  auto unit = [&](int i) {
    const auto u = static_cast<std::size_t>(i);
    return u < s.units.size() ? s.units[u].id : r.new_units.at(u - s.units.size());
  };
  static const char* reasons[] = {"campaign_end", "end_of_life", "stranded",
                                  "expansion",    "losses",      "replacement"};
  static const char* actions[] = {"reline", "switch", "close", "build", "defer"};
  dec.ints("decision", index);
  dec.ints("decision_year", column<std::int32_t>(ds, [](const Decision& d) { return d.year; }));
  dec.strings("unit_id", column<std::string>(ds, [&](const Decision& d) { return unit(d.unit); }));
  dec.strings("from_technology",
              column<std::string>(ds, [&](const Decision& d) { return tech(d.from_technology); }));
  dec.strings("to_technology",
              column<std::string>(ds, [&](const Decision& d) { return tech(d.to_technology); }));
  dec.strings("reason",
              column<std::string>(ds, [](const Decision& d) { return reasons[static_cast<int>(d.reason)]; }));
  dec.strings("action",
              column<std::string>(ds, [](const Decision& d) { return actions[static_cast<int>(d.action)]; }));
  dec.doubles("lcos_chosen", column<double>(ds, [](const Decision& d) { return d.lcos_chosen; }));
  dec.doubles("lcos_reline", column<double>(ds, [](const Decision& d) { return d.lcos_reline; }));
  dec.doubles("lcos_options", r.decision_lcos);
}

} // namespace

void write_file_atomically(const std::string& path, bool v110, const std::function<void(hid_t)>& fill) {
  PartialFile out(path, v110);
  try {
    fill(out.file());
  } catch (const OutputError& e) {
    throw OutputError(path + ": cannot write results: " + e.what());
  }
  out.commit();
}

void write_results(const std::string& path, const Scenario& scenario, const MemberResult& result,
                   const Provenance& provenance) {
  write_file_atomically(path, false, [&](hid_t file) { write_contents(file, scenario, result, provenance); });
}

} // namespace steelpath
