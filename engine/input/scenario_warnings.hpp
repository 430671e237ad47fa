// What a valid scenario says that is almost surely not meant: the loader
// collects these warnings, `validate` and `run` print them (exit code
// unchanged). A warning never changes what is simulated.
#pragma once

#include "input/diagnostics.hpp"
#include "input/source_node.hpp"
#include "model/scenario.hpp"

#include <vector>

namespace steelpath::input {

/// The warnings of a built scenario, located in `document` (the merged
/// document, for lines): today one, a demand of zero in every year, where
/// nothing is produced yet units still reline, switch and are paid for.
[[nodiscard]] std::vector<Diagnostic> scenario_warnings(const Scenario& scenario, const SourceNode& document);

} // namespace steelpath::input
