// A scenario document as a tree that remembers where every value came from
// (file, line, column). Scenarios that extend other scenarios are merged as
// such trees, so every message still points at the file and line that wrote
// the value, and relative data paths resolve against the file that named them.
#pragma once

#include "input/diagnostics.hpp"
#include "input/input_limits.hpp"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace YAML {
class Node;
}

namespace steelpath::input {

/// Where a value was written: file, line and column.
struct Origin {
  std::string file; ///< path of the file (or "--set" for command-line overrides)
  int line = 0;     ///< 1-based, 0 if unknown
  int column = 0;   ///< 1-based, 0 if unknown
};

struct SourceEntry;

/// A node of a scenario document (null, scalar, sequence or map) that remembers where it was written.
class SourceNode {
public:
  /// What a node is: null, a scalar (text), a sequence or a map.
  enum class Kind { null, scalar, sequence, map };

  // Defined after SourceEntry, which must be complete for them (clang).
  SourceNode();
  /// Deep copy.
  SourceNode(const SourceNode&);
  /// Move.
  SourceNode(SourceNode&&) noexcept;
  /// Deep copy.
  SourceNode& operator=(const SourceNode&);
  /// Move.
  SourceNode& operator=(SourceNode&&) noexcept;
  ~SourceNode();
  /// A scalar with its text verbatim; `quoted`: written in quotes (text, never a number).
  static SourceNode make_scalar(std::string text, Origin origin, bool quoted = false);
  /// An empty map.
  static SourceNode make_map(Origin origin);
  /// An empty sequence.
  static SourceNode make_sequence(Origin origin);
  /// A null (an empty value, or `~`).
  static SourceNode make_null(Origin origin);
  /// Sets the origin of this node and everything below it.
  void set_origin_recursive(const Origin& origin);

  /// What the node is.
  [[nodiscard]] Kind kind() const { return kind_; }
  /// Whether the node is null.
  [[nodiscard]] bool is_null() const { return kind_ == Kind::null; }
  /// Whether the node is a scalar.
  [[nodiscard]] bool is_scalar() const { return kind_ == Kind::scalar; }
  /// Whether the node is a map.
  [[nodiscard]] bool is_map() const { return kind_ == Kind::map; }
  /// Whether the node is a sequence.
  [[nodiscard]] bool is_sequence() const { return kind_ == Kind::sequence; }
  /// Scalar text, verbatim. Precondition: is_scalar().
  [[nodiscard]] const std::string& text() const { return text_; }
  /// True for a quoted scalar ('...' or "..."): text, never a number.
  [[nodiscard]] bool quoted() const { return quoted_; }
  /// Where the node was written.
  [[nodiscard]] const Origin& origin() const { return origin_; }

  /// A map entry (defined below): key, where the key was written, value.
  using Entry = SourceEntry;
  /// A map's entries, in document order (empty for other kinds).
  [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }
  /// A map's entries, for editing.
  [[nodiscard]] std::vector<Entry>& entries() { return entries_; }
  /// A sequence's items, in order (empty for other kinds).
  [[nodiscard]] const std::vector<SourceNode>& items() const { return items_; }
  /// A sequence's items, for editing.
  [[nodiscard]] std::vector<SourceNode>& items() { return items_; }

  /// The value under `key` of a map, or nullptr.
  [[nodiscard]] const SourceNode* find(const std::string& key) const;
  /// The value under `key` of a map, for editing, or nullptr.
  [[nodiscard]] SourceNode* find(const std::string& key);
  /// The entry (key, its origin, value) under `key` of a map, or nullptr.
  [[nodiscard]] const Entry* find_entry(const std::string& key) const;
  /// Replaces the value under `key`, or appends it. Precondition: is_map().
  SourceNode& set(const std::string& key, SourceNode value, Origin key_origin = {});
  /// Appends an entry without looking for `key` first (set() does, which is
  /// quadratic over a mapping of many entries). Precondition: is_map() and no
  /// entry has `key`, e.g. while copying a mapping whose keys are unique.
  SourceNode& append(std::string key, SourceNode value, Origin key_origin = {});
  /// Removes `key` from a map; returns whether it was there.
  bool erase(const std::string& key);
  /// Appends an item to a sequence.
  void push_back(SourceNode item);

private:
  Kind kind_ = Kind::null;
  std::string text_;
  bool quoted_ = false;
  Origin origin_;
  std::vector<Entry> entries_;
  std::vector<SourceNode> items_;
};

/// A map entry, in document order.
struct SourceEntry {
  /// the key, as written
  std::string key;
  /// where the key was written
  Origin key_origin;
  /// the value under the key
  SourceNode value;
};

inline SourceNode::SourceNode() = default;
inline SourceNode::SourceNode(const SourceNode&) = default;
inline SourceNode::SourceNode(SourceNode&&) noexcept = default;
inline SourceNode& SourceNode::operator=(const SourceNode&) = default;
inline SourceNode& SourceNode::operator=(SourceNode&&) noexcept = default;
inline SourceNode::~SourceNode() = default;
inline void SourceNode::push_back(SourceNode item) {
  items_.push_back(std::move(item));
}

/// Converts a parsed YAML document. Duplicate keys, keys that are not plain
/// text, and documents that expand beyond `limits` (depth, values, bytes of
/// text; an alias inside the value it names never ends) are reported to
/// `diagnostics`. parse_document screens the text first (yaml_screen.hpp);
/// these checks keep the conversion itself safe for any tree.
[[nodiscard]] SourceNode from_yaml(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics,
                                   const InputLimits& limits = kInputLimits);

/// Deep merge for `extends`: maps merge key by key (the override's keys win,
/// a null value removes the key) where `merges(path)` says so; any other value
/// replaces the base's whole (a series is replaced, not merged point by point).
template <class MergesAt>
[[nodiscard]] SourceNode merge(SourceNode base, const SourceNode& over, const MergesAt& merges,
                               const std::string& path = "");

template <class MergesAt>
SourceNode merge(SourceNode base, const SourceNode& over, const MergesAt& merges, const std::string& path) {
  if (!base.is_map() || !over.is_map() || !merges(path)) return over;
  // The base's entries by key, so that merging many entries is not quadratic.
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < base.entries().size(); ++i)
    index.emplace(base.entries()[i].key, i);
  std::vector<bool> removed(base.entries().size(), false);
  for (const auto& e : over.entries()) {
    const auto it = index.find(e.key);
    if (e.value.is_null()) {
      if (it != index.end() && it->second < removed.size()) removed[it->second] = true;
      continue;
    }
    if (it == index.end()) {
      index.emplace(e.key, base.entries().size());
      base.append(e.key, e.value, e.key_origin);
      continue;
    }
    SourceEntry& existing = base.entries()[it->second];
    if (existing.value.is_map() && e.value.is_map())
      existing.value =
          merge(std::move(existing.value), e.value, merges, path.empty() ? e.key : path + "." + e.key);
    else
      existing.value = e.value; // in place, keeping where the key first stood
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < base.entries().size(); ++i) {
    if (i < removed.size() && removed[i]) continue;
    if (kept != i) base.entries()[kept] = std::move(base.entries()[i]); // never onto itself
    ++kept;
  }
  base.entries().resize(kept);
  return base;
}

/// "file:line:column" of an origin (parts that are unknown are left out).
[[nodiscard]] std::string format_origin(const Origin& origin);

} // namespace steelpath::input
