#include "sim/dispatch.hpp"

#include <algorithm>
#include <limits>

namespace steelpath {

DispatchOutcome dispatch(std::span<const SupplyBlock> blocks, double demand, double scrap_supply,
                         std::span<double> production, std::span<std::size_t> order, double gas_supply) {
  const std::size_t n = blocks.size();
  // Blocks without capacity produce nothing: only the others are ordered
  // (the first m of `order`), in the relative order a sort of all would give.
  std::size_t m = 0;
  for (std::size_t i = 0; i < n; ++i) {
    production[i] = 0.0;
    if (!(blocks[i].capacity <= 0.0)) order[m++] = i;
  }
  auto idx = order.first(m);
  // Few blocks (routes per region): insertion sort, stable, no allocation.
  for (std::size_t i = 1; i < m; ++i) {
    const std::size_t key = idx[i];
    std::size_t j = i;
    while (j > 0 && blocks[idx[j - 1]].marginal_cost > blocks[key].marginal_cost) {
      idx[j] = idx[j - 1];
      --j;
    }
    idx[j] = key;
  }

  DispatchOutcome out;
  double remaining = std::max(demand, 0.0);
  double scrap_left = std::max(scrap_supply, 0.0);
  double gas_left = std::max(gas_supply, 0.0);
  bool priced = false;
  for (std::size_t i : idx) {
    const SupplyBlock& b = blocks[i];
    double q = std::min(b.capacity, remaining);
    if (b.scrap_intensity > 0.0 && scrap_left / b.scrap_intensity < q) {
      // A cut below a tonne (1e-6 Mt) is rounding, not a binding supply.
      if (q - scrap_left / b.scrap_intensity > 1e-9 * std::max(1.0, demand)) out.scrap_bound = true;
      q = scrap_left / b.scrap_intensity;
    }
    if (b.gas_intensity > 0.0) q = std::min(q, gas_left / b.gas_intensity);
    if (q <= 0.0) continue;
    production[i] = q;
    remaining -= q;
    if (b.scrap_intensity > 0.0) {
      scrap_left = std::max(0.0, scrap_left - q * b.scrap_intensity);
      out.scrap_used += q * b.scrap_intensity;
    }
    if (b.gas_intensity > 0.0) {
      gas_left = std::max(0.0, gas_left - q * b.gas_intensity);
      out.gas_used += q * b.gas_intensity;
    }
    out.produced += q;
    out.price = b.marginal_cost;
    priced = true;
  }
  // Rounding in `remaining -= q` can leave a few ulps; anything below a
  // tonne (1e-6 Mt) is not unmet demand.
  out.unmet = remaining > 1e-9 * std::max(1.0, demand) ? remaining : 0.0;
  if (!priced) out.price = std::numeric_limits<double>::quiet_NaN();
  return out;
}

} // namespace steelpath
