// Reading one number from a scenario scalar: strict parsing, an optional
// unit converted into the documented unit, finiteness and range checks, and
// the shortest text that reads back to the same double.
#pragma once

#include "input/bounds.hpp"
#include "input/source_node.hpp"
#include "input/units.hpp"

#include <optional>
#include <string>

namespace steelpath::input {

/// A plain number as YAML writes it ("12", "1.5e3", ".nan", ".inf"), not quoted.
[[nodiscard]] std::optional<double> plain_number(const SourceNode& node);

/// The value of `node` in `unit` (documented unit; "" or "1" for plain numbers),
/// within `bounds`. On failure returns nullopt and sets `error` to
/// "expected ..., found ...".
[[nodiscard]] std::optional<double> read_quantity(const SourceNode& node, const std::string& unit,
                                                  Bounds bounds, const ExchangeRates& rates,
                                                  std::string& error);

/// A whole number within bounds (years, counts), no unit.
[[nodiscard]] std::optional<int> read_whole(const SourceNode& node, Bounds bounds, std::string& error);

/// Shortest decimal text that parses back to exactly `v`.
[[nodiscard]] std::string format_double(double v);

/// "a number >= 0 in USD/t" and the like, for messages.
[[nodiscard]] std::string describe_expected(Bounds bounds, const std::string& unit);

/// How a node looks in a message: 'text', a list, a mapping, nothing.
[[nodiscard]] std::string show(const SourceNode& node);

} // namespace steelpath::input
