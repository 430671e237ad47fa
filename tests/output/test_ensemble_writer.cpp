// The ensemble file written while members run (members added from any
// thread, in any order) holds exactly what the file written at the end from
// the same members holds; an unfinished writer leaves no file.
#include "output/ensemble_writer.hpp"

#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/hdf5.hpp"
#include "output/member_fields.hpp"
#include "output/member_payload.hpp"
#include "sim/member_simulation.hpp"

#include "../support/temp_dir.hpp"
#include "../support/tiny_scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <thread>

using namespace steelpath;

namespace {

// Members held in memory as their journal payloads.
class PayloadSource : public MemberSource {
public:
  std::vector<std::vector<std::byte>> payloads;
  std::vector<char> failed;
  [[nodiscard]] int status(std::size_t m) const override {
    return failed[m] != 0 ? schema::kMemberFailed : schema::kMemberDone;
  }
  void read(std::size_t m, std::vector<EncodedField>& fields, double& unit_years,
            std::vector<double>& targets, std::string& reason) override {
    if (failed[m] != 0) {
      fields.clear();
      reason.assign(reinterpret_cast<const char*>(payloads[m].data()), payloads[m].size());
      return;
    }
    decode_member(payloads[m], fields, unit_years, targets);
    reason.clear();
  }
  void statistics_inputs(std::size_t m, StatisticsInputs& out) override {
    decode_statistics_inputs(payloads[m], out);
  }
};

// 2 lever settings x 3 samples: carbon prices 0..100, member 4 failed.
struct Ensemble {
  Scenario base = test::tiny_scenario();
  EnsembleDesignTable design;
  PayloadSource source;
  Ensemble() {
    design.setting_labels = {"low", "high"};
    design.setting_packages = {"", ""};
    design.lever_paths = {"policies.carbon_price"};
    design.lever_values = {0.0, 100.0};
    design.lever_texts = {"0", "100"};
    design.samples = 3;
    design.sampling = "monte_carlo";
    for (std::size_t m = 0; m < design.members(); ++m) {
      Scenario s = base;
      s.policy.carbon_price = YearSeries::constant(s.horizon, 20.0 * static_cast<double>(m));
      const MemberResult r = simulate(s);
      const bool failed = m == 4;
      source.failed.push_back(failed ? 1 : 0);
      if (failed) {
        const std::string reason = "member 4: a reason";
        const auto* p = reinterpret_cast<const std::byte*>(reason.data());
        source.payloads.emplace_back(p, p + reason.size());
      } else {
        source.payloads.push_back(encode_member(r, false));
      }
    }
  }
};

// Every dataset of a file, by path: strings as text, numbers as doubles.
std::map<std::string, std::vector<std::string>> contents(const std::string& path) {
  h5::Handle f = h5::open_file(path);
  std::vector<std::string> names;
  H5Ovisit(
      f, H5_INDEX_NAME, H5_ITER_INC,
      [](hid_t, const char* name, const H5O_info_t* info, void* out) -> herr_t {
        if (info->type == H5O_TYPE_DATASET) static_cast<std::vector<std::string>*>(out)->push_back(name);
        return 0;
      },
      &names);
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& name : names) {
    h5::Handle ds(H5Dopen2(f, name.c_str(), H5P_DEFAULT), H5Dclose);
    h5::Handle type(H5Dget_type(ds), H5Tclose);
    if (H5Tget_class(type) == H5T_STRING) {
      out[name] = h5::read_strings(f, name);
      continue;
    }
    for (const double x : h5::read_doubles(f, name)) { // bit for bit, NaN included
      std::uint64_t bits = 0;
      std::memcpy(&bits, &x, sizeof bits);
      out[name].push_back(std::to_string(bits));
    }
  }
  return out;
}

} // namespace

TEST_CASE("members added while running, in any order, give the file written at the end",
          "[output][ensemble]") {
  Ensemble e;
  test::TempDir dir;
  const std::string at_end = (dir.path() / "end.h5").string(),
                    streamed = (dir.path() / "streamed.h5").string();
  write_ensemble(at_end, e.base, e.design, e.source, Provenance{}, RunStatistics{}, "id");

  // This process runs members 0, 1, 2, 4 and 5, finishing them out of order
  // on two threads; member 3 comes from the source (another rank, say).
  const std::vector<std::size_t> mine{0, 1, 2, 4, 5};
  {
    EnsembleWriter writer(streamed, e.base, e.design, mine, (dir.path() / "work.partial").string());
    CHECK(std::filesystem::exists(dir.path() / "work.partial"));
    std::thread a([&] {
      for (std::size_t m : {5, 1})
        writer.add(m, e.source.failed[m] != 0, e.source.payloads[m]);
    });
    std::thread b([&] {
      for (std::size_t m : {2, 4, 0})
        writer.add(m, e.source.failed[m] != 0, e.source.payloads[m]);
    });
    a.join();
    b.join();
    CHECK_THROWS_AS(writer.add(1, false, e.source.payloads[1]), OutputError); // twice
    writer.finish(e.source, Provenance{}, RunStatistics{}, "id");
  }
  CHECK_FALSE(std::filesystem::exists(dir.path() / "work.partial"));
  const auto expected = contents(at_end);
  const auto got = contents(streamed);
  REQUIRE(expected.size() == got.size());
  for (const auto& [name, values] : expected) {
    INFO(name);
    REQUIRE(got.count(name) == 1);
    CHECK(got.at(name) == values);
  }
  // Not a trivially empty comparison: the members' emissions are there and differ.
  h5::Handle f = h5::open_file(streamed);
  const auto emissions = h5::read_doubles(f, "emissions"); // [member][year]
  REQUIRE(emissions.size() == 6 * 10);
  CHECK(emissions[0] > 0.0);
  CHECK(std::isnan(emissions[4 * 10])); // the failed member
  CHECK(h5::read_strings(f, "failure_reason") == std::vector<std::string>{"member 4: a reason"});
}

TEST_CASE("an ensemble writer destroyed unfinished leaves no file", "[output][ensemble]") {
  Ensemble e;
  test::TempDir dir;
  const std::string path = (dir.path() / "out.h5").string();
  {
    EnsembleWriter writer(path, e.base, e.design, {0, 1});
    writer.add(1, false, e.source.payloads[1]); // held: member 0 is not there yet
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1); // out.h5.<hex>.partial
  }
  CHECK(std::filesystem::is_empty(dir.path()));
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a stop asked during the final write abandons the file", "[output][ensemble]") {
  Ensemble e;
  test::TempDir dir;
  const std::string path = (dir.path() / "out.h5").string();
  std::atomic<int> asked{0}; // asked from the statistics' threads too
  const StopRequested stop_at_the_statistics = [&] { return ++asked > 1; }; // the member pass asks once
  {
    EnsembleWriter writer(path, e.base, e.design);
    CHECK_THROWS_AS(writer.finish(e.source, Provenance{}, RunStatistics{}, "id", stop_at_the_statistics),
                    Interrupted);
  }
  CHECK(asked >= 2); // each lever setting's thread asks
  CHECK(std::filesystem::is_empty(dir.path()));
  // Not asked to stop: the same writer's work completes.
  EnsembleWriter writer(path, e.base, e.design);
  writer.finish(e.source, Provenance{}, RunStatistics{}, "id", [] { return false; });
  CHECK(std::filesystem::exists(path));
}
