// Parameter paths: every number in a scenario is addressable by a dotted path,
// e.g. `policies.carbon_price.2035`, `technologies.h2_dri_eaf.capex_greenfield`,
// `finance.discount_rate`, `commodities.hydrogen.price`. The same paths serve
// `steelpath run --set PATH=VALUE`, the `levers:` section and the
// `uncertainties:` section. A path that does not exist is an error naming the
// nearest valid paths.
//
// Series paths: `X` is the whole series; `X.2035` is its value in 2035 (a
// point: a constant series becomes points {first year: constant, 2035: v});
// `X.base_value` and `X.growth_rate` address a growth series.
#pragma once

#include "input/scenario_spec.hpp"
#include "input/scenario_validator.hpp"
#include "input/source_node.hpp"

#include <optional>
#include <string>
#include <vector>

namespace steelpath::input {

/// What a parameter path points at: a number, a series (or one of its
/// points), or a setting with listed choices (e.g. ensemble.sampling).
struct ParameterTarget {
  const Spec* spec = nullptr; ///< the leaf spec (number, integer or series)
  std::string commodity;      ///< the commodity whose unit "@commodity" means, if any
  std::optional<int> year;    ///< a series point
  std::string series_part;    ///< "base_value", "growth_rate" or "base_year" of a growth series
  /// The spec a value written at this path must satisfy (a series point is a number).
  [[nodiscard]] Spec value_spec() const;
};

/// Resolves `path` against the format and the document (ids must exist).
/// Returns nullopt and sets `error` (with the nearest valid paths) if it cannot.
[[nodiscard]] std::optional<ParameterTarget> resolve_parameter(const SourceNode& doc, const std::string& path,
                                                               std::string& error);

/// Every parameter path of a document: each number, each series and each of
/// its points, in document order.
[[nodiscard]] std::vector<std::string> parameter_paths(const SourceNode& doc);

/// Sets the value at `path` in `doc` (creating missing optional sections).
/// Returns false and sets `error` if the path is not valid.
bool apply_override(SourceNode& doc, const std::string& path, const SourceNode& value, std::string& error);

/// Parses "PATH=VALUE" as given to --set; VALUE is YAML (a number, "35e6 CNY/yr",
/// or a flow mapping such as {2025: 10, 2050: 100}).
bool parse_assignment(const std::string& text, std::string& path, SourceNode& value, std::string& error);

} // namespace steelpath::input
