#include "input/diagnostics.hpp"

#include "model/errors.hpp"

#include <algorithm>

namespace steelpath::input {

std::string Diagnostic::format(const char* severity) const {
  std::string s = file;
  if (line > 0) {
    s.append(":").append(std::to_string(line));
    if (column > 0) s.append(":").append(std::to_string(column));
  }
  s.append(": ").append(severity).append(": ");
  if (!path.empty()) s.append(path).append(": ");
  return s.append(message);
}

void Diagnostics::throw_if_any() const {
  if (items_.empty()) return;
  std::string msg;
  for (const auto& d : items_)
    msg += d.format() + "\n";
  msg += std::to_string(items_.size()) + (items_.size() == 1 ? " error" : " errors");
  throw InputError(msg);
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  // A truncated or extended key ("growth" for "growth_rate") is a likely typo too.
  if (best.empty() && word.size() >= 4)
    for (const auto& c : candidates)
      if (c.rfind(word, 0) == 0 || word.rfind(c, 0) == 0 || c.find(word) != std::string::npos) return c;
  return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string m = closest_match(word, candidates);
  if (m.empty()) return {};
  // Appended piecewise: GCC 12 reports a false -Wrestrict on "lit" + s + "lit" (GCC bug 105651).
  std::string s = " (did you mean ";
  s.append(m).append("?)");
  return s;
}

} // namespace steelpath::input
