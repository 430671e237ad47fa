#include "sim/hydrogen_credit.hpp"

#include <algorithm>
#include <cmath>

namespace steelpath {

double credit_rate(const ProductionCredit& c, double kg_co2_per_kg) {
  for (const CreditTier& t : c.tiers)
    if (kg_co2_per_kg <= t.max_intensity) return t.credit;
  return 0.0;
}

bool credit_paid(const ProductionCredit& c, int service_year, int construction_years, int year) {
  return service_year - construction_years <= c.last_start_year && year >= service_year &&
         year < service_year + c.years;
}

double levelized_credit(std::span<const double> per_tonne, std::size_t start, int campaign, long first_paid,
                        long end_paid, double rate) {
  if (per_tonne.empty() || campaign <= 0) return 0.0;
  const double d = 1.0 / (1.0 + rate);
  double weight = 1.0, paid = 0.0, weights = 0.0;
  for (int t = 0; t < campaign; ++t) {
    const long at = static_cast<long>(start) + t;
    if (at >= first_paid && at < end_paid)
      paid += weight * per_tonne[std::min(static_cast<std::size_t>(at), per_tonne.size() - 1)];
    weights += weight;
    weight *= d;
  }
  return paid / weights;
}

} // namespace steelpath
