// The mini scenario (mini_scenario.hpp) and its fleet written to a temporary
// folder as base.yaml and fleet.csv, for tests that load scenarios
// extending it.
#pragma once

#include "input/scenario_loader.hpp"

#include "mini_scenario.hpp"
#include "temp_dir.hpp"

#include <string>

namespace steelpath::test {

struct MiniFiles {
  TempDir dir;
  MiniFiles() {
    dir.write("fleet.csv", kMiniFleet);
    dir.write("base.yaml", join_lines(mini_lines()));
  }
  /// Loads `text` written as s.yaml beside base.yaml.
  input::LoadedScenario load(const std::string& text) {
    return input::load_scenario(dir.write("s.yaml", text));
  }
};

} // namespace steelpath::test
