// The short text summary `steelpath run` prints after a run: where the file
// went, emissions at the start and end, and the technology mix.
#pragma once

#include "model/scenario.hpp"
#include "sim/member_result.hpp"

#include <ostream>

namespace steelpath::cli {

void print_summary(std::ostream& os, const Scenario& scenario, const MemberResult& result);

} // namespace steelpath::cli
