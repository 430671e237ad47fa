#include "input/fleet_csv.hpp"

#include "input/text_encoding.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <unordered_map>

namespace steelpath::input {

namespace {

std::optional<double> to_number(const std::string& s) {
  double v = 0.0;
  const auto* end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc{} || p != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

template <class T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const auto& x : items)
    ids.push_back(x.id);
  return ids;
}

// Index of each id: the rows are looked up by hash, so that a fleet of many
// rows and companies is read in linear time (Scenario::find_* search).
std::unordered_map<std::string, int> index_of(const std::vector<std::string>& ids) {
  std::unordered_map<std::string, int> index;
  for (std::size_t i = 0; i < ids.size(); ++i)
    index.emplace(ids[i], static_cast<int>(i));
  return index;
}

std::optional<int> lookup(const std::unordered_map<std::string, int>& index, const std::string& id) {
  const auto it = index.find(id);
  return it == index.end() ? std::nullopt : std::optional<int>(it->second);
}

} // namespace

std::vector<PlantUnit> read_fleet(const CsvTable& table, const Scenario& scenario, Diagnostics& diag) {
  std::vector<PlantUnit> units;
  std::vector<std::size_t> col(kFleetColumns.size());
  bool missing = false;
  for (std::size_t c = 0; c < kFleetColumns.size(); ++c) {
    const auto idx = table.column(kFleetColumns[c]);
    if (!idx) {
      diag.add({table.file, 1, 0, "",
                "missing column '" + kFleetColumns[c] + "'" + did_you_mean(kFleetColumns[c], table.header)});
      missing = true;
    } else {
      col[c] = *idx;
    }
  }
  if (missing) return units;
  const std::optional<std::size_t> status_col = table.column("status");

  const auto companies = ids_of(scenario.companies);
  const auto regions = ids_of(scenario.regions);
  const auto techs = ids_of(scenario.technologies);
  const auto company_index = index_of(companies), region_index = index_of(regions),
             tech_index = index_of(techs);
  std::set<std::string> seen;
  for (const auto& row : table.rows) {
    auto cell = [&](std::size_t c) -> const std::string& { return row.fields[col[c]]; };
    bool ok = true;
    auto bad = [&](std::size_t c, const std::string& what) {
      diag.add({table.file, row.line, static_cast<int>(col[c]) + 1, kFleetColumns[c],
                "expected " + what + ", found '" + printable(cell(c)) + "'"});
      ok = false;
    };
    PlantUnit u;
    u.id = cell(0);
    u.plant = cell(1);
    if (u.id.empty())
      bad(0, "a unit id");
    else if (!seen.insert(u.id).second)
      bad(0, "a unique unit id (this one is repeated)");
    auto resolve = [&](std::size_t c, const std::optional<int>& found, const std::vector<std::string>& known,
                       const char* what) {
      if (found) return *found;
      const std::string hint = c == 2 ? " (or set companies_from_fleet: true)" : "";
      bad(c, std::string("a ") + what + " declared in the scenario" + did_you_mean(cell(c), known) + hint);
      return -1;
    };
    u.company = resolve(2, lookup(company_index, cell(2)), companies, "company");
    u.region = resolve(3, lookup(region_index, cell(3)), regions, "region");
    u.technology = resolve(4, lookup(tech_index, cell(4)), techs, "technology");
    const auto cap = to_number(cell(5));
    if (!cap || *cap < 0.0 || *cap > 100.0)
      bad(5, "a capacity in Mt/yr in [0, 100]");
    else
      u.capacity = *cap;
    auto year = [&](std::size_t c) {
      const auto v = to_number(cell(c));
      // Some works still operating started in the 18th century (GEM lists 1739).
      if (!v || std::trunc(*v) != *v || *v < 1700 || *v > 2300) {
        bad(c, "a year (1700..2300)");
        return 0;
      }
      return static_cast<int>(*v);
    };
    u.start_year = year(6);
    // An empty relining year is unknown: the run imputes it (sim/fleet_timing.hpp).
    if (!cell(7).empty()) {
      const auto v = to_number(cell(7));
      if (!v || std::trunc(*v) != *v || *v < 1700 || *v > 2300)
        bad(7, "a year (1700..2300), or nothing when unknown");
      else
        u.last_reline_year = static_cast<int>(*v);
    }
    if (status_col && !row.fields[*status_col].empty()) {
      const std::string& st = row.fields[*status_col];
      if (std::find(kFleetStatuses.begin(), kFleetStatuses.end(), st) == kFleetStatuses.end()) {
        diag.add({table.file, row.line, static_cast<int>(*status_col) + 1, "status",
                  "expected operating, construction or announced (or nothing), found '" + printable(st) +
                      "'" + did_you_mean(st, kFleetStatuses)});
        ok = false;
      }
      u.announced = st == "announced";
    }
    if (ok && u.last_reline_year != 0 && u.last_reline_year < u.start_year) {
      diag.add({table.file, row.line, static_cast<int>(col[7]) + 1, kFleetColumns[7],
                "expected a year not before start_year (" + std::to_string(u.start_year) + "), found " +
                    printable(cell(7))});
      ok = false;
    }
    if (ok) units.push_back(std::move(u));
  }
  if (table.rows.empty() && !table.header.empty()) diag.add({table.file, 0, 0, "", "the fleet has no units"});
  return units;
}

} // namespace steelpath::input
