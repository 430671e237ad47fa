// The results file schema, in code: every variable the writer writes, with
// its dimensions, unit and meaning. docs/output.md documents the same table,
// and a test checks that the two agree. Bump kSchemaVersion on any change.
#pragma once

#include <string_view>
#include <vector>

namespace steelpath::schema {

inline constexpr int kSchemaVersion = 1;

struct Variable {
  std::string_view group; ///< "" for the root group
  std::string_view name;
  std::vector<std::string_view> dims;
  std::string_view units;
  std::string_view long_name;
};

/// Every variable in a single-member results file, coordinates first.
inline const std::vector<Variable>& variables() {
  static const std::vector<Variable> v = {
      {"", "year", {"year"}, "year", "calendar year"},
      {"", "technology", {"technology"}, "1", "steelmaking route id"},
      {"", "region", {"region"}, "1", "market region id"},
      {"", "technology_name", {"technology"}, "1", "readable route name"},
      {"", "production", {"year", "technology"}, "Mt", "crude steel production"},
      {"", "capacity", {"year", "technology"}, "Mt/yr", "operating crude steel capacity (nameplate)"},
      {"", "emissions", {"year"}, "Mt CO2", "direct CO2 emissions, all routes"},
      {"", "emissions_by_technology", {"year", "technology"}, "Mt CO2", "direct CO2 emissions"},
      {"", "captured_co2", {"year", "technology"}, "Mt CO2", "CO2 captured by CCUS"},
      {"", "demand", {"year", "region"}, "Mt", "crude steel demand"},
      {"", "unmet_demand", {"year", "region"}, "Mt", "demand not met for lack of capacity or scrap"},
      {"", "steel_price", {"year", "region"}, "USD/t", "marginal cost of the marginal unit"},
      {"", "scrap_use", {"year", "region"}, "Mt", "scrap consumed"},
      {"", "carbon_price", {"year"}, "USD/t CO2", "carbon price on direct emissions"},
      {"decisions", "decision", {"decision"}, "1", "decision index"},
      {"decisions", "decision_year", {"decision"}, "year", "calendar year of the decision"},
      {"decisions", "unit_id", {"decision"}, "1", "unit that decided"},
      {"decisions", "from_technology", {"decision"}, "1", "route before the decision"},
      {"decisions", "to_technology", {"decision"}, "1", "route chosen (same as before: relined)"},
      {"decisions", "lcos_chosen", {"decision"}, "USD/t", "levelized cost of the chosen option"},
      {"decisions", "lcos_reline", {"decision"}, "USD/t", "levelized cost of relining as is"},
  };
  return v;
}

/// The variable's spec; throws std::out_of_range if the writer asks for one
/// the schema does not list (so code and schema cannot drift).
const Variable& find(std::string_view group, std::string_view name);

} // namespace steelpath::schema
