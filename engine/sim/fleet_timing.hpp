// Fleet timing: when each unit of the starting fleet last invested, when it
// next decides, and when its life ends. GEM dates the last relining of half
// of the operating blast-furnace capacity and nothing else; the rest is
// imputed here, per run, from the dated units (docs/model.md, "Fleet
// timing"). Pure functions of the scenario and the counter-based stream
// (sim/random_stream.hpp, Purpose::fleet_timing), no I/O.
#pragma once

#include "model/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace steelpath {

/// Fewest dated units a region's own distribution needs; below it the
/// world's distribution of the route is used (assumption, issue 17).
inline constexpr std::size_t kMinDatedUnits = 20;

/// The years since the last relining (first simulated year - relining year,
/// at least 0) of the starting fleet's dated units, kept where they lie
/// within the route's campaign: the empirical distribution an undated unit's
/// years are drawn from. Each list is sorted, so it does not depend on the
/// order of units in the fleet file.
struct DatedAges {
  std::size_t regions = 0;                 ///< number of regions R
  std::vector<std::vector<int>> by_region; ///< [k * R + r]: years, route k in region r
  std::vector<std::vector<int>> world;     ///< [k]: years, route k in every region
  /// The distribution an undated unit of route k in region r draws from:
  /// its region's with at least kMinDatedUnits entries, else the world's,
  /// else nullptr (then the years are uniform within the campaign).
  [[nodiscard]] const std::vector<int>* for_unit(std::size_t k, std::size_t r) const;
};

/// Collects the dated units' years since relining, by route and region.
[[nodiscard]] DatedAges dated_ages(const Scenario& scenario);

/// A starting unit's timing, calendar years.
struct UnitTiming {
  int last_investment_year = 0; ///< known or imputed last relining, never before the start year
  int next_decision_year = 0;   ///< end of the current campaign: last investment + campaign + jitter
  int build_year = 0;           ///< start of the unit's life; build_year + lifetime is its end of life
};

/// Years since the last relining of an undated unit: drawn from `ages`
/// (nullptr: uniform on 1..campaign) by the uniform `u` in (0, 1); with
/// draw -1 the central case (the median; the middle of the campaign).
[[nodiscard]] int imputed_years_since_reline(const std::vector<int>* ages, int campaign, int draw, double u);

/// The build year that places a unit's end of life: its start year, unless
/// start + lifetime falls at or before the end of its current campaign (in
/// particular when it is already past); then its life ends with that
/// campaign (build year = next_decision - lifetime), as MPP's 20 +- 3-year
/// investment cycle makes the rebuild-or-close decision at a campaign end.
[[nodiscard]] int end_of_life_build_year(int start_year, int lifetime, int next_decision);

/// The timing of starting unit `i` of the scenario with campaign offset
/// `jitter` (years). Imputation draws are keyed by the scenario seed, the
/// unit's stream id and Scenario::fleet_timing.draw, so two members with the
/// same draw impute the same years whatever their sample.
[[nodiscard]] UnitTiming unit_timing(const Scenario& scenario, const DatedAges& ages, std::size_t i,
                                     std::uint32_t stream_id, int jitter);

} // namespace steelpath
