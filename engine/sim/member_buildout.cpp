// Build-out limits inside a member's year (docs/model.md, "Build-out
// limits"): the order in which units decide, their requests for limited
// routes, the grants, and the waiting list of refused units.
#include "sim/logit_choice.hpp"
#include "sim/member_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace steelpath {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
/// Years a unit refused a limited route waits for it (the waiting list)
/// before deciding without it: an assumption, as long as a finance deferral
/// may last; MPP ST-STSM logs waits of up to MAX_WAITING_LIST_YEARS = 6.
constexpr int kMaxBuildoutWait = 3;
} // namespace

bool MemberSimulation::buildout_allows(std::size_t k, double capacity, double limit) const {
  switch (buildout_phase_) {
  case BuildoutPhase::requests: // a unit asks only for what the year's limit could hold
    return capacity <= limit * (1.0 + 1e-12);
  case BuildoutPhase::decisions: // only the route granted to the unit deciding now
    return static_cast<int>(k) == buildout_grant_now_;
  case BuildoutPhase::expansion: // what the year's conversions left
    break;
  }
  return new_capacity_[k] + capacity <= limit * (1.0 + 1e-12);
}

void MemberSimulation::order_decisions(std::size_t y) {
  const auto year = static_cast<std::uint32_t>(scenario_.horizon.year(y));
  for (Deciding& d : deciding_)
    d.lottery = uniform01(key_, Purpose::decision_order, fleet_.stream_id[d.unit], year);
  std::sort(deciding_.begin(), deciding_.end(), [&](const Deciding& a, const Deciding& b) {
    return std::tuple(a.lottery, fleet_.stream_id[a.unit], a.unit) <
           std::tuple(b.lottery, fleet_.stream_id[b.unit], b.unit);
  });
}

void MemberSimulation::request_buildout(const Deciding& d, std::size_t y) {
  const Scenario& s = scenario_;
  const std::size_t i = d.unit;
  const double lcos_reline = gather_options(at_decision(d), y);
  if (opt_lcos_.empty()) return;
  // The route the unit's own draw picks among every option the limits
  // could allow this year: the same draw decide() uses.
  const double draw =
      uniform01(key_, Purpose::choice, fleet_.stream_id[i], static_cast<std::uint32_t>(s.horizon.year(y)));
  const std::size_t pick = logit_choose(opt_lcos_, s.behaviour.heterogeneity, draw);
  const int j = opt_tech_[pick];
  if (j == fleet_.technology[i] || s.technologies[static_cast<std::size_t>(j)].max_new_capacity.size() == 0)
    return;
  double other = kInf; // the best option without the limited route
  for (std::size_t o = 0; o < opt_lcos_.size(); ++o)
    if (o != pick) other = std::min(other, opt_lcos_[o]);
  buildout_request_of_[i] = static_cast<int>(buildout_requests_.size());
  buildout_requests_.push_back({i, fleet_.stream_id[i], d.lottery, j, fleet_.capacity[i],
                                other - opt_lcos_[pick], opt_lcos_[pick], lcos_reline, false});
}

void MemberSimulation::grant_buildout(std::size_t y) {
  buildout_allowance_.assign(T_, kInf);
  for (std::size_t k = 0; k < T_; ++k)
    if (const YearSeries& limit = scenario_.technologies[k].max_new_capacity; limit.size() > 0)
      buildout_allowance_[k] = std::max(0.0, limit[y] - new_capacity_[k]);
  allocate_buildout(buildout_requests_, buildout_allowance_);
  // allocate_buildout reorders the requests: point each unit at its own again.
  for (std::size_t q = 0; q < buildout_requests_.size(); ++q)
    buildout_request_of_[buildout_requests_[q].unit] = static_cast<int>(q);
}

void MemberSimulation::decide_with_buildout(const Deciding& d, std::size_t y, MemberResult& out) {
  const std::size_t i = d.unit;
  const int q = buildout_request_of_[i];
  const BuildoutRequest* request = q >= 0 ? &buildout_requests_[static_cast<std::size_t>(q)] : nullptr;
  if (request && !request->granted && fleet_.deferrals[i] < kMaxBuildoutWait) {
    // Refused: the unit waits a year for the route (MPP's waiting list).
    const int year = scenario_.horizon.year(y);
    buildout_phase_ = BuildoutPhase::requests; // log the options it weighed
    gather_options(at_decision(d), y);
    buildout_phase_ = BuildoutPhase::decisions;
    const std::size_t log_at = out.decision_lcos.size();
    out.decision_lcos.resize(log_at + T_, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t o = 0; o < opt_lcos_.size(); ++o)
      out.decision_lcos[log_at + static_cast<std::size_t>(opt_tech_[o])] = opt_lcos_[o];
    ++fleet_.deferrals[i];
    fleet_.next_decision_year[i] = year + 1;
    out.decisions.push_back({year, static_cast<int>(i), fleet_.technology[i], request->route, d.reason,
                             DecisionAction::defer, request->lcos, request->lcos_reline});
    return;
  }
  buildout_grant_now_ = request && request->granted ? request->route : -1;
  decide(d, y, out);
  buildout_grant_now_ = -1;
}

} // namespace steelpath
