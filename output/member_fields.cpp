#include "output/member_fields.hpp"

#include "model/errors.hpp"
#include "sim/member_series.hpp"

#include <algorithm>

namespace steelpath {

namespace {

// The [year][company] series are left out of an ensemble file by default.
bool stored(const MemberSeries& s, bool companies) {
  return companies || s.dims != SeriesDims::year_company;
}

} // namespace

std::vector<std::string_view> member_field_names(bool companies) {
  std::vector<std::string_view> names;
  for (const auto& s : member_series())
    if (stored(s, companies)) names.push_back(s.name);
  return names;
}

std::vector<MemberField> member_fields(const MemberResult& r, std::vector<std::vector<double>>& scratch,
                                       bool companies) {
  // One scratch array per derived series, sized before any is viewed.
  const auto all = member_series();
  scratch.resize(static_cast<std::size_t>(
      std::count_if(all.begin(), all.end(), [](const MemberSeries& s) { return s.field == nullptr; })));
  std::vector<MemberField> out;
  std::size_t derived = 0;
  for (const auto& s : all) {
    if (!stored(s, companies)) {
      derived += s.field == nullptr ? 1 : 0;
      continue;
    }
    if (s.field != nullptr)
      out.push_back({s.name, r.*s.field});
    else
      out.push_back({s.name, series_values(s, r, scratch[derived++])});
  }
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

std::span<const std::string_view> statistics_series_names() {
  static constexpr std::string_view names[] = {"emissions",         "production",     "investment",
                                               "operating_cost",    "steel_price",    "unmet_demand",
                                               "stranded_capacity", "subsidies_paid", "fund_spent"};
  return names;
}

std::vector<MemberField> StatisticsInputs::fields() const {
  const auto names = statistics_series_names();
  if (values.size() != names.size()) throw OutputError("statistics inputs: another number of series");
  std::vector<MemberField> out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out.push_back({names[i], values[i]});
  return out;
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
