#include "input/csv_table.hpp"

#include "input/text_encoding.hpp"

#include <cstdio>

namespace steelpath::input {

std::optional<std::size_t> CsvTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

namespace {

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

bool blank_or_comment(const std::vector<std::string>& fields, bool first_quoted) {
  if (first_quoted) return false;
  if (fields.size() == 1 && fields[0].find_first_not_of(" \t") == std::string::npos) return true;
  const auto pos = fields[0].find_first_not_of(" \t");
  return pos != std::string::npos && fields[0][pos] == '#';
}

// The first problem of a cell that no table may hold: more text than the
// limit, or a control character (a NUL in an id would pass every lookup
// by name and print as nothing). Tabs, and line ends inside quotes, are text.
std::string bad_cell(const std::string& cell) {
  if (cell.size() > kInputLimits.max_string_bytes)
    return "a cell of " + std::to_string(cell.size()) + " bytes: expected at most " +
           std::to_string(kInputLimits.max_string_bytes >> 10) + " KiB (docs/scenarios.md, Limits)";
  for (const char c : cell)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      return std::string("expected text without control characters, found byte ") + hex + " in '" +
             printable(cell.substr(0, 60)) + "'";
    }
  return {};
}

} // namespace

CsvTable parse_csv(const std::string& text, const std::string& file, Diagnostics& diag,
                   std::size_t max_rows) {
  CsvTable table;
  table.file = file;
  if (!check_utf8(text, file, diag)) return table;
  std::size_t i = 0;
  std::size_t data_rows = 0;
  int line = 1;
  const std::size_t n = text.size();
  if (n >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3; // UTF-8 byte-order mark

  while (i < n) {
    const int row_line = line;
    std::vector<std::string> fields(1);
    std::vector<bool> was_quoted(1, false);
    bool quoted = false;
    bool first_quoted = false;
    bool bad = false;
    for (; i < n; ++i) {
      const char c = text[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            fields.back() += '"';
            ++i;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++line;
          fields.back() += c;
        }
      } else if (c == '"' && trim(fields.back()).empty()) {
        quoted = true;
        fields.back().clear();
        was_quoted.back() = true;
        if (fields.size() == 1) first_quoted = true;
      } else if (c == ',') {
        fields.emplace_back();
        was_quoted.push_back(false);
      } else if (c == '\n' || c == '\r') {
        // LF, CRLF and CR alone all end a row.
        if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
        ++i;
        ++line;
        break;
      } else {
        fields.back() += c;
      }
    }
    if (quoted) {
      diag.add({file, row_line, 0, "", "unterminated quoted field"});
      bad = true;
    }
    if (bad || blank_or_comment(fields, first_quoted)) continue;
    // Spaces around unquoted cells are not part of them ("a, b" reads as "a","b").
    for (std::size_t f = 0; f < fields.size(); ++f)
      if (!was_quoted[f]) fields[f] = trim(fields[f]);
    for (std::size_t f = 0; f < fields.size() && !bad; ++f)
      if (const std::string why = bad_cell(fields[f]); !why.empty()) {
        const bool named = !table.header.empty() && f < table.header.size();
        diag.add({file, row_line, static_cast<int>(f) + 1, named ? table.header[f] : "", why});
        bad = true;
      }
    if (bad) continue;
    if (!table.header.empty() && ++data_rows > max_rows) {
      diag.add({file, row_line, 0, "",
                "more than " + std::to_string(max_rows) +
                    " data rows: expected at most that many (docs/scenarios.md, Limits)"});
      break; // at once: the rest is not read
    }
    if (table.header.empty()) {
      table.header = std::move(fields);
      continue;
    }
    if (fields.size() != table.header.size()) {
      diag.add({file, row_line, 0, "",
                "expected " + std::to_string(table.header.size()) + " fields (as in the header), found " +
                    std::to_string(fields.size())});
      continue;
    }
    table.rows.push_back({row_line, std::move(fields)});
  }
  if (table.header.empty()) diag.add({file, 1, 0, "", "empty CSV file: expected a header row"});
  return table;
}

} // namespace steelpath::input
