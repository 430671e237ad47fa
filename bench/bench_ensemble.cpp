// The per-member costs of an ensemble besides the year loop: building the
// member's scenario from the resolved document, simulating it, and encoding
// its arrays for the journal; on the demo ensemble and the world baseline.
#include "ensemble/design.hpp"
#include "ensemble/member_task.hpp"
#include "input/member_scenario.hpp"
#include "input/scenario_loader.hpp"
#include "output/member_payload.hpp"
#include "sim/member_simulation.hpp"

#include <benchmark/benchmark.h>

using namespace steelpath;

namespace {

const char* scenario_file(int which) {
  return which == 0 ? STEELPATH_SOURCE_DIR "/scenarios/demo-ensemble.yaml"
                    : STEELPATH_SOURCE_DIR "/scenarios/global-baseline.yaml";
}

void BM_member_scenario(benchmark::State& state) {
  const auto loaded = input::load_scenario(scenario_file(static_cast<int>(state.range(0))));
  const ensemble::Design design(input::ensemble_plan(loaded.ensemble), 1);
  const input::ScenarioFactory factory(loaded);
  std::size_t m = 0;
  for (auto _ : state) {
    const ensemble::MemberId id = design.member(m++ % design.members());
    const Scenario s = factory.make(id.setting, design.sample(id.sample));
    benchmark::DoNotOptimize(s.units.data());
  }
}
BENCHMARK(BM_member_scenario)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_member_encode(benchmark::State& state) {
  const auto loaded = input::load_scenario(scenario_file(static_cast<int>(state.range(0))));
  MemberResult r;
  MemberSimulation(loaded.scenario).run(r);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto payload = encode_member(r, false);
    bytes = payload.size();
    benchmark::DoNotOptimize(payload.data());
  }
  state.counters["payload_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_member_encode)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Everything a worker thread does for one member.
void BM_member_task(benchmark::State& state) {
  const auto loaded = input::load_scenario(scenario_file(static_cast<int>(state.range(0))));
  const ensemble::Design design(input::ensemble_plan(loaded.ensemble), 1);
  const input::ScenarioFactory factory(loaded);
  MemberResult r;
  std::size_t m = 0;
  for (auto _ : state) {
    const auto out = ensemble::run_member(design, factory, m++ % design.members(), r);
    benchmark::DoNotOptimize(out.payload.data());
  }
}
BENCHMARK(BM_member_task)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

} // namespace
