// The small text helpers `steelpath info` and `compare` print with: JSON
// strings, numbers and objects written field by field, and fixed-point text.
// Non-finite numbers are JSON null and "-" in text.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace steelpath::cli {

/// `s` as a quoted JSON string (quotes, backslashes and control characters escaped).
inline std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

/// The shortest text that reads back to the same double; null if not finite.
inline std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc{} ? std::string(buf, end) : "null";
}

/// `v` with `digits` decimals, "-" if not finite.
inline std::string fixed(double v, int digits = 1) {
  if (!std::isfinite(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

/// A JSON object written field by field, in order.
class Json {
public:
  /// A field whose value is already JSON text.
  void field(const std::string& key, const std::string& raw) { items_.emplace_back(key, raw); }
  /// A field whose value is a string (quoted and escaped here).
  void text(const std::string& key, const std::string& v) { field(key, json_string(v)); }
  /// A field whose value is a number (null if not finite).
  void number(const std::string& key, double v) { field(key, json_number(v)); }
  /// The object as JSON text: {"key": value, ...}.
  [[nodiscard]] std::string str() const {
    std::string s = "{";
    for (std::size_t i = 0; i < items_.size(); ++i)
      s += (i ? ", " : "") + json_string(items_[i].first) + ": " + items_[i].second;
    return s + "}";
  }

private:
  std::vector<std::pair<std::string, std::string>> items_;
};

/// A JSON array of values that are already JSON text.
inline std::string json_list(const std::vector<std::string>& raw) {
  std::string s = "[";
  for (std::size_t i = 0; i < raw.size(); ++i)
    s += (i ? ", " : "") + raw[i];
  return s + "]";
}

} // namespace steelpath::cli
