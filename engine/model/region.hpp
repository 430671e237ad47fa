// A market region: steel demand is met by the region's own plants, and scrap
// routes are limited by the region's scrap supply.
#pragma once

#include "model/year_series.hpp"

#include <string>

namespace steelpath {

struct Region {
  std::string id;          ///< e.g. "CHN"
  YearSeries demand;       ///< crude steel demand, Mt/yr
  YearSeries scrap_supply; ///< scrap available to steelmaking, Mt/yr
};

} // namespace steelpath
