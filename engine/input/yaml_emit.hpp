// Writes a document tree back as YAML text: the resolved scenario that
// `steelpath validate --print` shows and that results files store.
#pragma once

#include "input/source_node.hpp"

#include <string>

namespace steelpath::input {

/// Block style for nested mappings; flow style for mappings and lists whose
/// values are all scalars (series points, inputs). Deterministic.
[[nodiscard]] std::string emit_yaml(const SourceNode& node);

} // namespace steelpath::input
