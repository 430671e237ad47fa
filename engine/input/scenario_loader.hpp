// Turns a scenario file (with the scenarios it extends, the data files it
// names and any command-line overrides) into a validated, immutable
// Scenario. Every problem is collected in one pass and thrown together as an
// InputError naming file, line, column and key path.
#pragma once

#include "input/ensemble_spec.hpp"
#include "input/input_limits.hpp"
#include "input/source_node.hpp"
#include "model/scenario.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace steelpath::input {

/// A scenario with everything needed to say where it came from.
struct LoadedScenario {
  /// the validated scenario
  Scenario scenario;
  std::string path;               ///< the scenario file as given
  std::string text;               ///< its text, verbatim
  std::vector<std::string> files; ///< every scenario file read: this one, then what it extends
  SourceNode document;            ///< merged document with overrides applied (levers apply to it)
  std::string resolved_text;      ///< the resolved scenario as YAML (validate --print)
  std::string resolved_sha256;    ///< SHA-256 of resolved_text
  std::string fleet_path;         ///< the fleet CSV, as opened
  std::string fleet_sha256;       ///< SHA-256 of the fleet CSV's bytes
  std::string fleet_comments;     ///< the fleet CSV's leading '#' lines (source, licence), without the '#'
  EnsembleSpec ensemble;          ///< levers and uncertainties
  /// What is valid but almost surely not meant (scenario_warnings.hpp); validate and run print them.
  std::vector<Diagnostic> warnings;
  /// The resolved document (canonical numbers, defaults filled, fleet path as
  /// opened): what an ensemble member's settings are applied to.
  SourceNode resolved;
};

/// Reads and validates a scenario. `overrides` are "PATH=VALUE" assignments
/// (as given to --set), applied after `extends` and before validation.
/// Throws InputError.
[[nodiscard]] LoadedScenario load_scenario(const std::filesystem::path& file,
                                           const std::vector<std::string>& overrides = {});

/// Reads a whole file as text. Throws InputError naming the file if it cannot,
/// or if it has more than `max_bytes` (input_limits.hpp: a scenario or a CSV file).
[[nodiscard]] std::string read_text_file(const std::filesystem::path& file, std::uintmax_t max_bytes);

} // namespace steelpath::input
