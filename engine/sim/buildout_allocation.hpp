// Fair allocation of build-out limits (docs/model.md, "Build-out limits").
// Within a year, the units whose decision would take a limited route ask for
// it; each request carries the unit's gain from that route: its best other
// option's levelized cost minus the route's (USD/t). Each route's allowance
// (Mt/yr of capacity it may gain that year) goes to the requests with the
// largest gains; a request that no longer fits is refused and the next ones
// are tried. Equal gains are ordered by a counter-based draw keyed by the
// unit's stream id and the year (random_stream.hpp, Purpose::decision_order),
// then by the stream id: never by the unit's position in the fleet file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace steelpath {

/// One unit's request for a build-out-limited route in one year.
struct BuildoutRequest {
  std::size_t unit = 0;     ///< index of the unit in the fleet state (reached only by a stream-id collision)
  std::uint32_t key = 0;    ///< the unit's stream id (a hash of its id): second tie-break
  double lottery = 0.0;     ///< the unit's draw in [0, 1) for this year: first tie-break
  int route = -1;           ///< the limited route asked for
  double capacity = 0.0;    ///< capacity the unit would add to the route, Mt/yr
  double gain = 0.0;        ///< best other option's LCOS minus the route's, USD/t
  double lcos = 0.0;        ///< the route's levelized cost for this unit, USD/t
  double lcos_reline = 0.0; ///< the unit's own route's levelized cost, USD/t (NaN: none)
  bool granted = false;     ///< set by allocate_buildout
};

/// Grants requests route by route in order of decreasing gain (then
/// increasing lottery, then stream id) while the route's allowance (Mt/yr,
/// per route; infinite: no limit) has room for them; marks each request
/// granted or not and returns, per route, the capacity granted (Mt/yr).
/// `requests` is reordered (by route, then that order).
std::vector<double> allocate_buildout(std::vector<BuildoutRequest>& requests,
                                      std::span<const double> allowance);

} // namespace steelpath
