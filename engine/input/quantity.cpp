#include "input/quantity.hpp"

#include <charconv>
#include <cmath>

namespace steelpath::input {

std::string show(const SourceNode& n) {
  switch (n.kind()) {
  case SourceNode::Kind::null:
    return "nothing";
  case SourceNode::Kind::scalar:
    return "'" + n.text() + "'";
  case SourceNode::Kind::sequence:
    return "a list";
  case SourceNode::Kind::map:
    return "a mapping";
  }
  return "?";
}

std::string format_double(double v) {
  char buf[64];
  const auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc{} ? std::string(buf, p) : std::string("nan");
}

std::string describe_expected(Bounds bounds, const std::string& unit) {
  std::string s = bounds.describe();
  if (!unit.empty() && unit != "1") s.append(" in ").append(unit);
  return s;
}

std::optional<double> plain_number(const SourceNode& node) {
  if (!node.is_scalar() || node.quoted()) return std::nullopt;
  std::string text = node.text();
  if (!text.empty() && text.front() == '+') text.erase(0, 1);
  // YAML writes NaN and infinity as .nan and .inf; read them so that the
  // message can say "not finite" rather than "not a number".
  for (const char* special : {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF"})
    if (text == special) {
      text.erase(text.find('.'), 1);
      break;
    }
  double v = 0.0;
  const auto* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v);
  if (p != end || text.empty()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) return std::copysign(HUGE_VAL, text.front() == '-' ? -1.0 : 1.0);
  if (ec != std::errc{}) return std::nullopt;
  return v;
}

std::optional<double> read_quantity(const SourceNode& node, const std::string& unit, Bounds bounds,
                                    const ExchangeRates& rates, std::string& error) {
  const std::string expected = "expected " + describe_expected(bounds, unit);
  std::optional<double> v = plain_number(node);
  if (!v && node.is_scalar()) {
    const auto q = split_quantity(node.text());
    if (q && !q->unit.empty()) {
      std::string why;
      v = convert(q->value, q->unit, unit.empty() ? "1" : unit, rates, why);
      if (!v) {
        error = expected + ", found '" + node.text() + "': " + why;
        return std::nullopt;
      }
    } else if (node.quoted() && q) {
      error = expected + ", found the text '" + node.text() + "' (remove the quotes)";
      return std::nullopt;
    }
  }
  if (!v) {
    error = expected + ", found " + show(node);
    return std::nullopt;
  }
  if (!std::isfinite(*v)) {
    error = expected + ", found " + show(node) + " (not finite)";
    return std::nullopt;
  }
  if (*v < bounds.lo || *v > bounds.hi) {
    error = expected + ", found " +
            (plain_number(node) ? node.text() : format_double(*v) + " (written '" + node.text() + "')");
    return std::nullopt;
  }
  return v;
}

std::optional<int> read_whole(const SourceNode& node, Bounds bounds, std::string& error) {
  const auto v = plain_number(node);
  if (!v || !std::isfinite(*v) || std::trunc(*v) != *v) {
    error = "expected a whole number, found " + show(node);
    return std::nullopt;
  }
  if (*v < bounds.lo || *v > bounds.hi) {
    error = "expected " + bounds.describe() + ", found " + node.text();
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

} // namespace steelpath::input
