// Problems found in user input, each with the place it was found (file, line,
// column), the key path inside the scenario, what was found and what was
// expected. Readers collect every problem of a file in one pass, then the
// loader throws them together as one InputError.
#pragma once

#include <string>
#include <vector>

namespace steelpath::input {

/// One problem in user input: where it was found, its key path and what is wrong.
struct Diagnostic {
  std::string file;    ///< path as given by the user
  int line = 0;        ///< 1-based; 0 when the problem is not tied to a line
  int column = 0;      ///< 1-based; 0 when unknown
  std::string path;    ///< key path inside the scenario, e.g. "technologies.bf_bof.capex_reline"
  std::string message; ///< what was found and what was expected

  /// "file:line:column: SEVERITY: path: message" (SEVERITY: "error" or "warning")
  [[nodiscard]] std::string format(const char* severity = "error") const;
};

/// The problems a reader found, collected in one pass and thrown together.
class Diagnostics {
public:
  /// Adds a problem.
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  /// Whether no problem was found.
  [[nodiscard]] bool empty() const { return items_.empty(); }
  /// Number of problems.
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  /// The problems, in the order found.
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  /// Throws InputError listing every diagnostic, if there is any.
  void throw_if_any() const;

private:
  std::vector<Diagnostic> items_;
};

/// Levenshtein distance between two strings (insertions, deletions, substitutions).
[[nodiscard]] std::size_t edit_distance(const std::string& a, const std::string& b);

/// The closest of `candidates` to `word` by edit distance, or "" when none is
/// close enough to be a plausible typo.
[[nodiscard]] std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

/// " (did you mean X?)" or "" — for unknown keys and dangling references.
[[nodiscard]] std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

} // namespace steelpath::input
