#include "model/scenario.hpp"

#include <algorithm>
#include <cmath>

namespace steelpath {

namespace {

template <class T>
std::optional<int> find_by_id(const std::vector<T>& items, const std::string& id) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  if (it == items.end()) return std::nullopt;
  return static_cast<int>(it - items.begin());
}

bool in_range(int index, std::size_t size) {
  return index >= 0 && static_cast<std::size_t>(index) < size;
}

} // namespace

std::optional<int> Scenario::find_technology(const std::string& id) const {
  return find_by_id(technologies, id);
}
std::optional<int> Scenario::find_commodity(const std::string& id) const {
  return find_by_id(commodities, id);
}
std::optional<int> Scenario::find_region(const std::string& id) const {
  return find_by_id(regions, id);
}
std::optional<int> Scenario::find_company(const std::string& id) const {
  return find_by_id(companies, id);
}

std::vector<std::string> check_consistency(const Scenario& s) {
  std::vector<std::string> problems;
  auto fail = [&](std::string msg) { problems.push_back(std::move(msg)); };
  const std::size_t n_years = s.horizon.size();
  auto check_series = [&](const YearSeries& ys, const std::string& what) {
    if (ys.size() != n_years || ys.first_year() != s.horizon.first_year)
      fail(what + ": series does not cover the horizon");
    for (double v : ys.values())
      if (!std::isfinite(v) || v < 0.0) {
        fail(what + ": values must be finite and >= 0");
        break;
      }
  };

  if (n_years == 0) fail("horizon: last year is before first year");
  if (s.technologies.empty()) fail("technologies: none defined");
  if (s.regions.empty()) fail("regions: none defined");
  for (const auto& c : s.commodities)
    check_series(c.price, "commodity " + c.id + " price");
  for (const auto& t : s.technologies) {
    if (t.inputs.size() != s.commodities.size())
      fail("technology " + t.id + ": inputs vector does not match the commodities");
    if (t.capture_rate < 0.0 || t.capture_rate > 1.0)
      fail("technology " + t.id + ": capture_rate outside 0..1");
    if (t.campaign_years <= 0) fail("technology " + t.id + ": campaign_years must be > 0");
    if (!t.capex_switch_from.empty() && t.capex_switch_from.size() != s.technologies.size())
      fail("technology " + t.id + ": capex_switch_from does not match the technologies");
  }
  for (const auto& r : s.regions) {
    check_series(r.demand, "region " + r.id + " demand");
    check_series(r.scrap_supply, "region " + r.id + " scrap_supply");
    if (r.dri_gas_supply) check_series(*r.dri_gas_supply, "region " + r.id + " dri_gas_supply");
    if (r.demand_reduction.size() > 0)
      check_series(r.demand_reduction, "region " + r.id + " demand_reduction");
    if (!r.prices.empty() && r.prices.size() != s.commodities.size())
      fail("region " + r.id + ": prices do not match the commodities");
    for (const auto& p : r.prices)
      if (p) check_series(*p, "region " + r.id + " price");
    for (const auto* o : {&r.carbon_price, &r.grid_intensity, &r.intensity_standard})
      if (*o) check_series(**o, "region " + r.id + " series");
  }
  for (const auto& t : s.technologies)
    if (t.readiness < 1 || t.readiness > 9 || t.lifetime_years <= 0 || t.construction_years < 0 ||
        t.learning_rate < 0 || t.learning_rate >= 1 || t.learning_rate_rd < 0 || t.learning_rate_rd >= 1 ||
        t.base_capacity <= 0 || t.start_capacity < 0 || t.base_knowledge <= 0)
      fail("technology " + t.id + ": readiness, lifetime, construction or learning parameters out of range");
  for (const auto& o : s.policy.offtakes)
    if (!in_range(o.company, s.companies.size())) fail("offtake " + o.id + ": company index out of range");
  if (s.policy.ets) {
    for (int r : s.policy.ets->regions)
      if (!in_range(r, s.regions.size())) fail("ets: region index out of range");
    if (s.policy.ets->trading == EmissionsTrading::Trading::cap)
      check_series(s.policy.ets->cap, "ets cap");
    else if (s.policy.ets->benchmarks.empty())
      fail("ets: intensity trading needs benchmarks");
    if (s.policy.ets->families.size() != s.policy.ets->benchmarks.size())
      fail("ets: benchmarks do not match families");
  }
  if (s.policy.subsidy && (s.policy.subsidy->share.size() != s.technologies.size() ||
                           s.policy.subsidy->per_capacity.size() != s.technologies.size()))
    fail("subsidy: per-technology vectors do not match the technologies");
  if (s.policy.fund && s.policy.fund->allocation.size() != s.technologies.size())
    fail("fund: allocation does not match the technologies");
  if (s.electricity_commodity && !in_range(*s.electricity_commodity, s.commodities.size()))
    fail("electricity commodity index out of range");
  if (s.natural_gas_commodity && !in_range(*s.natural_gas_commodity, s.commodities.size()))
    fail("natural gas commodity index out of range");
  if (const auto& h = s.hydrogen_supply) {
    if (!in_range(h->commodity, s.commodities.size())) fail("hydrogen_supply: commodity index out of range");
    check_series(h->deployment, "hydrogen_supply deployment");
    check_series(h->efficiency, "hydrogen_supply efficiency");
    if (h->contract_price) check_series(*h->contract_price, "hydrogen_supply contract_price");
    if (!(h->base_deployment > 0.0) || !(h->load_factor > 0.0) || h->lifetime_years <= 0 ||
        h->learning_rate < 0.0 || h->learning_rate >= 1.0 || !(h->discount_rate > -1.0))
      fail("hydrogen_supply: base_deployment, load_factor, lifetime, learning or discount rate out of range");
    for (double v : h->deployment.values())
      if (!(v > 0.0)) fail("hydrogen_supply: deployment must be > 0");
    for (double v : h->efficiency.values())
      if (!(v > 0.0)) fail("hydrogen_supply: efficiency must be > 0");
    for (const auto& r : s.regions) {
      if (r.h2_contract_price) check_series(*r.h2_contract_price, "region " + r.id + " h2_contract_price");
      if (h->contract && !h->contract_price && !r.h2_contract_price)
        fail("region " + r.id + ": a clean-power contract for electrolysis needs a contract price");
    }
    if (h->electrolysis && !h->contract && !s.electricity_commodity)
      fail("hydrogen_supply: grid power needs an electricity commodity");
    const bool smr = (h->smr && h->smr->allowed) || (h->smr_ccs && h->smr_ccs->allowed);
    if (smr && !s.natural_gas_commodity) fail("hydrogen_supply: SMR needs a natural gas commodity");
    if (!smr && !h->electrolysis) fail("hydrogen_supply: no supply allowed");
    if (const auto& c = h->production_credit) {
      for (std::size_t i = 0; i < c->tiers.size(); ++i)
        if (!(c->tiers[i].credit >= 0.0) || !(c->tiers[i].max_intensity >= 0.0) ||
            (i > 0 && !(c->tiers[i].max_intensity > c->tiers[i - 1].max_intensity)))
          fail("hydrogen_supply: production_credit tiers must be non-negative, in ascending max_intensity");
      for (int r : c->regions)
        if (!in_range(r, s.regions.size())) fail("hydrogen_supply: production_credit region out of range");
      if (c->years < 0) fail("hydrogen_supply: production_credit years must be >= 0");
    }
  }
  check_series(s.policy.carbon_price, "carbon_price");
  if (!(s.finance.discount_rate > -1.0)) fail("finance: discount_rate must be > -1");
  if (!(s.metrics.discount_rate > -1.0)) fail("metrics: discount_rate must be > -1");
  if (!(s.finance.expected_utilisation > 0.0 && s.finance.expected_utilisation <= 1.0))
    fail("finance: expected_utilisation must be in (0, 1]");
  if (!(s.market.max_utilisation > 0.0 && s.market.max_utilisation <= 1.0))
    fail("market: max_utilisation must be in (0, 1]");
  if (s.scrap_commodity && !in_range(*s.scrap_commodity, s.commodities.size()))
    fail("scrap commodity index out of range");
  for (const auto& u : s.units) {
    if (!in_range(u.company, s.companies.size())) fail("unit " + u.id + ": company index out of range");
    if (!in_range(u.region, s.regions.size())) fail("unit " + u.id + ": region index out of range");
    if (!in_range(u.technology, s.technologies.size()))
      fail("unit " + u.id + ": technology index out of range");
    if (!(u.capacity >= 0.0) || !std::isfinite(u.capacity)) fail("unit " + u.id + ": capacity must be >= 0");
  }
  return problems;
}

} // namespace steelpath
