#include "ensemble/member_task.hpp"

#include "output/member_payload.hpp"
#include "sim/member_series.hpp"
#include "sim/member_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

namespace steelpath::ensemble {

std::string first_non_finite(const MemberResult& r) {
  // Every series the registry marks finite (sim/member_series.hpp): physical
  // quantities and money flows, not the prices (the steel price is NaN where
  // nothing was produced, the ETS series without an ETS).
  const std::size_t years = r.horizon.size();
  std::vector<double> scratch;
  for (const auto& series : member_series()) {
    if (!series.finite) continue;
    const auto v = series_values(series, r, scratch);
    for (std::size_t i = 0; i < v.size(); ++i)
      if (!std::isfinite(v[i])) {
        const std::size_t per_year = years ? v.size() / years : 1;
        return std::string(series.name) + " in " +
               std::to_string(r.horizon.first_year +
                              static_cast<int>(i / std::max<std::size_t>(per_year, 1)));
      }
  }
  return {};
}

MemberOutcome run_member(const Design& design, const input::ScenarioFactory& factory, std::size_t member,
                         MemberResult& result, const std::vector<TargetCheck>& targets) {
  MemberOutcome out;
  try {
    const MemberId id = design.member(member);
    const Scenario s = factory.make(id.setting, design.sample(id.sample));
    if (const std::string d = factory.shape_difference(s); !d.empty())
      throw std::runtime_error("the member's results would have another shape than the ensemble's: " + d);
    MemberSimulation sim(s, design.stream_key(member));
    sim.run(result);
    if (const std::string bad = first_non_finite(result); !bad.empty())
      throw std::runtime_error("numeric error: a non-finite value in " + bad);
    out.payload = encode_member(result, design.plan().company_series, targets_met(targets, result));
    out.unit_years = static_cast<double>(result.unit_years);
  } catch (const std::exception& e) {
    out.failed = true;
    out.reason = e.what();
  } catch (...) {
    out.failed = true;
    out.reason = "unknown error";
  }
  if (out.failed) {
    const auto* p = reinterpret_cast<const std::byte*>(out.reason.data());
    out.payload.assign(p, p + out.reason.size());
  }
  return out;
}

} // namespace steelpath::ensemble
