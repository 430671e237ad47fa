#include "cli/summary.hpp"

#include <iomanip>
#include <numeric>
#include <sstream>
#include <string>

namespace steelpath::cli {

namespace {
// Fixed-point text with `digits` decimals, right-aligned in `width`.
std::string num(double v, int digits, int width = 0) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(digits) << std::setw(width) << v;
  return os.str();
}
} // namespace

void print_summary(std::ostream& os, const Scenario& s, const MemberResult& r) {
  const std::size_t last = r.horizon.size() - 1;
  const double e0 = r.total_emissions(0);
  const double e1 = r.total_emissions(last);
  os << "direct CO2 emissions: " << r.horizon.first_year << " " << num(e0, 1) << " Mt CO2, "
     << r.horizon.last_year << " " << num(e1, 1) << " Mt CO2";
  if (e0 > 0) os << " (" << (e1 >= e0 ? "+" : "") << num(100.0 * (e1 - e0) / e0, 0) << " %)";
  os << "\n";
  const double p0 = r.total_production(0);
  const double p1 = r.total_production(last);
  os << "crude steel production: " << num(p0, 1) << " Mt -> " << num(p1, 1) << " Mt\n";
  os << "technology mix (share of production):\n";
  os << "  " << std::string(22, ' ') << std::setw(7) << r.horizon.first_year << std::setw(9)
     << r.horizon.last_year << "\n";
  for (std::size_t k = 0; k < s.technologies.size(); ++k) {
    const double a = p0 > 0 ? 100.0 * r.technology_production(0, k) / p0 : 0.0;
    const double b = p1 > 0 ? 100.0 * r.technology_production(last, k) / p1 : 0.0;
    if (a == 0.0 && b == 0.0) continue;
    std::string name = s.technologies[k].id;
    name.resize(22, ' ');
    os << "  " << name << num(a, 1, 5) << " %" << num(b, 1, 7) << " %\n";
  }
  const double unmet = std::accumulate(r.unmet_demand.begin(), r.unmet_demand.end(), 0.0);
  if (unmet > 0) os << "unmet demand over the horizon: " << num(unmet, 1) << " Mt\n";
  std::size_t count[5] = {0, 0, 0, 0, 0};
  for (const auto& d : r.decisions)
    ++count[static_cast<int>(d.action)];
  os << "investment decisions: " << r.decisions.size() << " (" << count[1] << " route switches, " << count[0]
     << " relinings, " << count[2] << " closures, " << count[3] << " new builds, " << count[4]
     << " deferrals)\n";
}

} // namespace steelpath::cli
