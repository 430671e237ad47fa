#include "sim/carbon_contracts.hpp"

#include <algorithm>
#include <limits>

namespace steelpath {

double contract_term_share(int years, int campaign_years) {
  if (campaign_years <= 0) return 0.0;
  return static_cast<double>(std::min(years, campaign_years)) / campaign_years;
}

double contract_credit(double strike, double expected_price, double avoided, double term_share) {
  return (strike - expected_price) * avoided * term_share;
}

double break_even_strike(double gap, double expected_price, double avoided, double term_share) {
  const double per_price = avoided * term_share; // credit per USD of strike, t CO2 per t steel
  if (per_price <= 0.0) return std::numeric_limits<double>::infinity();
  return expected_price + gap / per_price;
}

double expected_payments(double strike, double expected_price, double avoided, double yearly_output,
                         int years) {
  return std::max(0.0, strike - expected_price) * avoided * yearly_output * years;
}

double contract_payment(double strike, double carbon_price, double avoided, double output, bool two_way) {
  const double pay = (strike - carbon_price) * avoided * output;
  return two_way ? pay : std::max(0.0, pay);
}

double award_round(std::vector<ContractBid>& bids, double budget) {
  std::sort(bids.begin(), bids.end(), [](const ContractBid& a, const ContractBid& b) {
    if (a.strike != b.strike) return a.strike < b.strike;
    return a.stream_id != b.stream_id ? a.stream_id < b.stream_id : a.unit < b.unit;
  });
  double committed = 0.0;
  for (ContractBid& b : bids) {
    if (committed + b.commitment > budget) continue; // passed over: a later, smaller one may fit
    committed += b.commitment;
    b.awarded = true;
  }
  return committed;
}

} // namespace steelpath
