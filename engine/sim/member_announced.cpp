// Announced capacity (docs/model.md, "Announced capacity"): GEM's announced
// projects are a region's pipeline of candidate builds. One enters when its
// region needs capacity (the expansion rule's test, three years ahead) and
// its announced start falls within that look-ahead, before any generic
// build; the rest stay on hold and produce nothing.
#include "sim/member_simulation.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

namespace steelpath {

void MemberSimulation::queue_announced() {
  announced_queue_.assign(R_, {});
  announced_taken_.assign(R_, 0);
  for (std::size_t i = 0; i < fleet_.size(); ++i)
    if (fleet_.status[i] == UnitStatus::announced)
      announced_queue_[static_cast<std::size_t>(fleet_.region[i])].push_back(i);
  // Earliest announced start first; ties by the unit's stream id (a hash of
  // its id), never by its row in the fleet file.
  for (auto& queue : announced_queue_)
    std::sort(queue.begin(), queue.end(), [&](std::size_t a, std::size_t b) {
      return std::tuple(fleet_.start_year[a], fleet_.stream_id[a], a) <
             std::tuple(fleet_.start_year[b], fleet_.stream_id[b], b);
    });
}

double MemberSimulation::take_announced(std::size_t r, std::size_t y, int ahead, MemberResult& out) {
  const Scenario& s = scenario_;
  std::vector<std::size_t>& queue = announced_queue_[r];
  std::size_t& next = announced_taken_[r];
  const int year = s.horizon.year(y);
  // Committed now: ready at its announced start, or after construction if later.
  const auto ready_year = [&](std::size_t u) {
    const Technology& t = s.technologies[static_cast<std::size_t>(fleet_.technology[u])];
    return std::max(fleet_.start_year[u], year + std::max(1, t.construction_years));
  };
  // A project whose route is banned by the time it would be ready is never built.
  while (next < queue.size() &&
         route_banned(s, static_cast<std::size_t>(fleet_.technology[queue[next]]), ready_year(queue[next])))
    ++next;
  if (next >= queue.size() || fleet_.start_year[queue[next]] > ahead) return 0.0;
  const std::size_t i = queue[next++];
  const auto k = static_cast<std::size_t>(fleet_.technology[i]);
  const auto c = static_cast<std::size_t>(fleet_.company[i]);
  const Technology& t = s.technologies[k];
  const double cap = fleet_.capacity[i];
  const int ready = ready_year(i);
  fleet_.status[i] = UnitStatus::planned;
  fleet_.ready_year[i] = ready;
  fleet_.build_year[i] = ready;
  fleet_.last_investment_year[i] = year;
  fleet_.next_decision_year[i] = ready + t.campaign_years;
  const double lcos = levelized_cost(Investor{c, r, cap, -1}, k, t.capex_greenfield, y);
  pay_capex(c, r, k, t.capex_greenfield, cap, y, out, false); // decided before the run: no grant
  add_route_capacity(k, cap);
  new_capacity_[k] += cap;
  scrap_commitment_[r] +=
      cap * s.market.max_utilisation * costs_.scrap_intensity(static_cast<Eigen::Index>(k));
  gas_commitment_[r] += cap * s.market.max_utilisation * costs_.gas_intensity(static_cast<Eigen::Index>(k));
  region_capacity_[r] += cap;
  const std::size_t log_at = out.decision_lcos.size();
  out.decision_lcos.resize(log_at + T_, std::numeric_limits<double>::quiet_NaN());
  out.decision_lcos[log_at + k] = lcos;
  out.decisions.push_back({year, static_cast<int>(i), -1, static_cast<int>(k), DecisionReason::expansion,
                           DecisionAction::build, lcos, std::numeric_limits<double>::quiet_NaN()});
  return cap;
}

} // namespace steelpath
