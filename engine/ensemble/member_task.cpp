#include "ensemble/member_task.hpp"

#include "output/member_payload.hpp"
#include "sim/finite_check.hpp"
#include "sim/member_simulation.hpp"

#include <exception>

namespace steelpath::ensemble {

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
    check_finite(result, s); // a NumericError fails this member alone
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
