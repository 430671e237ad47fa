// A steelmaking route (BF-BOF, scrap-EAF, H2-DRI-EAF, ...): what it consumes per
// tonne of crude steel, what it emits, what it costs to build, convert or
// reline, when it can be chosen, and how its cost learns.
#pragma once

#include <string>
#include <vector>

namespace steelpath {

/// A steelmaking route: inputs per t crude steel, emissions, costs (USD per t/yr), timing and learning.
struct Technology {
  std::string id;     ///< key used in scenarios and results, e.g. "bf_bof"
  std::string name;   ///< readable name, e.g. "BF-BOF (average)"
  std::string family; ///< route family for benchmarks and bans: "bf", "dri", "eaf", "sr", "electrolysis"

  /// Inputs per tonne of crude steel, one entry per scenario commodity, each
  /// in that commodity's unit (t, GJ, kg, MWh per t crude steel).
  std::vector<double> inputs;

  double process_emissions = 0.0; ///< t CO2 per t crude steel not tied to a commodity (fluxes, electrodes)
  double capture_rate = 0.0;      ///< share of direct CO2 captured, 0..1
  double capex_greenfield = 0.0;  ///< USD per (t/yr) of capacity, new build
  double capex_switch = 0.0; ///< USD per (t/yr), converting an existing unit of another route to this one
  /// Per origin route: the conversion capex from that route, USD per (t/yr);
  /// NaN (or empty) where capex_switch applies.
  std::vector<double> capex_switch_from;
  double capex_reline = 0.0;  ///< USD per (t/yr), reinvestment at the end of a campaign
  double opex_fixed = 0.0;    ///< USD per (t/yr) per year
  int campaign_years = 20;    ///< years between reinvestment decisions
  int lifetime_years = 40;    ///< years from start to end of life (then rebuild, switch or close)
  int construction_years = 3; ///< years a new build or conversion takes (a new build produces nothing
                              ///< meanwhile; a converted unit runs its old route until ready)
  int available_from = 1800;  ///< first calendar year the route can be chosen
  int readiness = 9;          ///< technology readiness level, 1..9 (risk premium below 9)
  /// Build-out limit: capacity (Mt/yr) the route may gain in one year by new
  /// builds and conversions, over all regions; empty: unlimited. Stands for
  /// the supply chains, skills and infrastructure a new route waits for.
  YearSeries max_new_capacity;

  // Two-factor learning (docs/model.md): capex x (C/C0)^-b_c x (K/K0)^-b_k.
  double learning_rate = 0.0;    ///< capex reduction per doubling of cumulative capacity, 0..1
  double learning_rate_rd = 0.0; ///< capex reduction per doubling of the knowledge stock, 0..1
  double base_capacity = 1.0;    ///< cumulative capacity at which the capex figures hold, Mt/yr
  /// Cumulative capacity of the route in the world when the run starts, Mt/yr;
  /// 0: base_capacity. Below base_capacity the route starts dearer than its
  /// capex figures (the first-of-a-kind premium (C_start/C0)^b - 1), which
  /// falls as capacity is built.
  double start_capacity = 0.0;
  double base_knowledge = 1.0; ///< knowledge stock at which the capex figures hold, million USD
  /// Knowledge stock (million USD) at which the route becomes available to
  /// alliance members before available_from; 0: the fund cannot bring it forward.
  double knowledge_threshold = 0.0;
};

} // namespace steelpath
