#include "sim/member_series.hpp"

#include <array>
#include <limits>
#include <stdexcept>
#include <string>

namespace steelpath {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void total_emissions(const MemberResult& r, std::vector<double>& out) {
  out.resize(r.horizon.size());
  for (std::size_t y = 0; y < out.size(); ++y)
    out[y] = r.total_emissions(y);
}

using R = MemberResult;
using D = SeriesDims;
using V = NonFinite;

// Every quantity, money flow and price set by the scenario or a policy rule
// is a finite number. NaN means "no value" in three series only: the steel
// price where nothing was produced and the ETS series without an ETS. No
// series may hold an infinity (sim/finite_check.hpp).
const MemberSeries kSeries[] = {
    {"production", &R::production, D::year_region_technology, "Mt", "crude steel production", V::none},
    {"capacity", &R::capacity, D::year_region_technology, "Mt/yr",
     "operating crude steel capacity (nameplate)", V::none},
    {"emissions", nullptr, D::year, "Mt CO2", "direct CO2 emissions, all regions and routes", V::none, 0.0,
     total_emissions},
    {"emissions_direct", &R::emissions, D::year_region_technology, "Mt CO2", "direct CO2 emissions", V::none},
    {"emissions_indirect", &R::indirect, D::year_region_technology, "Mt CO2",
     "indirect CO2 (grid electricity, upstream)", V::none},
    {"captured_co2", &R::captured, D::year_region_technology, "Mt CO2", "CO2 captured by CCUS", V::none},
    {"demand", &R::demand, D::year_region, "Mt", "crude steel demand after material efficiency", V::none},
    {"unmet_demand", &R::unmet_demand, D::year_region, "Mt",
     "demand not met for lack of capacity, scrap or gas", V::none},
    {"steel_price", &R::steel_price, D::year_region, "USD/t",
     "regional price: the higher of the short-run price and the long-run floor", V::nan},
    {"steel_price_short_run", &R::steel_price_short_run, D::year_region, "USD/t",
     "marginal cost of the marginal unit plus the scarcity adder", V::nan},
    {"steel_price_floor", &R::steel_price_floor, D::year_region, "USD/t",
     "long-run floor: full cost of the most expensive capacity the market keeps, times the factor", V::nan},
    {"scrap_use", &R::scrap_used, D::year_region, "Mt", "scrap consumed (EAF and converter charge)", V::none},
    {"scrap_price", &R::scrap_price, D::year_region, "USD/t", "cleared scrap price", V::none},
    {"scrap_available", &R::scrap_available, D::year_region, "Mt", "scrap that can be collected", V::none},
    {"gas_use_dri", &R::gas_use, D::year_region, "bcm", "natural gas burnt by direct-reduction routes",
     V::none},
    {"carbon_price", &R::carbon_price, D::year_region, "USD/t CO2", "carbon tax on direct emissions",
     V::none},
    {"investment", &R::investment, D::year_region, "million USD",
     "capex spent on builds, conversions and relinings", V::none},
    {"operating_cost", &R::operating_cost, D::year_region, "million USD",
     "variable costs without carbon payments, scrap at its collection cost, CCUS storage and fixed opex",
     V::none},
    {"scrap_rent", &R::scrap_rent, D::year_region, "million USD",
     "cleared scrap price x scrap used less its collection cost (a transfer to collectors)", V::none},
    {"hydrogen_cost", &R::hydrogen_cost, D::year_region, "USD/kg",
     "the region's hydrogen cost: the cheapest supply allowed (or the price path)", V::none},
    {"hydrogen_use", &R::hydrogen_use, D::year_region, "kt", "hydrogen used by the region's routes", V::none},
    {"hydrogen_co2", &R::hydrogen_co2, D::year_region, "Mt CO2",
     "upstream CO2 of the hydrogen used (part of emissions_indirect)", V::none},
    {"hydrogen_source", &R::hydrogen_source, D::year_region, "1",
     "the region's hydrogen supply: 0 price path, 1 electrolysis, 2 SMR, 3 SMR with CCS", V::none},
    {"hydrogen_subsidy", &R::hydrogen_subsidy, D::year_region, "million USD",
     "public cost of the power subsidy for electrolysis in the hydrogen used", V::none},
    {"hydrogen_credit", &R::hydrogen_credit, D::year_region, "million USD",
     "hydrogen production credit paid on the hydrogen qualifying units used (public cost)", V::none},
    {"green_volume", &R::green_volume, D::year_region, "Mt",
     "near-zero steel sold at the green premium (outside offtake contracts)", V::none},
    {"green_premium", &R::green_premium, D::year_region, "USD/t",
     "premium over the steel price that cleared the market for near-zero steel", V::none},
    {"green_premium_paid", &R::green_premium_paid, D::year_region, "million USD",
     "green premiums paid by buyers of near-zero steel", V::none},
    {"green_shortfall", &R::green_shortfall, D::year_region, "Mt",
     "near-zero steel a procurement mandate required but the region did not make", V::none},
    {"green_penalty_paid", &R::green_penalty_paid, D::year_region, "million USD",
     "penalties mandated buyers pay on the shortfall (shortfall x policies.procurement.penalty)", V::none},
    {"green_additional_capacity", &R::green_additional_capacity, D::year_region, "Mt/yr",
     "capacity that took a near-zero route because of green premiums (market and offtake contracts)",
     V::none},
    {"allowance_price", &R::allowance_price, D::year_region, "USD/t CO2",
     "emissions trading allowance price (0 outside the ETS)", V::none},
    {"ets_cap", &R::ets_cap, D::year, "Mt CO2",
     "allowances issued: the cap, or with intensity trading the free allocation (NaN without an ETS)", V::nan,
     kNaN},
    {"ets_emissions", &R::ets_emissions, D::year, "Mt CO2",
     "covered direct emissions; above ets_cap when the cap could not be met", V::nan, kNaN},
    {"expected_allowance_price", &R::expected_allowance_price, D::year, "USD/t CO2",
     "allowance price investors put in that year's decisions (policies.ets.expectation; NaN without an ETS)",
     V::nan, kNaN},
    {"subsidies_paid", &R::subsidies_paid, D::year, "million USD", "capex subsidies paid", V::none},
    {"ccfd_bids", &R::ccfd_bids, D::year, "1", "carbon-contract bids admitted in the year's round", V::none},
    {"ccfd_awarded", &R::ccfd_awarded, D::year, "1", "carbon contracts awarded in the year's round", V::none},
    {"ccfd_strike", &R::ccfd_strike, D::year, "USD/t CO2",
     "mean strike of the carbon contracts awarded in the year (0: none)", V::none},
    {"ccfd_committed", &R::ccfd_committed, D::year, "million USD",
     "expected payments the year's round committed (undiscounted)", V::none},
    {"ccfd_built", &R::ccfd_built, D::year, "Mt/yr",
     "capacity of contract winners that built their contracted route", V::none},
    {"ccfd_paid", &R::ccfd_paid, D::year, "million USD", "carbon-contract payments to holders", V::none},
    {"ccfd_clawback", &R::ccfd_clawback, D::year, "million USD",
     "carbon-contract payments back from holders when the carbon price is above the strike", V::none},
    {"ccfd_avoided", &R::ccfd_avoided, D::year, "Mt CO2",
     "CO2 avoided against the reference route by contract holders' output", V::none},
    {"subsidies_unpaid", &R::subsidies_unpaid, D::year, "million USD",
     "capex subsidies requested beyond the budget", V::none},
    {"fund_spent", &R::fund_spent, D::year, "million USD",
     "innovation fund spending: route R&D + electrolyser R&D + demonstration grants paid", V::none},
    {"fund_hydrogen_research", &R::fund_hydrogen_research, D::year, "million USD",
     "innovation fund R&D on electrolysers", V::none},
    {"stranded_capacity", &R::stranded, D::year, "Mt/yr", "capacity closed before its end of life", V::none},
    {"company_production", &R::company_production, D::year_company, "Mt", "crude steel production", V::none},
    {"company_emissions", &R::company_emissions, D::year_company, "Mt CO2", "direct CO2 emissions", V::none},
    {"company_revenue", &R::company_revenue, D::year_company, "million USD",
     "steel sales and offtake premiums", V::none},
    {"internal_carbon_price", &R::internal_price, D::year_company, "USD/t CO2",
     "internal carbon price from the company's target", V::none},
    {"company_costs", &R::company_costs, D::year_company, "million USD",
     "variable, carbon and fixed operating costs", V::none},
    {"company_investment", &R::company_investment, D::year_company, "million USD", "capex before subsidies",
     V::none},
    {"company_subsidies", &R::company_subsidies, D::year_company, "million USD", "capex subsidies received",
     V::none},
    {"company_cash", &R::company_cash, D::year_company, "million USD",
     "cash: opening balance + EBITDA - interest - repayments - equity share of net capex", V::none},
    {"company_ebitda", &R::company_ebitda, D::year_company, "million USD", "revenue - costs", V::none},
    {"company_debt", &R::company_debt, D::year_company, "million USD",
     "loans outstanding: opening debt + borrowed share of net capex - repayments", V::none},
    {"company_interest", &R::company_interest, D::year_company, "million USD", "interest paid on debt",
     V::none},
    {"company_tax", &R::company_tax, D::year_company, "million USD",
     "corporate income tax: tax_rate x (EBITDA - depreciation - interest - losses carried forward)", V::none},
    {"company_dividends", &R::company_dividends, D::year_company, "million USD",
     "dividends: payout_ratio x profit after tax, as far as cash allows", V::none},
    {"offtake_volume", &R::offtake_volume, D::year_contract, "Mt", "green steel delivered under the contract",
     V::none},
    {"offtake_premium", &R::offtake_premium, D::year_contract, "million USD",
     "premiums paid above the market price", V::none},
    {"capex_factor", &R::capex_factor, D::year_technology, "1", "learning factor on the route's capex",
     V::none, 1.0},
    {"readiness", &R::readiness, D::year_technology, "TRL",
     "readiness level innovation-alliance members see (sets the risk premium; docs/model.md)", V::none},
    {"readiness_others", &R::readiness_others, D::year_technology, "TRL",
     "readiness level companies outside the alliance see", V::none},
    {"fund_research", &R::fund_research, D::year_technology, "million USD",
     "innovation fund R&D on the route's capex", V::none},
    {"fund_grants", &R::fund_grants, D::year_technology, "million USD",
     "innovation fund demonstration grants paid for the route's first-of-a-kind plants", V::none},
    {"fund_grant_capacity", &R::fund_grant_capacity, D::year_technology, "Mt/yr",
     "capacity of the first-of-a-kind plants the fund's grants co-financed", V::none},
};

} // namespace

std::span<const std::string_view> dimension_names(SeriesDims d) {
  static constexpr std::string_view year[] = {"year"};
  static constexpr std::string_view region[] = {"year", "region"};
  static constexpr std::string_view route[] = {"year", "region", "technology"};
  static constexpr std::string_view company[] = {"year", "company"};
  static constexpr std::string_view contract[] = {"year", "contract"};
  static constexpr std::string_view technology[] = {"year", "technology"};
  switch (d) {
  case SeriesDims::year:
    return year;
  case SeriesDims::year_region:
    return region;
  case SeriesDims::year_region_technology:
    return route;
  case SeriesDims::year_company:
    return company;
  case SeriesDims::year_contract:
    return contract;
  case SeriesDims::year_technology:
    return technology;
  }
  throw std::logic_error("dimension_names: unknown SeriesDims");
}

std::size_t series_size(const MemberResult& r, SeriesDims d) {
  const std::size_t ny = r.horizon.size();
  switch (d) {
  case SeriesDims::year:
    return ny;
  case SeriesDims::year_region:
    return ny * r.n_regions;
  case SeriesDims::year_region_technology:
    return ny * r.n_regions * r.n_technologies;
  case SeriesDims::year_company:
    return ny * r.n_companies;
  case SeriesDims::year_contract:
    return ny * r.n_contracts;
  case SeriesDims::year_technology:
    return ny * r.n_technologies;
  }
  throw std::logic_error("series_size: unknown SeriesDims");
}

std::span<const MemberSeries> member_series() {
  return kSeries;
}

const MemberSeries& find_member_series(std::string_view name) {
  for (const auto& s : kSeries)
    if (s.name == name) return s;
  throw std::out_of_range("no member series " + std::string(name));
}

std::span<const double> series_values(const MemberSeries& s, const MemberResult& r,
                                      std::vector<double>& scratch) {
  if (s.field != nullptr) return r.*s.field;
  s.derive(r, scratch);
  return scratch;
}

} // namespace steelpath
