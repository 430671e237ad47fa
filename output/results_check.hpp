// Whether a results file is whole: every variable its schema lists is there,
// and (when asked) every variable reads to its end. `info` checks the first,
// `compare` both, so that a file whose arrays are missing or damaged is
// refused with its name and the variable's, never summarised from the
// scalars that happen to survive.
#pragma once

#include "output/results_reader.hpp"

namespace steelpath {

/// How far check_results goes.
enum class ResultsCheck {
  present, ///< every variable of the schema exists (cheap: no data read)
  readable ///< and every variable of the file reads to its end
};

/// Throws OutputError "<file>: ..." naming the first variable that the
/// file's schema lists (schema::variables() for a single run,
/// schema::ensemble_variables() for an ensemble, whose [year][company]
/// series are there only when its `company_series` attribute is 1) and the
/// file lacks; with ResultsCheck::readable, also the first variable of the
/// file (root, `decisions` and `statistics` groups) that cannot be read to
/// its end. Numeric variables are read in blocks of about 8 MiB, so a file
/// of any size is checked in bounded memory.
void check_results(const ResultsReader& file, ResultsCheck depth);

} // namespace steelpath
