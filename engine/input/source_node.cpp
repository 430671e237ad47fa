#include "input/source_node.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <unordered_map>

namespace steelpath::input {

SourceNode SourceNode::make_scalar(std::string text, Origin origin, bool quoted) {
  SourceNode n;
  n.kind_ = Kind::scalar;
  n.text_ = std::move(text);
  n.origin_ = std::move(origin);
  n.quoted_ = quoted;
  return n;
}

SourceNode SourceNode::make_map(Origin origin) {
  SourceNode n;
  n.kind_ = Kind::map;
  n.origin_ = std::move(origin);
  return n;
}

SourceNode SourceNode::make_sequence(Origin origin) {
  SourceNode n;
  n.kind_ = Kind::sequence;
  n.origin_ = std::move(origin);
  return n;
}

SourceNode SourceNode::make_null(Origin origin) {
  SourceNode n;
  n.origin_ = std::move(origin);
  return n;
}

void SourceNode::set_origin_recursive(const Origin& origin) {
  origin_ = origin;
  for (auto& e : entries_) {
    e.key_origin = origin;
    e.value.set_origin_recursive(origin);
  }
  for (auto& i : items_)
    i.set_origin_recursive(origin);
}

const SourceNode::Entry* SourceNode::find_entry(const std::string& key) const {
  const auto it =
      std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
  return it == entries_.end() ? nullptr : &*it;
}

const SourceNode* SourceNode::find(const std::string& key) const {
  const Entry* e = find_entry(key);
  return e ? &e->value : nullptr;
}

SourceNode* SourceNode::find(const std::string& key) {
  return const_cast<SourceNode*>(static_cast<const SourceNode*>(this)->find(key));
}

SourceNode& SourceNode::set(const std::string& key, SourceNode value, Origin key_origin) {
  for (auto& e : entries_)
    if (e.key == key) {
      e.value = std::move(value);
      return e.value;
    }
  entries_.push_back({key, std::move(key_origin), std::move(value)});
  return entries_.back().value;
}

SourceNode& SourceNode::append(std::string key, SourceNode value, Origin key_origin) {
  entries_.push_back({std::move(key), std::move(key_origin), std::move(value)});
  return entries_.back().value;
}

bool SourceNode::erase(const std::string& key) {
  const auto it =
      std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
  if (it == entries_.end()) return false;
  entries_.erase(it);
  return true;
}

std::string format_origin(const Origin& o) {
  std::string s = o.file;
  if (o.line > 0) {
    s.append(":").append(std::to_string(o.line));
    if (o.column > 0) s.append(":").append(std::to_string(o.column));
  }
  return s;
}

namespace {

Origin origin_of(const YAML::Node& n, const std::string& file) {
  const YAML::Mark m = n.Mark();
  return {file, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
}

struct Converter {
  const std::string& file;
  Diagnostics& diag;
  const InputLimits& limits;
  std::size_t nodes = 0;
  std::size_t bytes = 0;
  bool exhausted = false;

  // Whether converting a value at `depth` (1: the top level) holding `text`
  // stays within the limits; reports the first crossing once. The depth
  // limit also ends an alias inside the value it names (a cycle), which
  // would otherwise recurse until the stack overflows.
  bool within_limits(const YAML::Node& n, std::size_t depth, std::size_t text) {
    if (exhausted) return false;
    ++nodes;
    bytes += text;
    std::string why;
    if (depth > limits.max_depth)
      why = "nesting deeper than " + std::to_string(limits.max_depth) + " levels (an alias inside itself?)";
    else if (nodes > limits.max_nodes)
      why = "more than " + std::to_string(limits.max_nodes) + " values and keys (alias expansion?)";
    else if (bytes > limits.max_expanded_bytes)
      why = "more than " + std::to_string(limits.max_expanded_bytes) + " bytes of text (alias expansion?)";
    if (why.empty()) return true;
    const Origin o = origin_of(n, file);
    diag.add({file, o.line, o.column, "", "document too large: " + why + "; see docs/scenarios.md, Limits"});
    exhausted = true;
    return false;
  }

  SourceNode convert(const YAML::Node& n, std::size_t depth) {
    const bool scalar = n.Type() == YAML::NodeType::Scalar;
    if (!within_limits(n, depth, scalar ? n.Scalar().size() : 0)) return {};
    const Origin o = origin_of(n, file);
    switch (n.Type()) {
    case YAML::NodeType::Scalar:
      return SourceNode::make_scalar(n.Scalar(), o, n.Tag() == "!");
    case YAML::NodeType::Sequence: {
      SourceNode s = SourceNode::make_sequence(o);
      for (const auto& item : n)
        s.push_back(convert(item, depth + 1));
      return s;
    }
    case YAML::NodeType::Map: {
      SourceNode m = SourceNode::make_map(o);
      // Keys seen, with their lines: a hash, not a search of the entries, so
      // a mapping of 100,000 keys takes milliseconds, not minutes.
      std::unordered_map<std::string, int> seen;
      for (const auto& kv : n) {
        const Origin ko = origin_of(kv.first, file);
        if (!kv.first.IsScalar()) {
          diag.add(
              {file, ko.line, ko.column, "", "expected a plain text key, found a list or mapping as key"});
          continue;
        }
        const std::string& key = kv.first.Scalar();
        if (!within_limits(kv.first, depth + 1, key.size())) return m;
        if (const auto [first, added] = seen.emplace(key, ko.line); !added) {
          diag.add(
              {file, ko.line, ko.column, key,
               "duplicate key '" + key + "' (first written at line " + std::to_string(first->second) + ")"});
          continue;
        }
        m.append(key, convert(kv.second, depth + 1), ko);
      }
      return m;
    }
    default:
      return SourceNode::make_null(o);
    }
  }
  using Entry = SourceNode::Entry;
};

} // namespace

SourceNode from_yaml(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics,
                     const InputLimits& limits) {
  Converter c{file, diagnostics, limits};
  return c.convert(node, 1);
}

} // namespace steelpath::input
