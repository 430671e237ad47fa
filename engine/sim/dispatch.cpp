#include "sim/dispatch.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace steelpath {

namespace {

// What is left of the scrap and gas supplies, and what was used.
struct Supplies {
  double scrap_left, gas_left;
};

// The most of `q` Mt block b can make with the supplies left; flags a
// binding scrap supply in `out`.
double within_supplies(const SupplyBlock& b, double q, const Supplies& left, double demand,
                       DispatchOutcome& out) {
  if (b.scrap_intensity > 0.0 && left.scrap_left / b.scrap_intensity < q) {
    // A cut below a tonne (1e-6 Mt) is rounding, not a binding supply.
    if (q - left.scrap_left / b.scrap_intensity > 1e-9 * std::max(1.0, demand)) out.scrap_bound = true;
    q = left.scrap_left / b.scrap_intensity;
  }
  if (b.gas_intensity > 0.0) q = std::min(q, left.gas_left / b.gas_intensity);
  return q;
}

// Books q Mt of block b: supplies used, output.
void take(const SupplyBlock& b, double q, Supplies& left, DispatchOutcome& out) {
  if (b.scrap_intensity > 0.0) {
    left.scrap_left = std::max(0.0, left.scrap_left - q * b.scrap_intensity);
    out.scrap_used += q * b.scrap_intensity;
  }
  if (b.gas_intensity > 0.0) {
    left.gas_left = std::max(0.0, left.gas_left - q * b.gas_intensity);
    out.gas_used += q * b.gas_intensity;
  }
  out.produced += q;
}

} // namespace

DispatchOutcome dispatch(std::span<const SupplyBlock> blocks, double demand, double scrap_supply,
                         std::span<double> production, std::span<std::size_t> order, double gas_supply) {
  const std::size_t n = blocks.size();
  // Blocks without capacity produce nothing: only the others are ordered
  // (the first m of `order`), in the relative order a sort of all would give.
  std::size_t m = 0;
  bool must_take = false;
  for (std::size_t i = 0; i < n; ++i) {
    production[i] = 0.0;
    if (!(blocks[i].capacity <= 0.0)) order[m++] = i;
    must_take = must_take || blocks[i].must_take > 0.0;
  }
  auto idx = order.first(m);
  // Few blocks (routes per region): insertion sort, stable, no allocation.
  for (std::size_t i = 1; i < m; ++i) {
    const std::size_t key = idx[i];
    std::size_t j = i;
    while (j > 0 && blocks[idx[j - 1]].offer() > blocks[key].offer()) {
      idx[j] = idx[j - 1];
      --j;
    }
    idx[j] = key;
  }

  DispatchOutcome out;
  double remaining = std::max(demand, 0.0);
  Supplies left{std::max(scrap_supply, 0.0), std::max(gas_supply, 0.0)};
  double must_take_price = std::numeric_limits<double>::quiet_NaN();
  if (must_take) // contracted output first, whatever it costs
    for (std::size_t i : idx) {
      const SupplyBlock& b = blocks[i];
      const double q = within_supplies(b, std::min({b.must_take, b.capacity, remaining}), left, demand, out);
      if (q <= 0.0) continue;
      production[i] = q;
      remaining -= q;
      take(b, q, left, out);
      must_take_price = std::isnan(must_take_price) ? b.offer() : std::max(must_take_price, b.offer());
    }
  bool priced = false;
  for (std::size_t i : idx) {
    const SupplyBlock& b = blocks[i];
    const double q = within_supplies(b, std::min(b.capacity - production[i], remaining), left, demand, out);
    if (q <= 0.0) continue;
    production[i] += q;
    remaining -= q;
    take(b, q, left, out);
    out.price = b.offer();
    priced = true;
  }
  // Rounding in `remaining -= q` can leave a few ulps; anything below a
  // tonne (1e-6 Mt) is not unmet demand.
  out.unmet = remaining > 1e-9 * std::max(1.0, demand) ? remaining : 0.0;
  if (!priced) out.price = must_take_price; // NaN when nothing was produced
  return out;
}

} // namespace steelpath
