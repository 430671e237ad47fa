// Runs one ensemble member: the yearly loop of decisions, dispatch and
// accounting over a validated Scenario. An object owns all working memory, so
// running many members with one object allocates only when a member's fleet
// or horizon is larger than any before it.
//
// Order within a year (docs/model.md):
//   1. planned units whose start year has come begin operating;
//   2. units whose campaign has ended decide: reline or switch route;
//   3. each region's demand is dispatched over its routes in merit order;
//   4. production, capacity, emissions and prices are recorded.
#pragma once

#include "model/scenario.hpp"
#include "sim/cost_tables.hpp"
#include "sim/dispatch.hpp"
#include "sim/fleet_state.hpp"
#include "sim/member_result.hpp"

#include <cstdint>
#include <vector>

namespace steelpath {

class MemberSimulation {
public:
  /// Keeps a reference: the scenario must outlive this object. Throws
  /// ModelError when check_consistency finds a problem.
  explicit MemberSimulation(const Scenario& scenario);

  /// Simulates the whole horizon and overwrites `out`.
  void run(MemberResult& out);

private:
  void start_planned_units(int year);
  void take_decisions(int year, Eigen::Index y, MemberResult& out);
  void dispatch_regions(Eigen::Index y, MemberResult& out);

  const Scenario& scenario_;
  CostTables costs_;
  FleetState fleet_;
  // Working memory reused every year.
  std::vector<SupplyBlock> blocks_;      ///< [region][technology]
  std::vector<double> block_production_; ///< Mt, [region][technology]
  std::vector<std::size_t> order_;
  std::vector<std::uint8_t> allowed_;    ///< per technology
  std::vector<double> scrap_commitment_; ///< expected scrap use of operating units, Mt/yr, per region
};

/// Convenience: one member of `scenario`, in a fresh result.
[[nodiscard]] MemberResult simulate(const Scenario& scenario);

} // namespace steelpath
