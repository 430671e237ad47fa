// Whether a results file is whole (output/results_check.hpp): files written
// by the program pass; a directory, a variable deleted with the HDF5 C API
// and an ensemble chunk overwritten on disk are refused, naming the file and
// the variable (what `info` and `compare` print, exit 1).
#include "output/results_check.hpp"

#include "ensemble/ensemble_runner.hpp"
#include "input/scenario_loader.hpp"
#include "model/errors.hpp"
#include "output/result_writer.hpp"
#include "sim/member_simulation.hpp"

#include "../support/mini_scenario.hpp"
#include "../support/temp_dir.hpp"
#include "../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

using namespace steelpath;
using Catch::Contains;

namespace {

// A copy of `from` at `to` without the variable `name` (H5Ldelete: the
// dataset is unlinked, as a damaged or hand-edited file may lack it).
void copy_without(const std::string& from, const std::string& to, const std::string& name) {
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
  h5::Handle f(H5Fopen(to.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose);
  REQUIRE(f.id() >= 0);
  REQUIRE(H5Ldelete(f, name.c_str(), H5P_DEFAULT) >= 0);
}

void check(const std::string& path, ResultsCheck depth) {
  check_results(ResultsReader(path), depth);
}

} // namespace

TEST_CASE("a single-run file is whole; one without a variable is refused, naming both", "[output][check]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "tiny.h5").string();
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 80.0);
  Provenance p;
  p.scenario_path = "tiny.yaml";
  write_results(path, s, simulate(s), p);
  CHECK_NOTHROW(check(path, ResultsCheck::present));
  CHECK_NOTHROW(check(path, ResultsCheck::readable));

  // A coordinate (what `info` reads first), a yearly series, the decision
  // log and a metric: each named with the file.
  const std::string broken = (dir.path() / "broken.h5").string();
  for (const std::string name : {"region", "production", "decisions/lcos_options", "peak_emissions"}) {
    INFO(name);
    copy_without(path, broken, name);
    const ResultsReader r(broken); // still a steelpath file of this schema
    CHECK_THROWS_AS(check_results(r, ResultsCheck::present), OutputError);
    CHECK_THROWS_WITH(check_results(r, ResultsCheck::present),
                      Contains(broken + ": no variable " + name + " (the file is incomplete or damaged"));
    CHECK_THROWS_WITH(check_results(r, ResultsCheck::readable), Contains(broken + ": no variable " + name));
  }
}

TEST_CASE("a directory or another non-file is named as such, not as missing", "[output][check]") {
  test::TempDir dir;
  const std::string folder = dir.path().string();
  CHECK_THROWS_WITH(ResultsReader(folder), folder + ": is a directory, not a results file");
  const std::string missing = (dir.path() / "missing.h5").string();
  CHECK_THROWS_WITH(ResultsReader(missing), missing + ": no such file");
  CHECK_THROWS_WITH(ResultsReader("/dev/null"), "/dev/null: not a regular file, so not a results file");
}

TEST_CASE("an ensemble file is whole; an overwritten chunk is refused by the read check", "[output][check]") {
  test::TempDir dir;
  dir.write("fleet.csv", test::kMiniFleet);
  dir.write("base.yaml", test::join_lines(test::mini_lines()));
  const input::LoadedScenario loaded = input::load_scenario(
      dir.write("s.yaml", "extends: base.yaml\nlevers: {policies.carbon_price.2030: [20, 100]}\n"
                          "uncertainties:\n"
                          "  market.max_utilisation: {distribution: uniform, low: 0.8, high: 0.95}\n"
                          "ensemble: {samples: 3}\n"));
  ensemble::EnsembleOptions options;
  options.output = (dir.path() / "ensemble.h5").string();
  options.threads = 1;
  options.quiet = true;
  REQUIRE(ensemble::run_ensemble(loaded, options, Provenance{}) == 0);
  // Without company series (the default) the [year][company] series are
  // absent by design, and the file is whole.
  CHECK_NOTHROW(check(options.output, ResultsCheck::readable));

  // The last member's compressed production chunk overwritten: the file
  // opens, every variable is present, and only reading it finds the damage.
  haddr_t addr = 0;
  hsize_t size = 0;
  {
    const ResultsReader r(options.output);
    h5::Handle ds(H5Dopen2(r.file(), "production", H5P_DEFAULT), H5Dclose);
    const std::vector<hsize_t> origin = {5, 0, 0, 0};
    unsigned filters = 0;
    REQUIRE(H5Dget_chunk_info_by_coord(ds, origin.data(), &filters, &addr, &size) >= 0);
  }
  REQUIRE(size > 0);
  const std::string damaged = (dir.path() / "damaged.h5").string();
  std::filesystem::copy_file(options.output, damaged);
  {
    std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(addr));
    const std::string junk(size, '\xff');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  CHECK_NOTHROW(check(damaged, ResultsCheck::present));
  CHECK_THROWS_WITH(check(damaged, ResultsCheck::readable),
                    Contains(damaged + ": cannot read variable production (index ") &&
                        Contains("the file is damaged or truncated"));
  // A variable of the statistics group, deleted: named with its group.
  const std::string partial = (dir.path() / "partial.h5").string();
  copy_without(options.output, partial, "statistics/metric_quantiles");
  CHECK_THROWS_WITH(check(partial, ResultsCheck::present),
                    Contains(partial + ": no variable statistics/metric_quantiles"));
}
