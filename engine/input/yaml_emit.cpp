#include "input/yaml_emit.hpp"

#include "input/quantity.hpp"

#include <yaml-cpp/yaml.h>

namespace steelpath::input {

namespace {

bool all_scalars(const SourceNode& n) {
  for (const auto& e : n.entries())
    if (!e.value.is_scalar()) return false;
  for (const auto& i : n.items())
    if (!i.is_scalar()) return false;
  return true;
}

void emit(YAML::Emitter& out, const SourceNode& n) {
  switch (n.kind()) {
  case SourceNode::Kind::null:
    out << YAML::Null;
    break;
  case SourceNode::Kind::scalar:
    // Numbers stay plain; text that would read back as a number is quoted.
    if (plain_number(n) || n.text() == "true" || n.text() == "false")
      out << n.text();
    else
      out << YAML::DoubleQuoted << n.text();
    break;
  case SourceNode::Kind::sequence:
    out << YAML::Flow << YAML::BeginSeq;
    for (const auto& i : n.items())
      emit(out, i);
    out << YAML::EndSeq;
    break;
  case SourceNode::Kind::map:
    if (all_scalars(n) && !n.entries().empty()) out << YAML::Flow;
    out << YAML::BeginMap;
    for (const auto& e : n.entries()) {
      out << YAML::Key << e.key << YAML::Value;
      emit(out, e.value);
    }
    out << YAML::EndMap;
    break;
  }
}

} // namespace

std::string emit_yaml(const SourceNode& node) {
  YAML::Emitter out;
  emit(out, node);
  std::string s = out.c_str();
  if (s.empty() || s.back() != '\n') s += '\n';
  return s;
}

} // namespace steelpath::input
