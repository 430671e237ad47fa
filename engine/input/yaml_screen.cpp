#include "input/yaml_screen.hpp"

#include "input/bounds.hpp"
#include "input/text_encoding.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cstdint>
#include <cstdio>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace steelpath::input {

namespace {

// What a value amounts to once its aliases are expanded.
struct Extent {
  std::uint64_t nodes = 0; // values and keys
  std::uint64_t bytes = 0; // text of scalars and keys
  std::size_t height = 1;  // levels of nesting: 1 for a scalar
};

// The first problem found: thrown out of the parser to stop it at once.
struct Stop {
  YAML::Mark mark;
  std::string path;
  std::string message;
};

// An open mapping or sequence.
struct Frame {
  bool map = false;
  bool at_key = true;    // mapping: the next value is a key
  std::string key;       // mapping: the current key, for paths
  std::size_t index = 0; // sequence: the current item, for paths
  YAML::anchor_t anchor = YAML::NullAnchor;
  Extent start;           // the document's counts before this value
  std::size_t height = 1; // of this value so far
};

// "16 MiB", "64 KiB" or "5 bytes".
std::string size_text(std::uint64_t bytes) {
  if (bytes > 0 && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes > 0 && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

class Screen final : public YAML::EventHandler {
public:
  Screen(const std::string& text, const InputLimits& limits) : text_(text), limits_(limits) {
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) bom_ = 3; // marks count from after a byte-order mark
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ == 1) return;
    if (comma_at(mark)) stop_at_comma(mark);
    throw Stop{mark, "", "a second YAML document (after '---'): one scenario per file"};
  }
  void OnDocumentEnd() override {}

  void OnAnchor(const YAML::Mark& /*mark*/, const std::string& name) override { anchor_name_ = name; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    // yaml-cpp reads a ',' outside [...] and {...} as an empty value without
    // consuming it, again and again.
    if (stack_.empty() && comma_at(mark)) stop_at_comma(mark);
    value(mark, anchor, {1, 0, 1});
  }

  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& text) override {
    const bool key = !stack_.empty() && stack_.back().map && stack_.back().at_key;
    const char* what = key ? "a key" : "a value";
    if (text.size() > limits_.max_string_bytes)
      throw Stop{mark, path(),
                 std::string(what) + " of " + std::to_string(text.size()) + " bytes: expected at most " +
                     size_text(limits_.max_string_bytes) + " (docs/scenarios.md, Limits)"};
    for (const char c : text)
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
        throw Stop{mark, path(),
                   std::string(what) + " with a control character (byte " + hex + "): '" +
                       printable(text.substr(0, 60)) + "'; expected text"};
      }
    if (key) stack_.back().key = text;
    value(mark, anchor, {1, text.size(), 1});
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = done_.find(anchor);
    if (it == done_.end()) // not finished: the alias is inside the value it names
      throw Stop{mark, path(),
                 "the alias *" + names_[anchor] + " is inside the value &" + names_[anchor] +
                     " names, so the document never ends; expected an alias to a value written before it"};
    if (!stack_.empty() && stack_.back().map && stack_.back().at_key)
      stack_.back().key = "*" + names_[anchor];
    value(mark, YAML::NullAnchor, it->second);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor, false);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(mark, anchor, true);
  }
  void OnMapEnd() override { close(); }

private:
  // The key path of the value being read: "a.b[2].c".
  [[nodiscard]] std::string path() const {
    std::string p;
    for (const Frame& f : stack_) {
      if (!f.map)
        p += "[" + std::to_string(f.index) + "]";
      else if (!f.at_key)
        p = join_path(p, printable(f.key.size() > 60 ? f.key.substr(0, 60) + "..." : f.key));
    }
    return p;
  }

  [[nodiscard]] bool comma_at(const YAML::Mark& mark) const {
    const auto at = static_cast<std::size_t>(mark.pos) + bom_;
    return mark.pos >= 0 && at < text_.size() && text_[at] == ',';
  }

  [[noreturn]] void stop_at_comma(const YAML::Mark& mark) const {
    throw Stop{mark, path(),
               "unexpected ',' at the top level: a comma separates items only inside [...] or {...}"};
  }

  void name(YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) names_[anchor] = anchor_name_;
  }

  // Counts a value (a scalar, a null, an alias's expansion) or the start of a collection.
  void count(const YAML::Mark& mark, const Extent& e, std::size_t depth) {
    if (depth > limits_.max_depth)
      throw Stop{mark, path(),
                 "nesting " + std::to_string(depth) + " levels deep (aliases expanded): expected at most " +
                     std::to_string(limits_.max_depth) + " (docs/scenarios.md, Limits)"};
    total_.nodes += e.nodes;
    total_.bytes += e.bytes;
    if (total_.nodes > limits_.max_nodes)
      throw Stop{mark, path(),
                 "more than " + std::to_string(limits_.max_nodes) +
                     " values and keys once aliases are expanded: expected a smaller document "
                     "(docs/scenarios.md, Limits)"};
    if (total_.bytes > limits_.max_expanded_bytes)
      throw Stop{mark, path(),
                 "more than " + size_text(limits_.max_expanded_bytes) +
                     " of text once aliases are expanded: expected a smaller document "
                     "(docs/scenarios.md, Limits)"};
  }

  void value(const YAML::Mark& mark, YAML::anchor_t anchor, const Extent& e) {
    name(anchor);
    count(mark, e, stack_.size() + e.height);
    if (anchor != YAML::NullAnchor) done_[anchor] = e;
    finished(e.height);
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, bool map) {
    name(anchor);
    const Extent before = total_;
    count(mark, {1, 0, 1}, stack_.size() + 1);
    if (!stack_.empty() && stack_.back().map && stack_.back().at_key) stack_.back().key = "?";
    Frame f;
    f.map = map;
    f.anchor = anchor;
    f.start = before;
    stack_.push_back(std::move(f));
  }

  void close() {
    const Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.anchor != YAML::NullAnchor)
      done_[f.anchor] = {total_.nodes - f.start.nodes, total_.bytes - f.start.bytes, f.height};
    finished(f.height);
  }

  // The current value of the innermost collection is complete.
  void finished(std::size_t height) {
    if (stack_.empty()) return;
    Frame& parent = stack_.back();
    parent.height = std::max(parent.height, height + 1);
    if (parent.map)
      parent.at_key = !parent.at_key;
    else
      ++parent.index;
  }

  const std::string& text_;
  const InputLimits& limits_;
  std::size_t bom_ = 0;
  int documents_ = 0;
  Extent total_{0, 0, 0};
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Extent> done_;       // finished anchored values
  std::unordered_map<YAML::anchor_t, std::string> names_; // anchor names, for messages
  std::string anchor_name_;                               // the last anchor announced
};

} // namespace

bool screen_yaml(const std::string& text, const std::string& file, Diagnostics& diagnostics,
                 const InputLimits& limits) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  Screen screen(text, limits);
  try {
    // At most two documents are looked at: a second one is refused as it starts.
    if (parser.HandleNextDocument(screen)) (void)parser.HandleNextDocument(screen);
    return true;
  } catch (const Stop& s) {
    diagnostics.add({file, s.mark.line + 1, s.mark.column + 1, s.path, s.message});
  } catch (const YAML::Exception& e) {
    diagnostics.add({file, e.mark.line + 1, e.mark.column + 1, "", "YAML syntax: " + e.msg});
  }
  return false;
}

} // namespace steelpath::input
