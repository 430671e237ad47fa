// The HDF5 results file: values round-trip, units and dimension scales are
// attached, provenance is stored, and no partial file is left behind.
#include "output/result_writer.hpp"

#include "model/errors.hpp"
#include "output/hdf5.hpp"
#include "output/schema.hpp"
#include "sim/member_simulation.hpp"

#include "../support/temp_dir.hpp"
#include "../support/tiny_scenario.hpp"

#include <H5DSpublic.h>
#include <catch2/catch.hpp>

using namespace steelpath;

namespace {
bool is_attached(hid_t file, const char* var, const char* scale, unsigned idx) {
  h5::Handle d(H5Dopen2(file, var, H5P_DEFAULT), H5Dclose);
  h5::Handle s(H5Dopen2(file, scale, H5P_DEFAULT), H5Dclose);
  return H5DSis_attached(d, s, idx) > 0;
}
// The temporary files (*.partial) in `folder`.
std::vector<std::string> partial_files(const std::filesystem::path& folder) {
  std::vector<std::string> found;
  for (const auto& e : std::filesystem::directory_iterator(folder))
    if (e.path().extension() == ".partial") found.push_back(e.path().string());
  return found;
}
} // namespace

TEST_CASE("results round-trip through HDF5 with units and dimension scales", "[output]") {
  Scenario s = test::tiny_scenario();
  s.policy.carbon_price = YearSeries::constant(s.horizon, 80.0);
  const MemberResult r = simulate(s);
  test::TempDir dir;
  const std::string path = (dir.path() / "sub" / "out.h5").string();
  Provenance p;
  p.scenario_path = "tiny.yaml";
  p.scenario_text = "name: tiny\n";
  p.command_line = "steelpath run tiny.yaml";
  write_results(path, s, r, p);
  CHECK(partial_files(dir.path() / "sub").empty());

  h5::Handle f = h5::open_file(path);
  CHECK(h5::dataset_dims(f, "production") == std::vector<hsize_t>{10, 1, 2}); // year, region, technology
  CHECK(h5::read_doubles(f, "production") == r.production);
  CHECK(h5::read_doubles(f, "steel_price") == r.steel_price);
  const auto em = h5::read_doubles(f, "emissions");
  REQUIRE(em.size() == 10);
  CHECK(em[0] == Approx(8.0)); // 4 Mt of blast-furnace steel x 2 t CO2/t (test_member_simulation)
  CHECK(h5::read_strings(f, "technology") == std::vector<std::string>{"bf", "h2"});
  CHECK(h5::read_strings(f, "region") == std::vector<std::string>{"r"});
  CHECK(h5::read_string_attribute(f, "scenario_yaml") == "name: tiny\n");
  CHECK(h5::read_string_attribute(f, "command_line") == "steelpath run tiny.yaml");

  // Every variable of the schema exists with its units; dimensions are scales.
  for (const auto& v : schema::variables()) {
    const std::string full =
        v.group.empty() ? std::string(v.name) : std::string(v.group) + "/" + std::string(v.name);
    INFO(full);
    h5::Handle d(H5Dopen2(f, full.c_str(), H5P_DEFAULT), H5Dclose);
    REQUIRE(d.id() >= 0);
    CHECK(h5::read_string_attribute(d, "units") == std::string(v.units));
    CHECK(h5::dataset_dims(f, full).size() == v.dims.size());
  }
  CHECK(is_attached(f, "production", "year", 0));
  CHECK(is_attached(f, "production", "region", 1));
  CHECK(is_attached(f, "production", "technology", 2));
  CHECK(is_attached(f, "company_emissions", "company", 1));
  CHECK(is_attached(f, "demand", "region", 1));
  CHECK(is_attached(f, "decisions/lcos_chosen", "decisions/decision", 0));
  CHECK(h5::read_strings(f, "decisions/to_technology") == std::vector<std::string>{"h2", "h2"});
}

// (Removing the partial file after a failure is checked by the next test,
// where the partial file really exists.)
TEST_CASE("a file that cannot be created is an OutputError", "[output]") {
  const Scenario s = test::tiny_scenario();
  const MemberResult r = simulate(s);
  test::TempDir dir;
  const auto blocker = dir.write("file", "x");
  const std::string path = (blocker / "out.h5").string(); // a folder inside a file
  CHECK_THROWS_WITH(write_results(path, s, r, {}), Catch::Contains("cannot create HDF5 file"));
}

TEST_CASE("a failure after the file was created removes the partial file", "[output]") {
  const Scenario s = test::tiny_scenario();
  const MemberResult r = simulate(s);
  test::TempDir dir;
  // The target is a folder with something in it: writing works, the final
  // rename onto it fails.
  const auto target = dir.path() / "out.h5";
  std::filesystem::create_directories(target / "keep");
  CHECK_THROWS_AS(write_results(target.string(), s, r, {}), OutputError);
  CHECK(partial_files(dir.path()).empty());
  CHECK(std::filesystem::is_directory(target / "keep"));
}
