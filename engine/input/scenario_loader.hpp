// Turns a scenario YAML file (and the data files it names) into a validated,
// immutable Scenario. Every problem in the files is collected in one pass and
// thrown together as an InputError naming file, line, column and key path.
#pragma once

#include "model/scenario.hpp"

#include <filesystem>
#include <string>

namespace steelpath::input {

/// A scenario with the text it was read from, for provenance in results.
struct LoadedScenario {
  Scenario scenario;
  std::string path;       ///< the scenario file as given
  std::string text;       ///< the scenario file's text, verbatim
  std::string fleet_path; ///< the fleet CSV, resolved relative to the scenario file
};

/// Reads and validates a scenario file. Throws InputError.
[[nodiscard]] LoadedScenario load_scenario(const std::filesystem::path& file);

/// Same, from text already in memory; relative data paths resolve against `base_dir`.
[[nodiscard]] LoadedScenario load_scenario_text(const std::string& text, const std::string& name,
                                                const std::filesystem::path& base_dir);

/// Reads a whole file as text. Throws InputError naming the file if it cannot.
[[nodiscard]] std::string read_text_file(const std::filesystem::path& file);

} // namespace steelpath::input
