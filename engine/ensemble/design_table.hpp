// The design as the results file records it (output/ensemble_writer.hpp).
#pragma once

#include "ensemble/design.hpp"
#include "output/ensemble_writer.hpp"
#include "sim/target_outcomes.hpp"

namespace steelpath::ensemble {

/// `targets`: the company targets whose outcome each member records.
[[nodiscard]] EnsembleDesignTable design_table(const Design& design,
                                               const std::vector<TargetCheck>& targets = {});

} // namespace steelpath::ensemble
