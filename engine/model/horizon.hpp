// The simulated period: whole calendar years, first to last inclusive.
#pragma once

#include <cstddef>

namespace steelpath {

/// The simulated period: calendar years first_year to last_year, inclusive.
struct Horizon {
  int first_year = 2025; ///< first simulated year (calendar year)
  int last_year = 2060;  ///< last simulated year, inclusive

  /// Number of simulated years (0 if last_year < first_year).
  [[nodiscard]] std::size_t size() const {
    return last_year >= first_year ? static_cast<std::size_t>(last_year - first_year + 1) : 0;
  }
  /// Whether a calendar year lies inside the horizon.
  [[nodiscard]] bool contains(int year) const { return year >= first_year && year <= last_year; }
  /// Index of a year inside the horizon (0 for first_year). Precondition: contains(year).
  [[nodiscard]] std::size_t index(int year) const { return static_cast<std::size_t>(year - first_year); }
  /// The calendar year of a horizon index (first_year for 0).
  [[nodiscard]] int year(std::size_t index) const { return first_year + static_cast<int>(index); }
};

} // namespace steelpath
