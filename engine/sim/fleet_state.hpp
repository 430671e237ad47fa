// The evolving state of every unit during one member's run, stored as
// structure-of-arrays so the year loop streams through contiguous memory.
// Allocated once per member (or reused across members) and reset from the
// scenario's starting fleet; nothing here allocates inside the year loop.
#pragma once

#include "model/scenario.hpp"

#include <cstdint>
#include <vector>

namespace steelpath {

enum class UnitStatus : std::uint8_t {
  planned = 0,   ///< not yet started (start year in the future)
  operating = 1, ///< producing
  closed = 2,    ///< permanently closed
};

struct FleetState {
  std::vector<int> technology;          ///< route index
  std::vector<int> region;              ///< region index
  std::vector<int> company;             ///< company index
  std::vector<double> capacity;         ///< Mt/yr
  std::vector<int> start_year;          ///< calendar year production starts
  std::vector<int> last_investment_year; ///< last relining or conversion, calendar year
  std::vector<int> next_decision_year;  ///< calendar year of the next investment decision
  std::vector<UnitStatus> status;

  [[nodiscard]] std::size_t size() const { return technology.size(); }

  /// Sets every array from the scenario's starting fleet (reuses capacity).
  void reset(const Scenario& scenario);
};

} // namespace steelpath
