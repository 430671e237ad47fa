// One production unit of the starting fleet (a plant with several routes is
// several units), as described by the scenario. Its evolving state during a
// run lives in sim/fleet_state.hpp.
#pragma once

#include <string>

namespace steelpath {

struct PlantUnit {
  std::string id;           ///< unique unit id, e.g. "baoshan-bf1"
  std::string plant;        ///< plant name (several units may share it)
  int company = -1;         ///< index into Scenario::companies
  int region = -1;          ///< index into Scenario::regions
  int technology = -1;      ///< index into Scenario::technologies
  double capacity = 0.0;    ///< crude steel capacity, Mt/yr
  int start_year = 0;       ///< year production started (or will start)
  int last_reline_year = 0; ///< year of the last relining or major investment
};

} // namespace steelpath
