#include "input/csv_table.hpp"

namespace steelpath::input {

std::optional<std::size_t> CsvTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

namespace {

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
  std::size_t i = 0;
  int line = 1;
  const std::size_t n = text.size();
  if (n >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3; // UTF-8 byte-order mark

  while (i < n) {
    const int row_line = line;
    std::vector<std::string> fields(1);
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
      } else if (c == '"' && fields.back().empty()) {
        quoted = true;
        if (fields.size() == 1) first_quoted = true;
      } else if (c == ',') {
        fields.emplace_back();
      } else if (c == '\n') {
        ++i;
        ++line;
        break;
      } else if (c != '\r') {
        fields.back() += c;
      }
    }
    if (quoted) {
      diag.add({file, row_line, 0, "", "unterminated quoted field"});
      bad = true;
    }
    if (bad || blank_or_comment(fields, first_quoted)) continue;
    if (table.header.empty()) {
      table.header = std::move(fields);
      for (auto& h : table.header) {
        const auto a = h.find_first_not_of(" \t");
        const auto b = h.find_last_not_of(" \t");
        h = a == std::string::npos ? std::string{} : h.substr(a, b - a + 1);
      }
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
