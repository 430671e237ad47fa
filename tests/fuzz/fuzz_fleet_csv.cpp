// Fuzz harness: the fleet CSV reader (input/csv_table.hpp, input/fleet_csv.hpp).
// Feeds: the input's bytes as the text of a fleet CSV, parsed and read against
// the companies, regions and routes of two shipped scenarios, loaded once:
// scenarios/demo.yaml (declared companies) and scenarios/global-baseline.yaml
// (the world's routes and regions; as with its `companies_from_fleet: true`,
// a company the scenario does not know is added, as load_scenario does).
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

// Puts back the scenario's own companies and fleet after an input.
class Restore {
public:
  explicit Restore(steelpath::Scenario& s) : s_(s), companies_(s.companies.size()), units_(s.units) {}
  Restore(const Restore&) = delete;
  Restore& operator=(const Restore&) = delete;
  ~Restore() {
    s_.companies.resize(companies_);
    s_.units = units_;
  }

private:
  steelpath::Scenario& s_;
  std::size_t companies_;
  steelpath::UnitList units_;
};

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
    const Restore restore(scenario);
    if (&scenario == &scenarios()[1])
      if (const auto col = table.column("company"))
        for (const auto& row : table.rows)
          if (!row.fields[*col].empty() && !scenario.find_company(row.fields[*col])) {
            scenario.companies.emplace_back();
            scenario.companies.back().id = row.fields[*col];
          }
    std::vector<steelpath::PlantUnit> units = steelpath::input::read_fleet(table, scenario, diag);
    try {
      diag.throw_if_any();
    } catch (const steelpath::InputError&) {
      continue;
    }
    scenario.units = steelpath::UnitList(std::move(units));
    const auto problems = steelpath::check_consistency(scenario);
    if (!problems.empty())
      steelpath::fuzz::fail("a fleet read without a diagnostic is inconsistent: " + problems[0]);
  }
  return 0;
}
