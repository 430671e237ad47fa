// A small valid scenario as numbered lines, so input tests can replace line N
// exactly and assert the line numbers in messages. Used by the input tests.
#pragma once

#include "input/scenario_loader.hpp"
#include "model/errors.hpp"

#include "temp_dir.hpp"

#include <map>
#include <string>
#include <vector>

namespace steelpath::test {

inline std::vector<std::string> mini_lines() {
  return {
      "name: mini",                                                                          // 1
      "years: {first: 2025, last: 2030}",                                                    // 2
      "commodities:",                                                                        // 3
      "  coal: {unit: t, price: 100, emission_factor: 2.0}",                                 // 4
      "  scrap: {unit: t, price: {2025: 300, 2030: 350}}",                                   // 5
      "technologies:",                                                                       // 6
      "  bf:",                                                                               // 7
      "    inputs: {coal: 1.0}",                                                             // 8
      "    capex_greenfield: 500",                                                           // 9
      "    capex_reline: 100",                                                               // 10
      "    opex_fixed: 10",                                                                  // 11
      "    campaign_years: 10",                                                              // 12
      "  eaf:",                                                                              // 13
      "    inputs: {scrap: 1.1}",                                                            // 14
      "    capex_greenfield: 200",                                                           // 15
      "    capex_reline: 50",                                                                // 16
      "    opex_fixed: 5",                                                                   // 17
      "    campaign_years: 20",                                                              // 18
      "regions:",                                                                            // 19
      "  r: {demand: 10, scrap_supply: {base_year: 2025, base_value: 2, growth_rate: 0.1}}", // 20
      "companies:",                                                                          // 21
      "  c: {}",                                                                             // 22
      "fleet: fleet.csv",                                                                    // 23
      "policies: {carbon_price: {2025: 10, 2030: 60}}",                                      // 24
  };
}

inline const char* kMiniFleet =
    "unit_id,plant,company,region,technology,capacity_mtpa,start_year,last_reline_year\n"
    "u1,p,c,r,bf,6,2000,2015\n"
    "u2,p,c,r,eaf,3,2010,2010\n";

inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines)
    s += l + "\n";
  return s;
}

/// Lines with line `n` (1-based) replaced; n past the end appends.
inline std::vector<std::string> with_line(std::vector<std::string> lines, std::size_t n,
                                          const std::string& text) {
  if (n > lines.size()) lines.resize(n);
  lines.at(n - 1) = text;
  return lines;
}

/// Writes s.yaml (and fleet.csv and any extra files) to a temporary folder,
/// loads it with `overrides`, and returns the error text with the folder's
/// path removed, or "" when it loaded.
inline std::string load_error(const std::string& yaml, const std::string& fleet = kMiniFleet,
                              const std::map<std::string, std::string>& extra = {},
                              const std::vector<std::string>& overrides = {}) {
  TempDir dir;
  dir.write("fleet.csv", fleet);
  for (const auto& [name, text] : extra)
    dir.write(name, text);
  const auto path = dir.write("s.yaml", yaml);
  try {
    (void)input::load_scenario(path, overrides);
  } catch (const InputError& e) {
    std::string msg = e.what();
    const std::string prefix = dir.path().string() + "/";
    for (auto p = msg.find(prefix); p != std::string::npos; p = msg.find(prefix))
      msg.erase(p, prefix.size());
    return msg;
  }
  return "";
}

} // namespace steelpath::test
