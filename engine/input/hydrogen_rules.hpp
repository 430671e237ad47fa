// The rules between keys that hydrogen_supply brings (spec_hydrogen.cpp):
// the hydrogen commodity it prices must be declared in kg, grid power needs
// an electricity commodity, a clean-power contract needs a price in every
// region, hydrogen from gas a gas commodity, some supply must be allowed, and
// hydrogen's own price path, which the supply replaces, cannot be a lever or
// an uncertainty (hydrogen_supply.cost_factor is); a production credit's tiers
// ascend in intensity.
#pragma once

#include "input/diagnostics.hpp"
#include "input/source_node.hpp"

#include <optional>
#include <string>

namespace steelpath::input {

/// Adds a problem to `d` for each rule of hydrogen_supply the document breaks (none without the section).
void check_hydrogen_supply(const SourceNode& root, Diagnostics& d);

/// Adds a problem to `d` where hydrogen_supply.production_credit's tiers are
/// not in strictly ascending max_intensity (`resolved`: the validated document,
/// numbers in the format's units).
void check_credit_tiers(const SourceNode& resolved, Diagnostics& d);

/// The parameter path of the price that hydrogen_supply computes, e.g.
/// "commodities.hydrogen.price"; empty without hydrogen_supply.
[[nodiscard]] std::optional<std::string> computed_price_path(const SourceNode& root);

} // namespace steelpath::input
