// A small CSV reader for the project's data tables (RFC 4180 quoting, a header
// row, '#' comment lines, CRLF or LF). Every row keeps its line number so that
// messages can point at it.
#pragma once

#include "input/diagnostics.hpp"

#include <optional>
#include <string>
#include <vector>

namespace steelpath::input {

struct CsvRow {
  int line = 0; ///< 1-based line in the file where the row starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;

  /// Index of a header column, or nullopt.
  [[nodiscard]] std::optional<std::size_t> column(const std::string& name) const;
};

/// Parses CSV text. Malformed rows (an unterminated quote, a wrong number of
/// fields) are reported to `diagnostics` and skipped.
[[nodiscard]] CsvTable parse_csv(const std::string& text, const std::string& file, Diagnostics& diagnostics);

} // namespace steelpath::input
