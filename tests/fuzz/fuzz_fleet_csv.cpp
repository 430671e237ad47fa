// Fuzz harness: the fleet CSV reader (input/csv_table.hpp, input/fleet_csv.hpp).
// Feeds: the input's bytes as the text of a fleet CSV, parsed and read against
// the companies, regions and routes of two shipped scenarios, loaded once:
// scenarios/demo.yaml (declared companies) and scenarios/global-baseline.yaml
// (the world's routes and regions, companies taken from the GEM fleet).
// Asserts: every problem is a diagnostic (thrown as InputError); a fleet read
// without one makes a scenario that check_consistency accepts (the model's
// own rules); any other exception, a crash, a sanitizer report, a leak, a
// timeout or running out of memory is a bug.
#include "fuzz_support.hpp"

#include "input/csv_table.hpp"
#include "input/fleet_csv.hpp"
#include "input/scenario_loader.hpp"
#include "model/errors.hpp"

#include <array>
#include <string>

namespace {

std::array<steelpath::Scenario, 2>& scenarios() {
  static std::array<steelpath::Scenario, 2> loaded = [] {
    const auto dir = steelpath::fuzz::source_dir() / "scenarios";
    return std::array<steelpath::Scenario, 2>{
        steelpath::input::load_scenario(dir / "demo.yaml").scenario,
        steelpath::input::load_scenario(dir / "global-baseline.yaml").scenario};
  }();
  return loaded;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)scenarios();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (steelpath::Scenario& scenario : scenarios()) {
    steelpath::input::Diagnostics diag;
    const steelpath::input::CsvTable table = steelpath::input::parse_csv(text, "fuzz.csv", diag);
    if (table.header.empty()) {
      if (diag.empty()) steelpath::fuzz::fail("a CSV without a header row and no diagnostic");
      continue;
    }
    std::vector<steelpath::PlantUnit> units = steelpath::input::read_fleet(table, scenario, diag);
    try {
      diag.throw_if_any();
    } catch (const steelpath::InputError&) {
      continue;
    }
    const steelpath::UnitList kept = scenario.units;
    scenario.units = steelpath::UnitList(std::move(units));
    const auto problems = steelpath::check_consistency(scenario);
    scenario.units = kept;
    if (!problems.empty())
      steelpath::fuzz::fail("a fleet read without a diagnostic is inconsistent: " + problems[0]);
  }
  return 0;
}
