#include "input/bounds.hpp"

#include <cmath>
#include <sstream>

namespace steelpath::input {

namespace {
// Whole numbers in full ("1000000", not "1e+06"); others as the shortest text.
std::string format_number(double v) {
  if (std::trunc(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::ostringstream os;
  os << v;
  return os.str();
}
} // namespace

std::string Bounds::describe() const {
  const bool has_lo = lo > -std::numeric_limits<double>::max();
  const bool has_hi = hi < std::numeric_limits<double>::max();
  if (has_lo && has_hi) return "a number in [" + format_number(lo) + ", " + format_number(hi) + "]";
  if (has_lo) return "a number >= " + format_number(lo);
  if (has_hi) return "a number <= " + format_number(hi);
  return "a finite number";
}

std::string join_path(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

} // namespace steelpath::input
