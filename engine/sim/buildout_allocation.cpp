#include "sim/buildout_allocation.hpp"

#include <algorithm>
#include <tuple>

namespace steelpath {

std::vector<double> allocate_buildout(std::vector<BuildoutRequest>& requests,
                                      std::span<const double> allowance) {
  // A total order that does not depend on where the units stood in the file:
  // larger gain first, then the year's lottery, then the stream id.
  std::sort(requests.begin(), requests.end(), [](const BuildoutRequest& a, const BuildoutRequest& b) {
    return std::tuple(a.route, -a.gain, a.lottery, a.key, a.unit) <
           std::tuple(b.route, -b.gain, b.lottery, b.key, b.unit);
  });
  std::vector<double> granted(allowance.size(), 0.0);
  for (BuildoutRequest& q : requests) {
    const auto k = static_cast<std::size_t>(q.route);
    q.granted = granted[k] + q.capacity <= allowance[k] * (1.0 + 1e-12);
    if (q.granted) granted[k] += q.capacity;
  }
  return granted;
}

} // namespace steelpath
