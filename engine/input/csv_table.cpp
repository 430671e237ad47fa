#include "input/csv_table.hpp"

#include "input/text_encoding.hpp"

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

} // namespace

CsvTable parse_csv(const std::string& text, const std::string& file, Diagnostics& diag) {
  CsvTable table;
  table.file = file;
  if (!check_utf8(text, file, diag)) return table;
  std::size_t i = 0;
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
