// A steelmaker: the agent that owns units and takes their investment
// decisions with its own hurdle rate, foresight, finance limit and targets.
#pragma once

#include "model/year_series.hpp"

#include <optional>
#include <string>

namespace steelpath {

/// How a company expects prices and carbon costs when it levelizes an option's cost.
enum class Foresight {
  perfect, ///< sees the scenario's price and carbon paths over the campaign
  myopic,  ///< expects this year's prices to hold
  trend,   ///< extends the last five years' linear trend (never below zero)
};

/// A company's own climate target, acting as an internal carbon price that
/// rises while the company's emissions are above its target path.
struct CompanyTarget {
  int peak_year = 0;                   ///< emissions should not rise after this year (0: none)
  int neutrality_year = 0;             ///< direct emissions should reach zero by this year (0: none)
  double price_step = 10.0;            ///< USD/t CO2 the internal price rises per year off track
  double price_max = 300.0;            ///< USD/t CO2 ceiling of the internal price
  std::optional<YearSeries> intensity; ///< milestones: maximum direct intensity, t CO2/t (empty: none)
};

/// A steelmaker: owns units and takes their investment decisions (hurdle rate, foresight, limits, target).
struct Company {
  std::string id;            ///< e.g. "baowu"
  std::string name;          ///< readable name, e.g. "China Baowu Steel Group"
  double hurdle_rate = 0.08; ///< discount rate of its investments, 1/yr
  /// How it expects prices and carbon costs over a campaign.
  Foresight foresight = Foresight::perfect;
  double finance_limit = 0.0;   ///< capex per year at most this share of last year's revenue; 0: no limit
  double debt_limit = 0.0;      ///< net debt (debt - cash) may not exceed this, million USD; 0: no limit
  bool alliance_member = false; ///< member of the innovation alliance (fund-induced availability)
  /// Its own climate target (an internal carbon price); empty: none.
  std::optional<CompanyTarget> target;
};

} // namespace steelpath
