// The results reader on files written by the program: a single run written
// in-process from a simulated member, and an ensemble run in-process; the
// numbers read are the simulated ones, bit for bit. Missing variables,
// foreign, truncated, corrupt and other-schema files are OutputErrors that
// name the file and the variable.
#include "output/results_reader.hpp"
#include "output/results_tables.hpp"

#include "ensemble/design.hpp"
#include "ensemble/ensemble_runner.hpp"
#include "ensemble/member_task.hpp"
#include "input/member_scenario.hpp"
#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/result_writer.hpp"
#include "sim/member_simulation.hpp"

#include "../support/mini_scenario.hpp"
#include "../support/temp_dir.hpp"
#include "../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

using namespace steelpath;
using Catch::Contains;
using Strings = std::vector<std::string>;

namespace {

// The tiny scenario (tests/support) at a carbon price of 80 USD/t CO2,
// simulated and written as a single-run file.
struct SingleRun {
  test::TempDir dir;
  std::string path = (dir.path() / "tiny.h5").string();
  Scenario scenario = test::tiny_scenario();
  MemberResult result;
  SingleRun() {
    scenario.policy.carbon_price = YearSeries::constant(scenario.horizon, 80.0);
    result = simulate(scenario);
    Provenance p;
    p.scenario_path = "tiny.yaml";
    p.scenario_text = "name: tiny\n";
    write_results(path, scenario, result, p);
  }
};

std::string read_bytes(const std::string& path) {
  std::string bytes(std::filesystem::file_size(path), '\0');
  std::ifstream(path, std::ios::binary).read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

// Direct CO2 of each year, all regions and routes (the file's `emissions`), Mt CO2.
std::vector<double> yearly_emissions(const MemberResult& r) {
  std::vector<double> out;
  for (std::size_t y = 0; y < r.horizon.size(); ++y)
    out.push_back(r.total_emissions(y));
  return out;
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// Opens `path` and reads every variable and table.
void read_everything(const std::string& path) {
  const ResultsReader r(path);
  (void)read_coordinates(r);
  (void)read_metrics(r);
  for (const auto& group : {std::string(), std::string("decisions")})
    for (const auto& v : r.variables(group)) {
      const std::string name = group.empty() ? v : group + "/" + v;
      try {
        (void)r.doubles(name);
      } catch (const OutputError&) {
        (void)r.strings(name);
      }
    }
}

} // namespace

TEST_CASE("a single-run file reads back the simulated member bit for bit", "[output][reader]") {
  const SingleRun run;
  const ResultsReader r(run.path);
  CHECK_FALSE(r.is_ensemble());
  CHECK(r.path() == run.path);

  const ResultsCoordinates c = read_coordinates(r);
  CHECK(c.years == std::vector<std::int64_t>{2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034});
  CHECK(c.technologies == Strings{"bf", "h2"});
  CHECK(c.regions == Strings{"r"});
  CHECK(c.companies == Strings{"c"});
  CHECK(c.contracts.empty());

  const auto production = r.doubles("production");
  CHECK(production.dims == Strings{"year", "region", "technology"});
  CHECK(production.shape == std::vector<std::size_t>{10, 1, 2});
  CHECK(production.values == run.result.production); // exactly: the stored doubles
  const auto emissions = r.doubles("emissions");
  CHECK(emissions.dims == Strings{"year"});
  CHECK(emissions.values == yearly_emissions(run.result));
  CHECK(r.doubles("emissions_direct").values == run.result.emissions); // [year][region][technology]
  CHECK(emissions.values[0] == Approx(8.0)); // 4 Mt of blast-furnace steel x 2 t CO2/t
  CHECK(r.doubles("company_production").dims == Strings{"year", "company"});
  CHECK(r.ints("year").dims == Strings{"year"}); // a coordinate is its own dimension
  CHECK(r.strings("technology_name").values == Strings{"Blast furnace", "Hydrogen DRI"});
  CHECK(r.strings("technology_name").dims == Strings{"technology"});
  CHECK(r.strings("decisions/to_technology").values == Strings{"h2", "h2"});
  CHECK(r.dimensions("decisions/lcos_options") == Strings{"decision", "technology"});
  CHECK(r.shape("decisions/lcos_options") == std::vector<std::size_t>{2, 2});
  const auto peak = r.doubles("peak_emissions"); // a metric: a scalar
  CHECK(peak.dims.empty());
  CHECK(peak.shape.empty());
  CHECK(peak.values.size() == 1);

  const auto root = r.variables();
  REQUIRE_FALSE(root.empty());
  CHECK(root.front() == "year"); // in the order written
  CHECK(std::find(root.begin(), root.end(), "production") != root.end());
  CHECK(std::find(root.begin(), root.end(), "decisions") == root.end()); // a group, not a variable
  CHECK(r.variables("decisions").front() == "decision");
  CHECK(r.has("decisions/action"));
  CHECK_FALSE(r.has("statistics/metric"));

  CHECK(r.attribute("schema_version") == std::to_string(schema::kSchemaVersion));
  CHECK(r.attribute("scenario_yaml") == "name: tiny\n");
  CHECK(r.attribute("scenario_file") == "tiny.yaml");
  CHECK(r.number_attribute("metrics_discount_rate") == run.scenario.metrics.discount_rate);
  CHECK(r.attribute("units", "production") == "Mt");
  CHECK(r.attribute("steelpath_role", "peak_emissions") == "metric");
  CHECK_FALSE(r.has_attribute("steelpath_role", "production"));
  CHECK_FALSE(r.has_attribute("members"));
}

TEST_CASE("a single run's metrics table is its metric scalars, one row", "[output][reader]") {
  const SingleRun run;
  const MetricsTable t = read_metrics(ResultsReader(run.path));
  REQUIRE(t.names().size() == metric_specs().size());
  for (std::size_t j = 0; j < t.names().size(); ++j) {
    CHECK(t.names()[j] == metric_specs()[j].name);
    CHECK(t.units()[j] == metric_specs()[j].units);
  }
  CHECK(t.rows() == 1);
  const auto e = yearly_emissions(run.result);
  CHECK(t.at(0, "cumulative_emissions") == Approx(std::accumulate(e.begin(), e.end(), 0.0)).epsilon(1e-14));
  CHECK(t.at(0, "peak_emissions") == *std::max_element(e.begin(), e.end()));
  CHECK(t.at(0, "peak_year") == 2025.0); // 8 Mt in 2025, before u1 switches to hydrogen
  CHECK(t.column("peak_year") == std::vector<double>{2025.0});
  CHECK_THROWS_WITH(t.column("no_such_metric"), Contains(run.path) && Contains("no metric no_such_metric"));
}

TEST_CASE("a missing or mistyped variable or attribute names the file and the variable", "[output][reader]") {
  const SingleRun run;
  const ResultsReader r(run.path);
  const auto& p = run.path;
  CHECK_THROWS_WITH(r.doubles("no_such"), Contains(p) && Contains("no variable no_such"));
  CHECK_THROWS_WITH(r.strings("statistics/metric"), Contains(p) && Contains("no variable statistics/metric"));
  CHECK_THROWS_WITH(r.dimensions("decisions"), Contains("no variable decisions")); // a group
  CHECK_THROWS_WITH(r.ints("production"), Contains(p) && Contains("production is not integer"));
  CHECK_THROWS_WITH(r.strings("production"), Contains(p) && Contains("production is not text"));
  CHECK_THROWS_WITH(r.doubles("region"), Contains(p) && Contains("region is not numeric"));
  CHECK_THROWS_WITH(r.member_doubles("production", 0), Contains("production has no member dimension"));
  CHECK_THROWS_WITH(r.number_attribute("nope"), Contains(p) && Contains("no attribute nope"));
  CHECK_THROWS_WITH(r.attribute("units", "no_such"), Contains(p) && Contains("no variable or group no_such"));
  CHECK_THROWS_WITH(r.number_attribute("scenario_yaml"), Contains("scenario_yaml is not a number"));
  CHECK_THROWS_WITH(read_design(r), Contains(p) && Contains("a single-run file has no ensemble design"));
  CHECK_THROWS_AS(r.variables("production"), OutputError); // a variable, not a group
}

TEST_CASE("missing, foreign, other-schema, truncated and corrupt files are refused", "[output][reader]") {
  const SingleRun run;
  const auto& dir = run.dir;
  const std::string missing = (dir.path() / "missing.h5").string();
  CHECK_THROWS_WITH(ResultsReader(missing), Contains(missing) && Contains("no such file"));
  const std::string text = dir.write("text.h5", "name: demo\n").string();
  CHECK_THROWS_WITH(ResultsReader(text), Contains(text) && Contains("cannot open as an HDF5 file"));
  const std::string foreign = (dir.path() / "foreign.h5").string();
  {
    h5::Handle f = h5::create_file(foreign);
    h5::set_attribute(f, "title", std::string("someone else's file"));
  }
  CHECK_THROWS_WITH(ResultsReader(foreign), Contains(foreign) && Contains("not a steelpath results file"));
  // Another schema version: named, with the file.
  const std::string old = (dir.path() / "old.h5").string();
  std::filesystem::copy_file(run.path, old);
  {
    h5::Handle f(H5Fopen(old.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose);
    REQUIRE(H5Adelete(f, "schema_version") >= 0);
    h5::set_attribute(f, "schema_version", std::int64_t{3});
  }
  CHECK_THROWS_WITH(ResultsReader(old),
                    Contains(old + ": results schema 3, but this steelpath reads schema"));

  // Cut short anywhere: refused (HDF5 checks the file's end when it opens it).
  const std::string bytes = read_bytes(run.path);
  const std::string damaged = (dir.path() / "damaged.h5").string();
  for (const std::size_t keep : {bytes.size() / 4, bytes.size() / 2, bytes.size() - 100}) {
    write_bytes(damaged, bytes.substr(0, keep));
    INFO("truncated to " << keep << " of " << bytes.size() << " bytes");
    CHECK_THROWS_AS(read_everything(damaged), OutputError);
  }
  // The superblock overwritten: not HDF5 any more.
  std::string copy = bytes;
  std::fill(copy.begin(), copy.begin() + 64, '\xff');
  write_bytes(damaged, copy);
  CHECK_THROWS_WITH(ResultsReader(damaged), Contains(damaged) && Contains("cannot open as an HDF5 file"));
}

// A variable-length string's stored length is what HDF5 allocates (and
// clears) before it looks the string up: a damaged length once made `info`
// ask for 2.7 GB from a 114 KB file (found by tests/fuzz/fuzz_results.cpp).
// A length beyond the file's size is refused before HDF5 reads it.
TEST_CASE("a text variable whose stored string length is damaged is refused before it is read",
          "[output][reader]") {
  const SingleRun run;
  haddr_t offset = HADDR_UNDEF;
  {
    h5::Handle f = h5::open_file(run.path);
    h5::Handle ds(H5Dopen2(f, "technology", H5P_DEFAULT), H5Dclose);
    CHECK(h5::vlen_strings_fit(ds));
    offset = H5Dget_offset(ds); // contiguous: global heap IDs, each starting with the length
  }
  REQUIRE(offset != HADDR_UNDEF);
  std::string bytes = read_bytes(run.path);
  // The second technology's length, 4 bytes little-endian: 4 GiB - 16, then one byte more than the file.
  for (const std::uint64_t length : {std::uint64_t{0xFFFFFFF0}, std::uint64_t{bytes.size() + 1}}) {
    for (std::size_t b = 0; b < 4; ++b)
      bytes[offset + 16 + b] = static_cast<char>((length >> (8 * b)) & 0xFF);
    const std::string damaged = (run.dir.path() / "damaged.h5").string();
    write_bytes(damaged, bytes);
    INFO("stored length " << length);
    {
      h5::Handle f = h5::open_file(damaged);
      h5::Handle ds(H5Dopen2(f, "technology", H5P_DEFAULT), H5Dclose);
      CHECK_FALSE(h5::vlen_strings_fit(ds));
      CHECK_THROWS_WITH(h5::read_strings(f, "technology"), Contains("longer than the file"));
    }
    const ResultsReader r(damaged);
    CHECK_THROWS_WITH(r.strings("technology"),
                      Contains(damaged) && Contains("cannot read variable technology"));
    CHECK_THROWS_AS(read_coordinates(r), OutputError);
  }
}

namespace {

// Two carbon prices crossed with a sampled utilisation that the format
// bounds at 1: the members whose sample is above 1 fail.
const char* kEnsemble = "extends: base.yaml\n"
                        "levers: {policies.carbon_price.2030: [20, 100]}\n"
                        "uncertainties:\n"
                        "  market.max_utilisation: {distribution: uniform, low: 0.8, high: 1.2}\n"
                        "ensemble: {samples: 6}\n";

} // namespace

TEST_CASE("an ensemble file: design, failures, member slices and the metrics table", "[output][reader]") {
  test::TempDir dir;
  dir.write("fleet.csv", test::kMiniFleet);
  dir.write("base.yaml", test::join_lines(test::mini_lines()));
  const input::LoadedScenario loaded = input::load_scenario(dir.write("s.yaml", kEnsemble));
  ensemble::EnsembleOptions options;
  options.output = (dir.path() / "ensemble.h5").string();
  options.threads = 1;
  options.quiet = true;
  REQUIRE(ensemble::run_ensemble(loaded, options, Provenance{}) == 0);

  const ResultsReader r(options.output);
  CHECK(r.is_ensemble());
  const EnsembleDesign d = read_design(r);
  CHECK(d.setting_labels == Strings{"policies.carbon_price.2030=20", "policies.carbon_price.2030=100"});
  CHECK(d.levers == Strings{"policies.carbon_price.2030"});
  CHECK(d.lever_values == Strings{"20", "100"});
  CHECK(d.parameters == Strings{"market.max_utilisation"});
  CHECK(d.distributions == Strings{"uniform"});
  CHECK(d.samples == 6);
  REQUIRE(d.members() == 12); // 2 settings x 6 samples x 1 replicate
  for (std::size_t m = 0; m < d.members(); ++m) {
    INFO("member " << m);
    CHECK(d.member_setting[m] == static_cast<std::int64_t>(m / 6));
    CHECK(d.member_sample[m] == static_cast<std::int64_t>(m % 6));
    CHECK(d.member_replicate[m] == 0);
    const bool above = d.sample_values[m % 6] > 1.0; // one parameter: [sample][0]
    CHECK(d.member_status[m] == (above ? schema::kMemberFailed : schema::kMemberDone));
  }
  REQUIRE(d.members_done() > 0);
  REQUIRE(d.members_failed() > 0);
  CHECK(d.members_done() + d.members_failed() == 12);
  REQUIRE(d.failed_members.size() == d.members_failed());
  for (std::size_t i = 0; i < d.failed_members.size(); ++i) {
    CHECK(d.member_status[static_cast<std::size_t>(d.failed_members[i])] == schema::kMemberFailed);
    CHECK_THAT(d.failure_reasons[i], Contains("market.max_utilisation"));
  }

  // The first finished member of the second setting, slice by slice, is the
  // member the ensemble simulated.
  std::size_t m = 6;
  while (d.member_status[m] != schema::kMemberDone)
    ++m;
  const ensemble::Design design(input::ensemble_plan(loaded.ensemble), loaded.scenario.seed);
  const input::ScenarioFactory factory(loaded);
  MemberResult member;
  REQUIRE_FALSE(ensemble::run_member(design, factory, m, member).failed);
  const auto production = r.member_doubles("production", m);
  CHECK(production.dims == Strings{"year", "region", "technology"});
  CHECK(production.shape == std::vector<std::size_t>{6, 1, 2}); // 2025-2030, r, {bf, eaf}
  CHECK(production.values == member.production);
  CHECK(r.member_doubles("emissions", m).values == yearly_emissions(member));
  CHECK(r.dimensions("production") == Strings{"member", "year", "region", "technology"});
  CHECK(r.shape("production") == std::vector<std::size_t>{12, 6, 1, 2});
  CHECK(r.dimensions("statistics/metric_quantiles") == Strings{"lever_setting", "metric", "quantile"});
  CHECK(r.doubles("statistics/quantile").values == std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95});
  const std::size_t failed = static_cast<std::size_t>(d.failed_members.front());
  for (const double v : r.member_doubles("production", failed).values)
    CHECK(std::isnan(v));
  CHECK_THROWS_WITH(r.member_doubles("production", 12), Contains("production has no member 12 (12 members)"));

  // One row per member: the metrics, then the paired metrics.
  const MetricsTable t = read_metrics(r);
  CHECK(t.rows() == 12);
  REQUIRE(t.names().size() == metric_specs().size() + paired_metric_specs().size());
  CHECK(t.names().back() == paired_metric_specs().back().name);
  const auto e = yearly_emissions(member);
  CHECK(t.at(m, "cumulative_emissions") == Approx(std::accumulate(e.begin(), e.end(), 0.0)).epsilon(1e-14));
  CHECK(std::isnan(t.at(failed, "cumulative_emissions")));
  for (std::size_t k = 0; k < 6; ++k) // the reference setting avoids nothing against itself
    if (d.member_status[k] == schema::kMemberDone) CHECK(t.at(k, "emissions_avoided") == 0.0);
  CHECK(r.attribute("reference_lever_setting_label") == "policies.carbon_price.2030=20");
  CHECK(r.attribute("members") == "12");

  // Member m's compressed production chunk overwritten: that read fails,
  // naming the file and the variable; the other members still read.
  haddr_t addr = 0;
  hsize_t size = 0;
  {
    h5::Handle ds(H5Dopen2(r.file(), "production", H5P_DEFAULT), H5Dclose);
    const std::vector<hsize_t> origin = {m, 0, 0, 0};
    unsigned filters = 0;
    REQUIRE(H5Dget_chunk_info_by_coord(ds, origin.data(), &filters, &addr, &size) >= 0);
  }
  REQUIRE(size > 0);
  std::string bytes = read_bytes(options.output);
  std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(addr),
            bytes.begin() + static_cast<std::ptrdiff_t>(addr + size), '\xff');
  const std::string damaged = (dir.path() / "damaged.h5").string();
  write_bytes(damaged, bytes);
  const ResultsReader bad(damaged);
  CHECK_THROWS_WITH(bad.member_doubles("production", m),
                    Contains(damaged) && Contains("cannot read variable production"));
  CHECK_THROWS_AS(bad.doubles("production"), OutputError);
  CHECK(bad.member_doubles("production", m - 6).values == r.member_doubles("production", m - 6).values);
}
