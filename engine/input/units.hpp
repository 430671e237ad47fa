// Physical units of scenario quantities, and explicit conversions into the
// one unit each quantity is documented in. A number written without a unit
// is in the documented unit; a number written as "872 EUR/(t/yr)" or
// "35e6 CNY/yr" is converted, and only with factors the scenario states
// (exchange rates in `currencies`) or fixed physical ones (kt = 1e3 t,
// MWh = 3.6 GJ). Nothing is guessed: a unit of the wrong kind is an error.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>

namespace steelpath::input {

/// Exponents of the base dimensions: money (USD), mass (t), CO2 mass (t CO2),
/// time (yr), energy (GJ).
using Dimensions = std::array<int, 5>;

/// A parsed unit: its factor to the base units (USD, t, t CO2, yr, GJ) and its dimensions.
struct Unit {
  double factor = 1.0; ///< multiply a value in this unit by factor to get base units
  Dimensions dims{};   ///< all zero: dimensionless
  /// Same factor and dimensions.
  friend bool operator==(const Unit&, const Unit&) = default;
};

/// Currencies the scenario declares: USD per one unit of each currency.
using ExchangeRates = std::map<std::string, double>;

/// Parses a unit expression: atoms (USD, a declared currency, t, kg, kt, Mt,
/// Gt, "t CO2", kt CO2, Mt CO2, yr, year, GJ, MJ, TJ, PJ, kWh, MWh, GWh, %,
/// tpa, ttpa, Mtpa, million, billion, 1) joined by '/', '*' or spaces, with
/// parentheses.
/// Returns nullopt and sets `error` when it cannot.
[[nodiscard]] std::optional<Unit> parse_unit(const std::string& text, const ExchangeRates& rates,
                                             std::string& error);

/// A number with an optional unit, as written in a scenario: "872" or
/// "872 EUR/(t/yr)". The number is strictly parsed (no trailing junk).
struct WrittenQuantity {
  /// the number as written, in `unit`
  double value = 0.0;
  std::string unit; ///< "" when no unit was written
};
[[nodiscard]] std::optional<WrittenQuantity> split_quantity(const std::string& text);

/// Converts `value` from unit `from` into unit `to` (both unit expressions).
/// Returns nullopt and sets `error` ("EUR/t is not a unit of USD/(t/yr)", ...).
[[nodiscard]] std::optional<double> convert(double value, const std::string& from, const std::string& to,
                                            const ExchangeRates& rates, std::string& error);

} // namespace steelpath::input
