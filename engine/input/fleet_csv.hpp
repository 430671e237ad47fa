// Reads the starting fleet from a CSV table: one row per production unit.
//
// Required columns (any order; other columns are ignored, e.g. latitude):
//   unit_id           unique id of the unit
//   plant             plant name
//   company           company id, declared in the scenario's `companies`
//   region            region id, declared in the scenario's `regions`
//   technology        route id, declared in the scenario's `technologies`
//   capacity_mtpa     crude steel capacity, Mt/yr (>= 0)
//   start_year        year production started or will start
//   last_reline_year  year of the last relining or major investment; empty when
//                     unknown (then imputed per run: sim/fleet_timing.hpp)
//
// Optional column:
//   status            operating, construction or announced (GEM's status;
//                     empty: operating or, with a later start year, under
//                     construction). Announced units enter only when their
//                     region needs the capacity (docs/model.md).
#pragma once

#include "input/csv_table.hpp"
#include "model/plant_unit.hpp"
#include "model/scenario.hpp"

#include <vector>

namespace steelpath::input {

/// The columns of a fleet CSV, in order (capacity_mtpa in Mt/yr).
inline const std::vector<std::string> kFleetColumns = {
    "unit_id", "plant", "company", "region", "technology", "capacity_mtpa", "start_year", "last_reline_year"};

/// The values the optional `status` column may take.
inline const std::vector<std::string> kFleetStatuses = {"operating", "construction", "announced"};

/// Converts the table's rows into units, resolving ids against the scenario's
/// companies, regions and technologies. Every bad cell is reported with its
/// line and column name; bad rows are skipped.
[[nodiscard]] std::vector<PlantUnit> read_fleet(const CsvTable& table, const Scenario& scenario,
                                                Diagnostics& diagnostics);

} // namespace steelpath::input
