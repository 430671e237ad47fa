// Readers for the sections of a scenario document. Each reads one section into
// the Scenario under construction and reports problems to the YamlReader's
// diagnostics; none throws on bad input.
#pragma once

#include "input/yaml_reader.hpp"
#include "model/scenario.hpp"

namespace steelpath::input {

/// years: {first: 2025, last: 2060}
void read_years(YamlReader& in, const YAML::Node& root, Scenario& s);
/// commodities: {id: {unit, price, emission_factor}}
void read_commodities(YamlReader& in, const YAML::Node& root, Scenario& s);
/// technologies: {id: {name, inputs: {commodity: quantity}, ...}}; needs commodities.
void read_technologies(YamlReader& in, const YAML::Node& root, Scenario& s);
/// regions: {id: {demand, scrap_supply}}
void read_regions(YamlReader& in, const YAML::Node& root, Scenario& s);
/// companies: {id: {name}}
void read_companies(YamlReader& in, const YAML::Node& root, Scenario& s);
/// policies, finance and market sections (all optional, with documented defaults).
void read_policies(YamlReader& in, const YAML::Node& root, Scenario& s);

} // namespace steelpath::input
