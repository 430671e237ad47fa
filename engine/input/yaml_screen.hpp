// Screening of YAML text before a tree is built from it. yaml-cpp's tree
// shares aliased nodes, so a small file can describe a document of
// gigabytes (aliases of aliases), or one without end (an alias inside the
// value it names); and its LoadAll never ends on a stray ',' at the top level
// (an empty document for each time it looks at the comma). The screen reads
// the text once as parser events, keeping only counts, and refuses it at the
// first limit crossed (input_limits.hpp), with the place and key path.
#pragma once

#include "input/diagnostics.hpp"
#include "input/input_limits.hpp"

#include <string>

namespace steelpath::input {

/// Checks YAML `text` (read from `file`) without building it: a single
/// document; no alias inside the value it names (a cycle); depth, values and
/// bytes of text after alias expansion; the length of each scalar and key; no
/// control characters (NUL, escape, ...) in scalars and keys; no ',' outside
/// [...] or {...}. Reports the first problem to `diagnostics` (YAML syntax
/// errors too) and returns whether there was none.
bool screen_yaml(const std::string& text, const std::string& file, Diagnostics& diagnostics,
                 const InputLimits& limits = kInputLimits);

} // namespace steelpath::input
