#include "sim/fleet_state.hpp"

namespace steelpath {

void FleetState::reset(const Scenario& s) {
  const std::size_t n = s.units.size();
  technology.resize(n);
  region.resize(n);
  company.resize(n);
  capacity.resize(n);
  start_year.resize(n);
  last_investment_year.resize(n);
  next_decision_year.resize(n);
  status.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const PlantUnit& u = s.units[i];
    technology[i] = u.technology;
    region[i] = u.region;
    company[i] = u.company;
    capacity[i] = u.capacity;
    start_year[i] = u.start_year;
    last_investment_year[i] = u.last_reline_year;
    // A campaign that ended before the horizon is decided in the first year.
    next_decision_year[i] =
        u.last_reline_year + s.technologies[static_cast<std::size_t>(u.technology)].campaign_years;
    status[i] = u.start_year <= s.horizon.first_year ? UnitStatus::operating : UnitStatus::planned;
  }
}

} // namespace steelpath
