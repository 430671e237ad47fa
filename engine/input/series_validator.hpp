// Validation of yearly series in their three written forms:
//   a constant            price: 70
//   points, linear        price: {2025: 10, 2040: 80}
//   growth                price: {base_year: 2025, base_value: 10, growth_rate: 0.03}
// Any value may carry a unit ("95 CNY/t CO2"); the resolved series has plain
// numbers in the documented unit and keeps its form.
#pragma once

#include "input/scenario_validator.hpp"
#include "model/year_series.hpp"

namespace steelpath::input {

[[nodiscard]] SourceNode validate_series(const SourceNode& node, const std::string& unit, Bounds bounds,
                                         const std::string& path, const DocumentFacts& facts,
                                         Diagnostics& diagnostics);

/// Builds the series of a resolved (validated) node over `horizon`.
[[nodiscard]] YearSeries build_series(const SourceNode& resolved, const Horizon& horizon);

/// The number a resolved scalar holds (validated: plain digits), as every
/// builder of model values reads it.
[[nodiscard]] double number_of(const SourceNode& resolved);

} // namespace steelpath::input
