// Checks that input text is UTF-8 (scenario and data files must be), and
// makes arbitrary bytes safe to quote in a message.
#pragma once

#include "input/diagnostics.hpp"

#include <string>

namespace steelpath::input {

/// True if `text` is valid UTF-8; otherwise reports the first bad byte by
/// line and column (and UTF-16 files by their byte-order mark).
bool check_utf8(const std::string& text, const std::string& file, Diagnostics& diagnostics);

/// `text` with control characters (NUL, escape, ...) shown as '?', for messages.
[[nodiscard]] std::string printable(const std::string& text);

} // namespace steelpath::input
