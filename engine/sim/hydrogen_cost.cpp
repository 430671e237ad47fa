#include "sim/hydrogen_cost.hpp"

#include <algorithm>
#include <cmath>

namespace steelpath {

double electrolyser_capex(const HydrogenSupply& h, double deployment_gw) {
  const double exponent = std::log2(1.0 - h.learning_rate);
  return h.electrolyser_capex * std::pow(deployment_gw / h.base_deployment, exponent);
}

double levelized_cost_of_hydrogen(const ElectrolysisInputs& in) {
  const double kg_per_kw_year = 8760.0 * in.load_factor / in.efficiency;
  return in.capex * (in.crf + in.fixed_om) / kg_per_kw_year + in.efficiency * in.power_price / 1000.0 +
         in.storage;
}

SupplyCost fossil_hydrogen_cost(const FossilHydrogen& f, double gas_price, double carbon_price,
                                double storage_cost) {
  const double co2 = f.co2 / 1000.0; // t CO2 per kg H2
  const double emitted = co2 * (1.0 - f.capture_rate);
  const double captured = co2 * f.capture_rate;
  return {f.gas * gas_price + f.other_cost + emitted * carbon_price + captured * storage_cost, emitted};
}

namespace {

// The price of the power the region's electrolysers buy in horizon year y,
// USD/MWh, and its CO2, t CO2/MWh.
struct Power {
  double price = 0.0;
  double intensity = 0.0;
};

Power region_power(const Scenario& s, std::size_t region, std::size_t y) {
  const HydrogenSupply& h = *s.hydrogen_supply;
  const Region& r = s.regions[region];
  if (h.contract) return {r.h2_contract_price ? (*r.h2_contract_price)[y] : (*h.contract_price)[y], 0.0};
  const auto e = static_cast<std::size_t>(*s.electricity_commodity);
  const double intensity =
      r.grid_intensity ? (*r.grid_intensity)[y] : s.commodities[e].indirect_emission_factor;
  return {s.price_path(region, e)[y], intensity};
}

SupplyCost electrolysis_cost(const Scenario& s, std::size_t region, std::size_t y, double crf,
                             double research_factor) {
  const HydrogenSupply& h = *s.hydrogen_supply;
  const Region& r = s.regions[region];
  const Power p = region_power(s, region, y);
  const double subsidy = h.power_subsidy ? std::min((*h.power_subsidy)[y], p.price) : 0.0; // USD/MWh
  const ElectrolysisInputs in{r.h2_capex_factor * electrolyser_capex(h, h.deployment[y]) * research_factor,
                              crf,
                              h.fixed_om,
                              h.load_factor,
                              h.efficiency[y],
                              p.price - subsidy,
                              h.storage_cost};
  return {levelized_cost_of_hydrogen(in), h.efficiency[y] * p.intensity / 1000.0,
          h.efficiency[y] * subsidy / 1000.0};
}

} // namespace

std::vector<double> electrolyser_research_factor(const Scenario& s) {
  const HydrogenSupply& h = *s.hydrogen_supply;
  std::vector<double> factor(s.horizon.size(), 1.0);
  if (!s.policy.fund || s.policy.fund->hydrogen <= 0.0) return factor;
  const std::vector<double> stock = knowledge_stock_path(*s.policy.fund, s.policy.fund->hydrogen);
  const double b = std::log2(1.0 - h.learning_rate_rd);
  for (std::size_t y = 0; y < factor.size(); ++y)
    factor[y] = std::pow((h.base_knowledge + stock[y]) / h.base_knowledge, b);
  return factor;
}

RegionHydrogen region_hydrogen(const Scenario& s, std::size_t region) {
  const HydrogenSupply& h = *s.hydrogen_supply;
  const Region& r = s.regions[region];
  const double crf = capital_recovery_factor(h.discount_rate, h.lifetime_years);
  const YearSeries& tax = r.carbon_price ? *r.carbon_price : s.policy.carbon_price;
  const std::size_t n = s.horizon.size();
  const std::vector<double> research = electrolyser_research_factor(s);
  RegionHydrogen out{std::vector<double>(n), std::vector<double>(n), std::vector<HydrogenSource>(n),
                     std::vector<double>(n)};
  for (std::size_t y = 0; y < n; ++y) {
    SupplyCost best{};
    HydrogenSource source = HydrogenSource::price_path;
    auto consider = [&](HydrogenSource which, const SupplyCost& c) {
      if (source == HydrogenSource::price_path || c.price < best.price) {
        best = c;
        source = which;
      }
    };
    if (h.electrolysis)
      consider(HydrogenSource::electrolysis, electrolysis_cost(s, region, y, crf, research[y]));
    const auto gas = [&] {
      return s.price_path(region, static_cast<std::size_t>(*s.natural_gas_commodity))[y];
    };
    if (h.smr && h.smr->allowed)
      consider(HydrogenSource::smr, fossil_hydrogen_cost(*h.smr, gas(), tax[y], s.policy.storage_cost));
    if (h.smr_ccs && h.smr_ccs->allowed)
      consider(HydrogenSource::smr_ccs,
               fossil_hydrogen_cost(*h.smr_ccs, gas(), tax[y], s.policy.storage_cost));
    out.price[y] = h.cost_factor * best.price;
    out.upstream[y] = best.upstream;
    out.source[y] = source;
    out.subsidy[y] = best.subsidy;
  }
  return out;
}

} // namespace steelpath
