// One production unit of the starting fleet (a plant with several routes is
// several units), as described by the scenario. Its evolving state during a
// run lives in sim/fleet_state.hpp; an unknown relining year is imputed per
// run (sim/fleet_timing.hpp).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace steelpath {

/// One unit of the starting fleet: owner, region, route, capacity (Mt/yr) and age (calendar years).
struct PlantUnit {
  std::string id;           ///< unique unit id, e.g. "baoshan-bf1"
  std::string plant;        ///< plant name (several units may share it)
  int company = -1;         ///< index into Scenario::companies
  int region = -1;          ///< index into Scenario::regions
  int technology = -1;      ///< index into Scenario::technologies
  double capacity = 0.0;    ///< crude steel capacity, Mt/yr
  int start_year = 0;       ///< year production started (or will start): its earliest possible build year
  int last_reline_year = 0; ///< year of the last relining or major investment; 0: unknown, imputed
  /// An announced project (GEM status "announced"): it enters only when its
  /// region needs the capacity (docs/model.md, "Announced capacity").
  bool announced = false;
};

/// The starting fleet of a Scenario. Copies of a Scenario share one list
/// (an ensemble's members all start from the same fleet, thousands of units);
/// a write through a copy that shares it copies the list first. Writes are
/// for building and tests, never while other threads copy the same list.
class UnitList {
public:
  UnitList() = default;
  /// A list holding these units.
  UnitList(std::vector<PlantUnit> units) // NOLINT: a list is its units
      : units_(std::make_shared<std::vector<PlantUnit>>(std::move(units))) {}
  /// A list of these units (tests and small scenarios).
  UnitList(std::initializer_list<PlantUnit> units) : UnitList(std::vector<PlantUnit>(units)) {}

  /// Number of units.
  [[nodiscard]] std::size_t size() const { return units_ ? units_->size() : 0; }
  /// Whether the list has no units.
  [[nodiscard]] bool empty() const { return size() == 0; }
  /// Unit i, read-only. Precondition: i < size().
  [[nodiscard]] const PlantUnit& operator[](std::size_t i) const { return (*units_)[i]; }
  /// The first unit (nullptr when empty).
  [[nodiscard]] const PlantUnit* data() const { return units_ ? units_->data() : nullptr; }
  /// The first unit, for range-for (read-only).
  [[nodiscard]] const PlantUnit* begin() const { return data(); }
  /// One past the last unit.
  [[nodiscard]] const PlantUnit* end() const { return data() + size(); }

  /// The units for writing: this list's own copy.
  [[nodiscard]] std::vector<PlantUnit>& edit() {
    if (!units_)
      units_ = std::make_shared<std::vector<PlantUnit>>();
    else if (units_.use_count() > 1)
      units_ = std::make_shared<std::vector<PlantUnit>>(*units_);
    return *units_;
  }
  /// Unit i for writing (the list's own copy). Precondition: i < size().
  [[nodiscard]] PlantUnit& operator[](std::size_t i) { return edit()[i]; }
  /// Appends a unit (to the list's own copy).
  void push_back(PlantUnit u) { edit().push_back(std::move(u)); }
  /// Removes every unit (from the list's own copy).
  void clear() { edit().clear(); }

private:
  std::shared_ptr<std::vector<PlantUnit>> units_;
};

} // namespace steelpath
