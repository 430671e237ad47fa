// The evolving state of every unit during one member's run, stored as
// structure-of-arrays so the year loop streams through contiguous memory.
// Allocated once per member (or reused across members) and reset from the
// scenario's starting fleet; new units from capacity expansion are appended
// into capacity reserved at reset, so the year loop does not allocate.
#pragma once

#include "model/scenario.hpp"

#include <cstdint>
#include <vector>

namespace steelpath {

/// Where a unit stands in its life in a year.
enum class UnitStatus : std::uint8_t {
  planned = 0,      ///< not yet started (start year in the future)
  operating = 1,    ///< producing
  constructing = 2, ///< being built or converted; produces nothing until ready_year
  closed = 3,       ///< permanently closed
  announced = 4,    ///< an announced project on hold until its region needs it (docs/model.md)
};

/// Whether a unit is part of the fleet: operating, planned or being built
/// (not closed, not an announced project still on hold).
[[nodiscard]] inline bool in_fleet(UnitStatus s) {
  return s != UnitStatus::closed && s != UnitStatus::announced;
}

/// FNV-1a hash of a unit id: the unit's random draws then do not depend on
/// where it stands in the fleet file.
[[nodiscard]] std::uint32_t stream_id_of(const std::string& id);

/// The state of every unit during a run, structure-of-arrays: one entry per unit in each array.
struct FleetState {
  std::vector<int> technology;           ///< route index
  std::vector<int> region;               ///< region index
  std::vector<int> company;              ///< company index
  std::vector<double> capacity;          ///< Mt/yr
  std::vector<int> start_year;           ///< calendar year production started or starts
  std::vector<int> build_year;           ///< year of the last (re)build, for end of life
  std::vector<int> last_investment_year; ///< last relining or conversion, calendar year
  std::vector<int> next_decision_year;   ///< calendar year of the next investment decision
  std::vector<int> ready_year; ///< constructing: first year of production; converting: of the new route
  std::vector<int> pending_technology;  ///< route a conversion leads to, -1: none
  std::vector<int> jitter;              ///< campaign offset drawn once per unit, years
  std::vector<int> idle_years;          ///< consecutive years without production
  std::vector<double> production;       ///< this year's production, Mt
  std::vector<std::uint32_t> stream_id; ///< keys the unit's random draws: a hash of its id, not its row
  std::vector<int> deferrals;           ///< consecutive years an investment waited for finance
  /// planned, operating, constructing, closed or announced (on hold)
  std::vector<UnitStatus> status;
  /// [region]: the indices of the region's units in ascending order (fleet
  /// order), so per-region rules visit them in the order a whole-fleet scan
  /// would (the same sums, the same ties) without scanning the other regions.
  std::vector<std::vector<std::size_t>> units_of_region;

  /// Number of units (the starting fleet and new builds).
  [[nodiscard]] std::size_t size() const { return technology.size(); }

  /// Sets every array from the scenario's starting fleet and reserves room
  /// for `extra` new units.
  void reset(const Scenario& scenario, std::size_t extra);
  /// Appends a new unit (a greenfield build) and returns its index.
  std::size_t add(int technology, int region, int company, double capacity, int year, int ready_year,
                  std::uint32_t stream_id);
};

} // namespace steelpath
