// A typed slot for one sampled parameter of an ensemble member: the parameter
// path resolved once, against a lever setting's resolved document and built
// Scenario, to the model field it binds (spec_binding.hpp); each member then
// sets its sampled value (or factor) into a copy of the setting's Scenario
// without going back through the YAML document.
//
// A slot changes exactly what the document route would: a number, a whole
// series, one point of a series (a constant becomes points), a growth
// series' part, or all of these scaled by a factor; an optional leaf that
// takes its default from this one (capex_switch from capex_greenfield, a
// company's hurdle rate from finance.discount_rate) follows it. Values are
// checked by the validator's own leaf check; a value it refuses is reported
// by building the member through the document, which names key and bound.
#pragma once

#include "input/scenario_spec.hpp"
#include "input/scenario_validator.hpp"
#include "input/source_node.hpp"
#include "model/scenario.hpp"

#include <optional>
#include <string>
#include <vector>

namespace steelpath::input {

/// The leaf of the format a parameter path names, with the indices of the
/// entries on the way; `parts_used` counts the path's parts down to the leaf
/// (one less than all for a series point or part).
struct FormatLeaf {
  const Spec* spec = nullptr;   ///< number, integer or series
  const Spec* parent = nullptr; ///< the record holding it (nullptr inside a ref_map)
  /// the entries on the way to the leaf
  EntryIndex index;
  std::string commodity; ///< the commodity whose unit "@commodity" means, if any
  /// parts of the path down to the leaf
  std::size_t parts_used = 0;
};

/// Walks `parts` down the format and the scenario's entries (ids must exist
/// in `s`); nullopt when they lead to no leaf.
[[nodiscard]] std::optional<FormatLeaf> find_leaf(const std::vector<std::string>& parts, const Scenario& s);

/// A dotted path's parts.
[[nodiscard]] std::vector<std::string> split_path(const std::string& path);

/// One sampled parameter of an ensemble member, bound once to its model field and set per member.
class ParameterSlot {
public:
  /// The slot of `path` (a sampled value, or with `scale` a factor) in a
  /// setting whose resolved document is `doc` (facts: collect_facts(doc))
  /// and whose Scenario is `s`. Nullopt when the path cannot be set in place
  /// (no model field, the object that would hold it absent, the horizon):
  /// such members are built through the document.
  [[nodiscard]] static std::optional<ParameterSlot> resolve(const std::string& path, bool scale,
                                                            const SourceNode& doc, const DocumentFacts& facts,
                                                            const Scenario& s);

  /// Sets the sample into `s` (a copy of the setting's Scenario). False when
  /// the value is not valid there; `s` is then partly changed and must be dropped.
  [[nodiscard]] bool apply(Scenario& s, double sample) const;

  /// The parameter path it sets.
  [[nodiscard]] const std::string& path() const { return path_; }
  /// Every path the slot writes: its own and its followers'.
  [[nodiscard]] const std::vector<std::string>& written() const { return written_; }

private:
  enum class Shape { number, series, series_point, series_part };
  struct Follower {
    Binding binding;
    EntryIndex index;
  };
  void find_followers(const Spec* parent, const SourceNode* parent_node,
                      const std::vector<std::string>& parts, const SourceNode& doc, const Scenario& s);
  [[nodiscard]] bool apply_number(Scenario& s, double sample) const;
  [[nodiscard]] bool apply_series(Scenario& s, double sample) const;
  [[nodiscard]] std::optional<SourceNode> changed_series(double sample) const;

  std::string path_;
  std::vector<std::string> written_;
  const Spec* spec_ = nullptr; ///< the leaf: number, integer or series
  DocumentFacts facts_;
  std::string commodity_;    ///< whose unit "@commodity" means at this leaf
  bool no_negative_ = false; ///< a scrap input: never a net export (the validator's document rule)
  Binding binding_;
  EntryIndex index_;
  bool scale_ = false;
  Shape shape_ = Shape::number;
  std::string point_; ///< series_point: the year; series_part: base_year, base_value or growth_rate
  /// series shapes: the setting's series as written (null when absent); the
  /// number shape with `scale`: the setting's number.
  SourceNode written_value_;
  std::vector<Follower> followers_;
};

} // namespace steelpath::input
