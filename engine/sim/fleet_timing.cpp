#include "sim/fleet_timing.hpp"

#include "sim/random_stream.hpp"

#include <algorithm>
#include <cmath>

namespace steelpath {

const std::vector<int>* DatedAges::for_unit(std::size_t k, std::size_t r) const {
  const auto& own = by_region[k * regions + r];
  if (own.size() >= kMinDatedUnits) return &own;
  return world[k].empty() ? nullptr : &world[k];
}

DatedAges dated_ages(const Scenario& s) {
  DatedAges a;
  a.regions = s.regions.size();
  a.by_region.resize(s.technologies.size() * a.regions);
  a.world.resize(s.technologies.size());
  const int first = s.horizon.first_year;
  for (const PlantUnit& u : s.units) {
    if (u.last_reline_year == 0) continue;
    const auto k = static_cast<std::size_t>(u.technology);
    const int years = std::max(0, first - u.last_reline_year);
    if (years > s.technologies[k].campaign_years) continue; // truncated to the campaign
    a.by_region[k * a.regions + static_cast<std::size_t>(u.region)].push_back(years);
    a.world[k].push_back(years);
  }
  for (auto& v : a.by_region)
    std::sort(v.begin(), v.end());
  for (auto& v : a.world)
    std::sort(v.begin(), v.end());
  return a;
}

int imputed_years_since_reline(const std::vector<int>* ages, int campaign, int draw, double u) {
  if (ages && !ages->empty()) {
    const std::size_t n = ages->size();
    const std::size_t at =
        draw < 0 ? (n - 1) / 2
                 : std::min(n - 1, static_cast<std::size_t>(std::floor(u * static_cast<double>(n))));
    return (*ages)[at];
  }
  const int c = std::max(1, campaign);
  if (draw < 0) return (c + 1) / 2;
  return 1 + std::min(c - 1, static_cast<int>(std::floor(u * c)));
}

int end_of_life_build_year(int start_year, int lifetime, int next_decision) {
  return start_year + lifetime > next_decision ? start_year : next_decision - lifetime;
}

UnitTiming unit_timing(const Scenario& s, const DatedAges& ages, std::size_t i, std::uint32_t stream_id,
                       int jitter) {
  const PlantUnit& unit = s.units[i];
  const auto k = static_cast<std::size_t>(unit.technology);
  const Technology& t = s.technologies[k];
  const int first = s.horizon.first_year;
  UnitTiming out;
  out.last_investment_year = unit.last_reline_year;
  if (unit.last_reline_year == 0) {
    const int draw = s.fleet_timing.draw;
    const double u = draw < 0 ? 0.5
                              : uniform01(StreamKey{s.seed, 0, 0}, Purpose::fleet_timing, stream_id,
                                          static_cast<std::uint32_t>(draw));
    const int years = imputed_years_since_reline(ages.for_unit(k, static_cast<std::size_t>(unit.region)),
                                                 t.campaign_years, draw, u);
    out.last_investment_year = std::max(unit.start_year, first - years);
  }
  out.next_decision_year = out.last_investment_year + t.campaign_years + jitter;
  out.build_year = end_of_life_build_year(unit.start_year, t.lifetime_years, out.next_decision_year);
  return out;
}

} // namespace steelpath
