// A JSON Schema (draft-07) of the scenario format, generated from the same
// definition the validator uses (scenario_spec.hpp), so that editors with a
// YAML language server complete keys and flag mistakes while typing. A file
// with `extends` is checked loosely (it may state only what differs); a file
// without it must be complete.
#pragma once

#include <string>

namespace steelpath::input {

/// The schema as JSON text (pretty-printed, deterministic).
[[nodiscard]] std::string scenario_json_schema();

} // namespace steelpath::input
