// Throughput of one member's simulation: the demo scenario's fleet copied
// `copies` times (demand scaled alike), so the year loop sees realistic
// routes and prices at fleet sizes up to the real world's (~5,000 units).
// Reports unit-years per second, the figure the performance targets use.
#include "input/scenario_loader.hpp"
#include "sim/member_simulation.hpp"

#include <benchmark/benchmark.h>

using namespace steelpath;

namespace {

Scenario scaled_demo(int copies) {
  Scenario s = input::load_scenario(STEELPATH_SOURCE_DIR "/scenarios/demo.yaml").scenario;
  const auto base = s.units;
  s.units.clear();
  for (int c = 0; c < copies; ++c)
    for (auto u : base) {
      u.id.append("-").append(std::to_string(c)); // not "a" + b: GCC 12 bug 105651 (-Wrestrict)
      u.last_reline_year -= c % 7;                // spread decision years like a real fleet
      if (u.last_reline_year < u.start_year) u.last_reline_year = u.start_year;
      s.units.push_back(u);
    }
  for (auto& r : s.regions) {
    std::vector<std::pair<int, double>> d, sc;
    for (std::size_t i = 0; i < r.demand.size(); ++i) {
      d.emplace_back(s.horizon.year(i), r.demand[i] * copies);
      sc.emplace_back(s.horizon.year(i), r.scrap_supply[i] * copies);
    }
    r.demand = YearSeries::interpolate(s.horizon, d);
    r.scrap_supply = YearSeries::interpolate(s.horizon, sc);
  }
  return s;
}

// The year loop only (cost tables built once, as an ensemble reuses them per member).
void BM_member_run(benchmark::State& state) {
  const Scenario s = scaled_demo(static_cast<int>(state.range(0)));
  MemberSimulation sim(s);
  MemberResult out;
  for (auto _ : state) {
    sim.run(out);
    benchmark::DoNotOptimize(out.production.data());
  }
  const double unit_years = static_cast<double>(s.units.size() * s.horizon.size());
  state.counters["units"] = static_cast<double>(s.units.size());
  state.counters["unit_years_per_s"] =
      benchmark::Counter(unit_years, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_member_run)->Arg(1)->Arg(100)->Arg(600)->Unit(benchmark::kMicrosecond);

// Setting up a member: consistency check and cost tables (matrix products, levelizing).
void BM_member_setup(benchmark::State& state) {
  const Scenario s = scaled_demo(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    MemberSimulation sim(s);
    benchmark::DoNotOptimize(&sim);
  }
}
BENCHMARK(BM_member_setup)->Arg(600)->Unit(benchmark::kMicrosecond);

// One member of a shipped scenario (the values its file writes; no lever applied), run again and again.
void run_shipped(benchmark::State& state, const char* path) {
  const Scenario s = input::load_scenario(path).scenario;
  MemberResult out;
  for (auto _ : state) {
    MemberSimulation sim(s);
    sim.run(out);
    benchmark::DoNotOptimize(out.production.data());
  }
}

// A single run of the world fleet (scenarios/global-baseline.yaml, 2,378
// units): the member's setup (cost tables) and year loop, as `steelpath run`
// simulates it; BM_member_task/1 is the same member in an ensemble worker.
void BM_world_run(benchmark::State& state) {
  run_shipped(state, STEELPATH_SOURCE_DIR "/scenarios/global-baseline.yaml");
}
BENCHMARK(BM_world_run)->Unit(benchmark::kMicrosecond);

// The world fleet with the green-steel market (EU buyers, a 10 % mandate in
// four regions): the premium's bisection dispatches those regions again.
void BM_world_green_market_run(benchmark::State& state) {
  run_shipped(state, STEELPATH_SOURCE_DIR "/scenarios/global-green-market.yaml");
}
BENCHMARK(BM_world_green_market_run)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
