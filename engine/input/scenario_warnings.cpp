#include "input/scenario_warnings.hpp"

namespace steelpath::input {

namespace {

// Demand after material efficiency in horizon year y, all regions (Mt/yr),
// as the simulation computes it (member_simulation.cpp).
double world_demand(const Scenario& s, std::size_t y) {
  double total = 0.0;
  for (const Region& r : s.regions)
    if (y < r.demand.size())
      total += r.demand[y] * (1.0 - (y < r.demand_reduction.size() ? r.demand_reduction[y] : 0.0));
  return total;
}

// Where the first region's demand is written (the regions section if not found).
Diagnostic at_first_demand(const SourceNode& document) {
  const SourceNode* regions = document.is_map() ? document.find("regions") : nullptr;
  if (!regions || !regions->is_map() || regions->entries().empty()) return {"", 0, 0, "regions", ""};
  const SourceNode::Entry& first = regions->entries().front();
  const SourceNode* demand = first.value.is_map() ? first.value.find("demand") : nullptr;
  const Origin& o = demand ? demand->origin() : first.key_origin;
  return {o.file, o.line, o.column, "regions." + first.key + ".demand", ""};
}

} // namespace

std::vector<Diagnostic> scenario_warnings(const Scenario& scenario, const SourceNode& document) {
  std::vector<Diagnostic> out;
  // With no demand nothing is dispatched, but investment moments still come:
  // units reline and switch route (billions of USD for plants that never
  // produce). The model has no rule that closes a fleet for lack of demand,
  // so the run would be silent nonsense; the scenario is still run as written.
  bool any_demand = false;
  for (std::size_t y = 0; y < scenario.horizon.size() && !any_demand; ++y)
    any_demand = world_demand(scenario, y) > 0.0;
  if (!any_demand && !scenario.units.empty()) {
    Diagnostic d = at_first_demand(document);
    d.message =
        "demand (after demand_reduction) is zero in every region and every year: nothing is produced, "
        "yet units still reline, switch route and are paid for at their investment moments; expected "
        "a demand above zero in some year";
    out.push_back(std::move(d));
  }
  return out;
}

} // namespace steelpath::input
