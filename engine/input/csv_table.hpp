// A small CSV reader for the project's data tables (RFC 4180 quoting, a header
// row, '#' comment lines, CRLF or LF). Every row keeps its line number so that
// messages can point at it.
#pragma once

#include "input/diagnostics.hpp"
#include "input/input_limits.hpp"

#include <optional>
#include <string>
#include <vector>

namespace steelpath::input {

/// One data row of a CSV table, with the line it starts on.
struct CsvRow {
  int line = 0; ///< 1-based line in the file where the row starts
  /// the row's fields, unquoted, in column order
  std::vector<std::string> fields;
};

/// A parsed CSV table: its header and data rows.
struct CsvTable {
  /// the file it was read from, as given (for messages)
  std::string file;
  /// column names, in order
  std::vector<std::string> header;
  /// data rows (comment lines and malformed rows left out)
  std::vector<CsvRow> rows;

  /// Index of a header column, or nullopt.
  [[nodiscard]] std::optional<std::size_t> column(const std::string& name) const;
};

/// Parses CSV text. Malformed rows (an unterminated quote, a wrong number of
/// fields, a cell longer than the limit or with a control character such as
/// NUL) are reported to `diagnostics` and skipped; past `max_rows` data rows
/// the reading stops with a message (input_limits.hpp).
[[nodiscard]] CsvTable parse_csv(const std::string& text, const std::string& file, Diagnostics& diagnostics,
                                 std::size_t max_rows = kInputLimits.max_fleet_rows);

} // namespace steelpath::input
