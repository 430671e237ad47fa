// Checks a (merged) scenario document against the format definition
// (scenario_spec.hpp) and produces the resolved document: defaults filled,
// numbers converted into their documented units and written as plain
// numbers, data paths resolved. Every problem is reported to Diagnostics with
// file, line, column and key path; validation never stops at the first.
#pragma once

#include "input/scenario_spec.hpp"
#include "input/source_node.hpp"
#include "input/units.hpp"
#include "model/horizon.hpp"

#include <map>
#include <string>
#include <vector>

namespace steelpath::input {

/// What validation learns about a document on the way, shared with the
/// parameter-path code.
struct DocumentFacts {
  /// the document's years
  Horizon horizon;
  /// the currencies it declares (USD per unit of each)
  ExchangeRates rates;
  std::map<std::string, std::vector<std::string>> ids; ///< section -> entry ids, in order
  std::map<std::string, std::string> commodity_units;  ///< commodity id -> its unit text
};

/// Reads the horizon, currencies, ids and commodity units from a document
/// without reporting anything (validate() reports).
[[nodiscard]] DocumentFacts collect_facts(const SourceNode& root);

/// Validates `root` against the scenario format. Returns the resolved
/// document; meaningful only when no diagnostics were added.
[[nodiscard]] SourceNode validate_document(const SourceNode& root, Diagnostics& diagnostics);

/// Validates one value against a leaf spec (number, integer, series, text):
/// used for lever values and `--set`. Returns the resolved value.
[[nodiscard]] SourceNode validate_value(const SourceNode& node, const Spec& spec, const std::string& path,
                                        const DocumentFacts& facts, const std::string& commodity,
                                        Diagnostics& diagnostics);

} // namespace steelpath::input
