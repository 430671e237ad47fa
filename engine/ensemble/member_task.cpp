#include "ensemble/member_task.hpp"

#include "output/member_payload.hpp"
#include "sim/member_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

namespace steelpath::ensemble {

std::string first_non_finite(const MemberResult& r) {
  // Every physical quantity and money flow; prices are left out (the steel
  // price is NaN where nothing was produced, the ETS series without an ETS).
  const std::pair<const char*, const std::vector<double>*> checked[] = {
      {"production", &r.production},
      {"capacity", &r.capacity},
      {"emissions_direct", &r.emissions},
      {"emissions_indirect", &r.indirect},
      {"captured_co2", &r.captured},
      {"demand", &r.demand},
      {"unmet_demand", &r.unmet_demand},
      {"scrap_use", &r.scrap_used},
      {"investment", &r.investment},
      {"subsidies_paid", &r.subsidies_paid},
      {"subsidies_unpaid", &r.subsidies_unpaid},
      {"fund_spent", &r.fund_spent},
      {"stranded_capacity", &r.stranded},
      {"company_production", &r.company_production},
      {"company_emissions", &r.company_emissions},
      {"company_revenue", &r.company_revenue},
      {"company_costs", &r.company_costs},
      {"company_investment", &r.company_investment},
      {"company_subsidies", &r.company_subsidies},
      {"company_cash", &r.company_cash},
      {"offtake_volume", &r.offtake_volume},
      {"offtake_premium", &r.offtake_premium},
      {"capex_factor", &r.capex_factor},
  };
  const std::size_t years = r.horizon.size();
  for (const auto& [name, v] : checked)
    for (std::size_t i = 0; i < v->size(); ++i)
      if (!std::isfinite((*v)[i])) {
        const std::size_t per_year = years ? v->size() / years : 1;
        return std::string(name) + " in " +
               std::to_string(r.horizon.first_year +
                              static_cast<int>(i / std::max<std::size_t>(per_year, 1)));
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
