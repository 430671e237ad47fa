// The reference table of every scenario key (path, kind, unit, range,
// default, meaning) as Markdown, generated from the format definition for
// docs/scenarios.md; a test keeps the doc and the definition in step.
#pragma once

#include <string>

namespace steelpath::input {

[[nodiscard]] std::string scenario_reference_markdown();

} // namespace steelpath::input
