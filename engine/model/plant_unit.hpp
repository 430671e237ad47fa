// One production unit of the starting fleet (a plant with several routes is
// several units), as described by the scenario. Its evolving state during a
// run lives in sim/fleet_state.hpp.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

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

/// The starting fleet of a Scenario. Copies of a Scenario share one list
/// (an ensemble's members all start from the same fleet, thousands of units);
/// a write through a copy that shares it copies the list first. Writes are
/// for building and tests, never while other threads copy the same list.
class UnitList {
public:
  UnitList() = default;
  UnitList(std::vector<PlantUnit> units) // NOLINT: a list is its units
      : units_(std::make_shared<std::vector<PlantUnit>>(std::move(units))) {}
  UnitList(std::initializer_list<PlantUnit> units) : UnitList(std::vector<PlantUnit>(units)) {}

  [[nodiscard]] std::size_t size() const { return units_ ? units_->size() : 0; }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] const PlantUnit& operator[](std::size_t i) const { return (*units_)[i]; }
  [[nodiscard]] const PlantUnit* data() const { return units_ ? units_->data() : nullptr; }
  [[nodiscard]] const PlantUnit* begin() const { return data(); }
  [[nodiscard]] const PlantUnit* end() const { return data() + size(); }

  /// The units for writing: this list's own copy.
  [[nodiscard]] std::vector<PlantUnit>& edit() {
    if (!units_)
      units_ = std::make_shared<std::vector<PlantUnit>>();
    else if (units_.use_count() > 1)
      units_ = std::make_shared<std::vector<PlantUnit>>(*units_);
    return *units_;
  }
  [[nodiscard]] PlantUnit& operator[](std::size_t i) { return edit()[i]; }
  void push_back(PlantUnit u) { edit().push_back(std::move(u)); }
  void clear() { edit().clear(); }

private:
  std::shared_ptr<std::vector<PlantUnit>> units_;
};

} // namespace steelpath
