// What `steelpath validate` does with a scenario, for the harnesses that feed
// the input layer (fuzz_scenario.cpp, fuzz_set.cpp): input::load_scenario,
// then the checks of check_ensemble in engine/cli/commands.cpp (the design,
// --set against the levers) and the parameter paths of `--list-paths`; for
// an ensemble, also its first member as `run` builds it. InputError is the
// correct way to refuse; anything else escapes to the harness.
#pragma once

#include "ensemble/design.hpp"
#include "input/member_scenario.hpp"
#include "input/parameter_paths.hpp"
#include "input/scenario_loader.hpp"
#include "model/errors.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace steelpath::fuzz {

/// Loads and checks `file` with `overrides` ("PATH=VALUE") as `validate`
/// does. Returns false when the input is refused with an InputError.
inline bool validate_like_cli(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  try {
    const input::LoadedScenario loaded = input::load_scenario(file, overrides);
    (void)input::parameter_paths(loaded.document);
    if (loaded.ensemble.empty() && loaded.ensemble.replicates <= 1) return true;
    const ensemble::Design design(input::ensemble_plan(loaded.ensemble), loaded.scenario.seed);
    if (!input::ensemble_problems(loaded, overrides).empty() || design.members() == 0) return false;
    // The first member, as `run` builds it; a refused member is an InputError too.
    const ensemble::MemberId id = design.member(0);
    (void)input::ScenarioFactory(loaded).make(id.setting, design.sample(id.sample));
    return true;
  } catch (const InputError&) {
    return false;
  }
}

} // namespace steelpath::fuzz
