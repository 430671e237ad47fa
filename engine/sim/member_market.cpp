// The market of a year: allowance price, merit-order dispatch per region, and
// the accounting that follows (docs/model.md, "Market" and "Accounting").
#include "sim/ets_clearing.hpp"
#include "sim/hydrogen_credit.hpp"
#include "sim/member_simulation.hpp"
#include "sim/price_formation.hpp"
#include "sim/scrap_market.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace steelpath {

// Dispatches region r at an allowance price and clears its scrap market with
// it (sim/scrap_market.hpp): blocks_ keep the marginal costs at the cleared
// scrap price, scrap_price_[r] that price.
DispatchOutcome MemberSimulation::dispatch_region(std::size_t r, std::size_t y, double allowance) {
  for (std::size_t k = 0; k < T_; ++k) {
    SupplyBlock& b = blocks_[r * T_ + k];
    b.marginal_cost = marginal_cost(r, k, y, allowance);
    b.scrap_intensity = costs_.scrap_intensity(static_cast<Eigen::Index>(k));
    b.gas_intensity = costs_.gas_intensity(static_cast<Eigen::Index>(k));
    b.premium = route_cost_.near_zero(k) && scenario_.market.green_in_dispatch ? green_premium_[r] : 0.0;
    b.must_take = must_take_[r * T_ + k];
  }
  const std::span<SupplyBlock> region_blocks(blocks_.data() + r * T_, T_);
  const std::span<double> prod(block_production_.data() + r * T_, T_);
  const auto& gas = scenario_.regions[r].dri_gas_supply;
  const double gas_pj = gas ? (*gas)[y] * kPetajoulePerBcm : std::numeric_limits<double>::infinity();
  const ScrapClearing c = clear_scrap(region_blocks, demand_[r], scrap_curve(scenario_, r, y), gas_pj,
                                      priced_, prod, order_, mix_production_, scrap_price_[r]);
  std::copy(priced_.begin(), priced_.end(), region_blocks.begin());
  scrap_price_[r] = c.price;
  return c.dispatch;
}

// The price of region r after its final dispatch `d` (docs/model.md, "Price
// formation"): the long-run floor takes each block's full cost, the capital
// charge of a relining at the scenario's discount rate included.
RegionalPrice MemberSimulation::regional_price(std::size_t r, const DispatchOutcome& d) {
  const Scenario& s = scenario_;
  for (std::size_t k = 0; k < T_; ++k) {
    const Technology& t = s.technologies[k];
    const SupplyBlock& b = blocks_[r * T_ + k];
    // Near-zero output recovers its premium from green buyers, and output
    // contracts take is paid for by them: neither sets the floor.
    full_cost_[k] = full_cost(b.marginal_cost, t.opex_fixed, t.capex_reline * learning_.multiplier(k),
                              floor_crf_[k], s.finance.expected_utilisation) -
                    b.premium;
    const double q = block_production_[r * T_ + k];
    price_output_[k] = q - std::min(q, b.must_take);
  }
  const std::span<const SupplyBlock> region_blocks(blocks_.data() + r * T_, T_);
  return form_price(d, region_blocks, full_cost_, price_output_, s.market);
}

// Dispatches the ETS's regions at an allowance price and returns what the
// clearing compares with the supply: their direct emissions (Mt CO2) under a
// cap; under intensity trading, emissions less free allocation (the net
// demand for allowances, which must not exceed zero).
double MemberSimulation::covered_emissions(std::size_t y, double allowance) {
  const bool net = scenario_.policy.ets->trading == EmissionsTrading::Trading::intensity;
  double emitted = 0.0;
  for (std::size_t r = 0; r < R_; ++r) {
    if (!route_cost_.covered(r)) continue;
    (void)dispatch_region(r, y, allowance);
    for (std::size_t k = 0; k < T_; ++k)
      emitted +=
          block_production_[r * T_ + k] *
          (net ? route_cost_.allowance_slope(k, y) : costs_.direct_intensity(static_cast<Eigen::Index>(k)));
  }
  return emitted;
}

// The allowance price of year index y for the blocks' capacities and
// demand_ as they stand (sim/ets_clearing.hpp).
EtsClearing MemberSimulation::clear_allowances(std::size_t y) {
  const EmissionsTrading& ets = *scenario_.policy.ets;
  // Where two blocks' cost lines in p cross, the merit order can change.
  ets_candidates_.clear();
  for (std::size_t r = 0; r < R_; ++r) {
    if (!route_cost_.covered(r)) continue;
    for (std::size_t a = 0; a < T_; ++a)
      for (std::size_t b = a + 1; b < T_; ++b) {
        const double ds = route_cost_.allowance_slope(b, y) - route_cost_.allowance_slope(a, y);
        if (ds == 0.0) continue;
        const double p = (marginal_cost(r, a, y, 0.0) - marginal_cost(r, b, y, 0.0)) / ds;
        if (p > ets.price_floor && p < ets.price_ceiling) ets_candidates_.push_back(p);
      }
  }
  const bool intensity = ets.trading == EmissionsTrading::Trading::intensity;
  return clear_ets([&](double p) { return covered_emissions(y, p); }, ets_candidates_,
                   intensity ? 0.0 : ets.cap[y], ets.price_floor, ets.price_ceiling);
}

void MemberSimulation::clear_market(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  const double max_u = s.market.max_utilisation;
  for (auto& b : blocks_)
    b.capacity = 0.0;
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    if (fleet_.status[i] != UnitStatus::operating) continue;
    const auto r = static_cast<std::size_t>(fleet_.region[i]);
    const auto k = static_cast<std::size_t>(fleet_.technology[i]);
    blocks_[r * T_ + k].capacity += fleet_.capacity[i] * max_u;
    out.capacity[out.at(y, r, k)] += fleet_.capacity[i];
    ++out.unit_years;
  }
  if (!s.policy.offtakes.empty()) set_must_take(y);
  double allowance = 0.0;
  if (s.policy.ets) {
    const EtsClearing c = clear_allowances(y);
    allowance = c.price;
    if (s.policy.ets->trading == EmissionsTrading::Trading::cap) { // intensity: after the final dispatch
      out.ets_cap[y] = s.policy.ets->cap[y];
      out.ets_emissions[y] = c.emissions;
    }
  }
  allowance_ = allowance;
  for (std::size_t r = 0; r < R_; ++r)
    out.allowance_price[y * R_ + r] = route_cost_.covered(r) ? allowance : 0.0;
  // The final dispatch of every region at the clearing price, after the
  // premium that clears its market for near-zero steel.
  for (std::size_t r = 0; r < R_; ++r) {
    if (route_cost_.green_market()) clear_green_premium(r, y, allowance);
    const DispatchOutcome d = dispatch_region(r, y, allowance);
    const std::size_t yr = y * R_ + r;
    out.demand[yr] = demand_[r];
    out.unmet_demand[yr] = d.unmet;
    const RegionalPrice p = regional_price(r, d);
    out.steel_price[yr] = p.price;
    out.steel_price_short_run[yr] = p.short_run;
    out.steel_price_floor[yr] = p.floor;
    out.scrap_used[yr] = d.scrap_used;
    out.scrap_price[yr] = scrap_price_[r];
    out.scrap_available[yr] = scenario_.regions[r].scrap_supply[y];
    out.gas_use[yr] = d.gas_used / kPetajoulePerBcm;
    out.carbon_price[yr] = costs_.carbon_tax[r](static_cast<Eigen::Index>(y));
  }
  if (s.policy.ets && s.policy.ets->trading == EmissionsTrading::Trading::intensity) {
    // The supply that cleared is the free allocation, benchmark x output.
    double emitted = 0.0, net = 0.0;
    for (std::size_t r = 0; r < R_; ++r)
      if (route_cost_.covered(r))
        for (std::size_t k = 0; k < T_; ++k) {
          const double q = block_production_[r * T_ + k];
          emitted += q * costs_.direct_intensity(static_cast<Eigen::Index>(k));
          net += q * route_cost_.allowance_slope(k, y);
        }
    out.ets_cap[y] = emitted - net;
    out.ets_emissions[y] = emitted;
  }
}

// Investors price scrap at what the committed fleet will bid for it: the
// curve's price for the scrap their routes would use at the expected
// utilisation, not last year's clearing (a short year's cap price would
// otherwise be read as the price of a whole campaign, and the scrap routes
// all leave at once; docs/model.md, "Scrap market").
void MemberSimulation::expect_scrap_prices(std::size_t y) {
  const double share = scenario_.finance.expected_utilisation / scenario_.market.max_utilisation;
  for (std::size_t r = 0; r < R_; ++r) {
    const ScrapCurve curve = scrap_curve(scenario_, r, y);
    outlook_.scrap_premium[r] = curve.price_for(scrap_commitment_[r] * share) - curve.reference_price;
  }
}

// Units share their block's output in proportion to capacity; their company
// books it with its costs, emissions and revenue.
void MemberSimulation::book_unit_output(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  // This year's rows, as plain pointers: the loop runs once per unit.
  double* const company_costs = out.company_costs.data() + y * C_;
  double* const company_production = out.company_production.data() + y * C_;
  double* const company_emissions = out.company_emissions.data() + y * C_;
  double* const company_revenue = out.company_revenue.data() + y * C_;
  const double* const steel_price = out.steel_price.data() + y * R_;
  const bool credits = !costs_.hydrogen_credit.empty();
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    fleet_.production[i] = 0.0;
    if (fleet_.status[i] != UnitStatus::operating) continue;
    const auto r = static_cast<std::size_t>(fleet_.region[i]);
    const auto k = static_cast<std::size_t>(fleet_.technology[i]);
    const SupplyBlock& b = blocks_[r * T_ + k];
    const double q = unit_output(i, b, block_production_[r * T_ + k]);
    fleet_.production[i] = q;
    fleet_.idle_years[i] = q > 1e-12 ? 0 : fleet_.idle_years[i] + 1;
    const auto c = static_cast<std::size_t>(fleet_.company[i]);
    const double price = steel_price[r];
    // Costs: the block's marginal cost (variable, carbon, penalty, storage; set
    // by this year's final dispatch) on the output, and fixed opex on the capacity.
    company_costs[c] += q * b.marginal_cost + s.technologies[k].opex_fixed * fleet_.capacity[i];
    company_production[c] += q;
    company_emissions[c] += q * costs_.direct_intensity(static_cast<Eigen::Index>(k));
    if (std::isfinite(price)) company_revenue[c] += q * price; // Mt x USD/t = million USD
    if (green_rate_[r] > 0.0 && route_cost_.near_zero(k)) // contracted output earns the contract's premium
      company_revenue[c] += (q - taken_output(i)) * green_rate_[r];
    if (credits) book_hydrogen_credit(i, q, y, out);
  }
}

// Unit i's share of its block b's output `made` (Mt): its must-take output
// first, then the rest in proportion to the capacity left.
double MemberSimulation::unit_output(std::size_t i, const SupplyBlock& b, double made) const {
  const double max_u = scenario_.market.max_utilisation;
  if (!(b.capacity > 0.0)) return 0.0;
  if (!(b.must_take > 0.0)) return made * fleet_.capacity[i] * max_u / b.capacity;
  const double taken = std::min(made, b.must_take);
  const double rest = b.capacity - b.must_take;
  const double own = unit_take_[i] * taken / b.must_take;
  return own + (rest > 0.0 ? (made - taken) * (fleet_.capacity[i] * max_u - unit_take_[i]) / rest : 0.0);
}

// The production credit on the hydrogen unit i used for its output q (Mt),
// when the unit qualifies this year (sim/hydrogen_credit.hpp): paid to its
// company (cash, as a transferable or directly paid credit) and reported.
void MemberSimulation::book_hydrogen_credit(std::size_t i, double q, std::size_t y, MemberResult& out) {
  const auto r = static_cast<std::size_t>(fleet_.region[i]);
  const auto k = static_cast<std::size_t>(fleet_.technology[i]);
  const double rate = costs_.hydrogen_credit[r][y]; // USD/kg
  const double kg = costs_.hydrogen_intensity(static_cast<Eigen::Index>(k));
  if (!(rate > 0.0 && kg > 0.0 && q > 0.0) ||
      !credit_paid(*scenario_.hydrogen_supply->production_credit, fleet_.build_year[i],
                   scenario_.technologies[k].construction_years, scenario_.horizon.year(y)))
    return;
  const double paid = q * kg * rate; // Mt x kg/t = kt; kt x USD/kg = million USD
  out.hydrogen_credit[y * R_ + r] += paid;
  out.company_revenue[y * C_ + static_cast<std::size_t>(fleet_.company[i])] += paid;
}

void MemberSimulation::account(std::size_t y, MemberResult& out) {
  const Scenario& s = scenario_;
  const auto yi = static_cast<Eigen::Index>(y);
  for (std::size_t r = 0; r < R_; ++r) {
    const double premium = scrap_price_[r] - scrap_curve(s, r, y).reference_price; // cleared less p0, USD/t
    for (std::size_t k = 0; k < T_; ++k) {
      const auto ki = static_cast<Eigen::Index>(k);
      const double q = block_production_[r * T_ + k];
      const std::size_t a = out.at(y, r, k);
      out.production[a] = q;
      out.emissions[a] = q * costs_.direct_intensity(ki);
      out.captured[a] = q * costs_.captured_intensity(ki);
      out.indirect[a] = q * costs_.indirect[r](ki, yi);
      out.hydrogen_use[y * R_ + r] += q * costs_.hydrogen_intensity(ki); // Mt x kg/t = kt
      // Resource cost: no carbon payments (transfers); fixed opex on the
      // block's operating capacity (clear_market summed it), not per unit.
      const CostTerms cost = route_cost_.operating(r, k, y, allowance_);
      const double scrap = costs_.scrap_intensity(ki) * premium; // at the cleared price
      out.operating_cost[y * R_ + r] +=
          q * (cost.variable + scrap + cost.storage) + s.technologies[k].opex_fixed * out.capacity[a];
    }
  }
  // Scrap was charged at the cleared price; what collecting it cost is the
  // area under the supply curve, the rest is the collectors' rent. Hydrogen:
  // the region's cost and supply, and the CO2 of what was used (kt x t/kg = Mt).
  for (std::size_t r = 0; r < R_; ++r) {
    const std::size_t yr = y * R_ + r;
    const auto ri = static_cast<Eigen::Index>(r);
    out.hydrogen_cost[yr] = costs_.hydrogen_price(ri, yi);
    out.hydrogen_source[yr] = costs_.hydrogen_source(ri, yi);
    out.hydrogen_co2[yr] = out.hydrogen_use[yr] * costs_.hydrogen_upstream(ri, yi);
    out.hydrogen_subsidy[yr] = out.hydrogen_use[yr] * costs_.hydrogen_subsidy(ri, yi); // kt x USD/kg
    const double used = out.scrap_used[yr];
    const double rent =
        std::max(0.0, out.scrap_price[yr] * used - scrap_curve(s, r, y).collection_cost(used));
    out.scrap_rent[yr] = rent;
    out.operating_cost[yr] -= rent;
  }
  book_green_market(y, out); // before the units: their green premium
  book_unit_output(y, out);
  settle_contracts(y, out);
}

} // namespace steelpath
