#include "sim/fleet_state.hpp"

namespace steelpath {

void FleetState::reset(const Scenario& s, std::size_t extra) {
  const std::size_t n = s.units.size();
  auto prepare = [&](auto& v) {
    v.clear();
    v.reserve(n + extra);
    v.resize(n);
  };
  prepare(technology);
  prepare(region);
  prepare(company);
  prepare(capacity);
  prepare(start_year);
  prepare(build_year);
  prepare(last_investment_year);
  prepare(next_decision_year);
  prepare(ready_year);
  prepare(pending_technology);
  prepare(jitter);
  prepare(idle_years);
  prepare(production);
  prepare(stream_id);
  prepare(deferrals);
  prepare(status);
  units_of_region.resize(s.regions.size());
  for (auto& units : units_of_region)
    units.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const PlantUnit& u = s.units[i];
    technology[i] = u.technology;
    region[i] = u.region;
    company[i] = u.company;
    capacity[i] = u.capacity;
    start_year[i] = u.start_year;
    // MemberSimulation::run replaces both with the known or imputed timing (sim/fleet_timing.hpp).
    build_year[i] = u.start_year;
    last_investment_year[i] = u.last_reline_year;
    ready_year[i] = u.start_year;
    pending_technology[i] = -1;
    stream_id[i] = stream_id_of(u.id);
    deferrals[i] = 0;
    status[i] = u.start_year <= s.horizon.first_year ? UnitStatus::operating
                : u.announced                        ? UnitStatus::announced
                                                     : UnitStatus::planned;
    units_of_region[static_cast<std::size_t>(u.region)].push_back(i);
  }
}

std::uint32_t stream_id_of(const std::string& id) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : id) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::size_t FleetState::add(int tech, int reg, int comp, double cap, int year, int ready, std::uint32_t id) {
  technology.push_back(tech);
  region.push_back(reg);
  company.push_back(comp);
  capacity.push_back(cap);
  start_year.push_back(ready);
  build_year.push_back(ready);
  last_investment_year.push_back(year);
  next_decision_year.push_back(0);
  ready_year.push_back(ready);
  pending_technology.push_back(-1);
  jitter.push_back(0);
  idle_years.push_back(0);
  production.push_back(0.0);
  stream_id.push_back(id);
  deferrals.push_back(0);
  status.push_back(UnitStatus::constructing);
  units_of_region[static_cast<std::size_t>(reg)].push_back(technology.size() - 1);
  return technology.size() - 1;
}

} // namespace steelpath
