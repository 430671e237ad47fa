// End-to-end check from C++: opens the file `steelpath run` wrote for the
// shipped demo scenario (path in STEELPATH_E2E_FILE) and checks its shapes,
// names, units and that production equals demand in every year.
#include "output/hdf5.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <numeric>

using namespace steelpath;

TEST_CASE("the demo run's results file", "[e2e]") {
  const char* path = std::getenv("STEELPATH_E2E_FILE");
  REQUIRE(path != nullptr);
  h5::Handle f = h5::open_file(path);
  const auto years = h5::dataset_dims(f, "year");
  REQUIRE(years == std::vector<hsize_t>{36}); // 2025..2060
  const auto techs = h5::read_strings(f, "technology");
  CHECK(techs == std::vector<std::string>{"bf_bof", "bf_bof_bat", "bf_bof_ccus", "ng_dri_eaf", "coal_dri_eaf",
                                          "h2_dri_eaf", "sr", "sr_ccus", "electrolysis", "scrap_eaf"});
  const hsize_t T = techs.size();
  CHECK(h5::dataset_dims(f, "production") == std::vector<hsize_t>{36, 2, T}); // year, region, technology
  CHECK(h5::dataset_dims(f, "capacity") == std::vector<hsize_t>{36, 2, T});
  CHECK(h5::dataset_dims(f, "emissions") == std::vector<hsize_t>{36});
  for (const char* name : {"production", "emissions", "capacity"}) {
    h5::Handle d(H5Dopen2(f, name, H5P_DEFAULT), H5Dclose);
    CHECK_FALSE(h5::read_string_attribute(d, "units").empty());
  }
  CHECK(h5::read_string_attribute(f, "steelpath_version") == "0.2.0");
  CHECK(h5::read_string_attribute(f, "scenario_source").find("name: demo") != std::string::npos);
  CHECK(h5::read_string_attribute(f, "scenario_yaml").find("name: \"demo\"") != std::string::npos);
  CHECK(h5::read_string_attribute(f, "scenario_sha256").size() == 64);
  CHECK(h5::read_string_attribute(f, "fleet_sha256").size() == 64);

  const auto prod = h5::read_doubles(f, "production");
  const auto demand = h5::read_doubles(f, "demand");
  const auto unmet = h5::read_doubles(f, "unmet_demand");
  const std::size_t n_reg = h5::dataset_dims(f, "region").at(0);
  for (std::size_t y = 0; y < 36; ++y) {
    const auto block = static_cast<std::ptrdiff_t>(2 * T);
    const double p = std::accumulate(prod.begin() + block * static_cast<std::ptrdiff_t>(y),
                                     prod.begin() + block * static_cast<std::ptrdiff_t>(y + 1), 0.0);
    const double d = std::accumulate(demand.begin() + n_reg * y, demand.begin() + n_reg * (y + 1), 0.0);
    const double u = std::accumulate(unmet.begin() + n_reg * y, unmet.begin() + n_reg * (y + 1), 0.0);
    INFO("year index " << y);
    CHECK(u == 0.0);
    CHECK(p == Approx(d).epsilon(1e-12));
  }
}
