// The definition of the scenario format: every section and key, its kind,
// unit, range, default and meaning. The validator, the JSON Schema for
// editors (json_schema.hpp), the parameter paths (`--set`, levers,
// uncertainties) and the key tables in docs/scenarios.md all derive from this
// one table, so they cannot disagree.
#pragma once

#include "input/bounds.hpp"
#include "input/spec_binding.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace steelpath::input {

/// What kind of node of the scenario format a Spec describes.
enum class SpecKind {
  record,        ///< a mapping with fixed keys (fields)
  map_of,        ///< a mapping from ids the user chooses to entries of one spec
  number,        ///< a finite number, optionally written with a unit
  integer,       ///< a whole number (years, counts)
  text,          ///< a string
  path,          ///< a file path, relative to the file that wrote it
  ref,           ///< a string naming an entry of another section (`ref`)
  ref_map,       ///< a mapping whose keys name entries of another section, values per `entry`
  ref_list,      ///< a list of strings naming entries of another section (`ref`)
  series,        ///< a yearly series: constant, {year: value}, or growth
  levers,        ///< the levers section (parameter path -> values)
  uncertainties, ///< the uncertainties section (parameter path -> distribution)
};

/// One node of the scenario format: a section, key or leaf with its kind, unit, range, default and doc.
struct Spec {
  // Defined below the struct: `fields` and `entry` hold Specs, which must be
  // complete where these are instantiated (clang 14 with libstdc++ 12).
  Spec();                           ///< an empty record
  Spec(const Spec&);                ///< a deep copy
  Spec(Spec&&) noexcept;            ///< moves the subtree
  Spec& operator=(const Spec&);     ///< a deep copy
  Spec& operator=(Spec&&) noexcept; ///< moves the subtree
  ~Spec();                          ///< frees the subtree

  /// what kind of node it is
  SpecKind kind = SpecKind::record;
  std::string doc;  ///< one line: what it is
  std::string unit; ///< documented unit; "@commodity" stands for the commodity's own unit
  Bounds bounds;    ///< range of numbers (and series values)
  /// the key must be written (no default)
  bool required = false;
  std::optional<std::string> default_text; ///< default as YAML text, when not required
  std::string ref;                         ///< ref / ref_map: the top-level section whose ids are valid
  std::string entry_name;                  ///< map_of / ref_map: what one entry is ("technology")
  std::vector<std::string> choices;        ///< text: the allowed values (empty: any)
  std::vector<std::pair<std::string, Spec>> fields; ///< record
  std::vector<Spec> entry; ///< map_of / ref_map: exactly one element, the entries' spec
  /// number / integer / series: the model field the leaf is read into.
  Binding binding;
  /// map_of / ref_map: which index an entry's key sets on a parameter path.
  int EntryIndex::*index = nullptr;
  /// An optional leaf without a written default takes this leaf's value:
  /// a sibling's key ("capex_greenfield") or a root path ("finance.discount_rate").
  std::string default_from;

  /// The spec of field `name` of a record; nullptr if none.
  [[nodiscard]] const Spec* field(const std::string& name) const;
  /// The names of a record's fields, in order.
  [[nodiscard]] std::vector<std::string> field_names() const;
};

inline Spec::Spec() = default;
inline Spec::Spec(const Spec&) = default;
inline Spec::Spec(Spec&&) noexcept = default;
inline Spec& Spec::operator=(const Spec&) = default;
inline Spec& Spec::operator=(Spec&&) noexcept = default;
inline Spec::~Spec() = default;

/// The root of the scenario format.
[[nodiscard]] const Spec& scenario_spec();

/// The unit of a spec with "@commodity" replaced by `commodity_unit`.
[[nodiscard]] std::string concrete_unit(const std::string& unit, const std::string& commodity_unit);

} // namespace steelpath::input
