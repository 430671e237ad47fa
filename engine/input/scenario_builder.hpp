// Builds the immutable Scenario from a resolved (validated) document and the
// fleet CSV it names. Called only after validation found no problem, so the
// document holds plain numbers in their documented units.
#pragma once

#include "input/source_node.hpp"
#include "model/scenario.hpp"

namespace steelpath::input {

/// The scenario without its fleet (units empty).
[[nodiscard]] Scenario build_scenario(const SourceNode& resolved);

} // namespace steelpath::input
