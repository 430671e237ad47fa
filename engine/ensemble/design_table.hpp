// The design as the results file records it (output/ensemble_writer.hpp).
#pragma once

#include "ensemble/design.hpp"
#include "output/ensemble_writer.hpp"

namespace steelpath::ensemble {

[[nodiscard]] EnsembleDesignTable design_table(const Design& design);

} // namespace steelpath::ensemble
