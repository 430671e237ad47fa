#include "output/member_fields.hpp"

#include "model/errors.hpp"

namespace steelpath {

std::vector<std::string_view> member_field_names(bool companies) {
  std::vector<std::string_view> names;
  for (const auto& v : schema::variables())
    if (v.group.empty() && !v.dims.empty() && v.dims[0] == "year" && v.name != "year" &&
        (companies || v.dims.size() < 2 || v.dims[1] != "company"))
      names.push_back(v.name);
  return names;
}

std::vector<MemberField> member_fields(const MemberResult& r, std::vector<double>& scratch, bool companies) {
  scratch.resize(r.horizon.size());
  for (std::size_t y = 0; y < scratch.size(); ++y)
    scratch[y] = r.total_emissions(y);
  const std::vector<MemberField> all = {
      {"production", r.production},
      {"capacity", r.capacity},
      {"emissions", scratch},
      {"emissions_direct", r.emissions},
      {"emissions_indirect", r.indirect},
      {"captured_co2", r.captured},
      {"demand", r.demand},
      {"unmet_demand", r.unmet_demand},
      {"steel_price", r.steel_price},
      {"scrap_use", r.scrap_used},
      {"carbon_price", r.carbon_price},
      {"investment", r.investment},
      {"operating_cost", r.operating_cost},
      {"allowance_price", r.allowance_price},
      {"ets_cap", r.ets_cap},
      {"ets_emissions", r.ets_emissions},
      {"subsidies_paid", r.subsidies_paid},
      {"subsidies_unpaid", r.subsidies_unpaid},
      {"fund_spent", r.fund_spent},
      {"stranded_capacity", r.stranded},
      {"company_production", r.company_production},
      {"company_emissions", r.company_emissions},
      {"company_revenue", r.company_revenue},
      {"internal_carbon_price", r.internal_price},
      {"company_costs", r.company_costs},
      {"company_investment", r.company_investment},
      {"company_subsidies", r.company_subsidies},
      {"company_cash", r.company_cash},
      {"offtake_volume", r.offtake_volume},
      {"offtake_premium", r.offtake_premium},
      {"capex_factor", r.capex_factor},
  };
  // The schema decides the order; a field it lists that is missing here (or
  // the reverse) is a bug caught the first time any file is written.
  std::vector<MemberField> out;
  for (const auto name : member_field_names(companies)) {
    bool found = false;
    for (const auto& f : all)
      if (f.name == name) {
        out.push_back(f);
        found = true;
      }
    if (!found) throw OutputError("member_fields: no data for schema variable " + std::string(name));
  }
  if (companies && out.size() != all.size()) throw OutputError("member_fields: a field is not in the schema");
  return out;
}

MetricInputs metric_shape(const Scenario& s) {
  MetricInputs in;
  in.first_year = s.horizon.first_year;
  in.years = static_cast<std::size_t>(s.horizon.last_year - s.horizon.first_year + 1);
  in.regions = s.regions.size();
  in.technologies = s.technologies.size();
  in.discount_rate = s.metrics.discount_rate;
  return in;
}

MetricInputs metric_inputs(MetricInputs in, const std::vector<MemberField>& fields) {
  auto field = [&](std::string_view name) {
    for (const auto& f : fields)
      if (f.name == name) return f.values;
    throw OutputError("no member field " + std::string(name));
  };
  in.emissions = field("emissions");
  in.production = field("production");
  in.investment = field("investment");
  in.operating_cost = field("operating_cost");
  in.steel_price = field("steel_price");
  in.unmet_demand = field("unmet_demand");
  in.stranded = field("stranded_capacity");
  in.subsidies_paid = field("subsidies_paid");
  in.fund_spent = field("fund_spent");
  return in;
}

void write_coordinates(GroupWriter& root, const Scenario& s) {
  std::vector<std::int32_t> years;
  for (int y = s.horizon.first_year; y <= s.horizon.last_year; ++y)
    years.push_back(y);
  std::vector<std::string> tech_ids, tech_names, region_ids, company_ids, company_names, contract_ids, buyers;
  for (const auto& t : s.technologies) {
    tech_ids.push_back(t.id);
    tech_names.push_back(t.name);
  }
  for (const auto& g : s.regions)
    region_ids.push_back(g.id);
  for (const auto& c : s.companies) {
    company_ids.push_back(c.id);
    company_names.push_back(c.name);
  }
  for (const auto& o : s.policy.offtakes) {
    contract_ids.push_back(o.id);
    buyers.push_back(o.buyer);
  }
  root.ints("year", years);
  root.strings("technology", tech_ids);
  root.strings("region", region_ids);
  root.strings("company", company_ids);
  root.strings("contract", contract_ids);
  root.strings("technology_name", tech_names);
  root.strings("company_name", company_names);
  root.strings("contract_buyer", buyers);
}

} // namespace steelpath
