// Typed exceptions of steelpath. Callers catch the type they can handle: the
// command line maps InputError to exit code 2 and everything else to 1.
#pragma once

#include <stdexcept>
#include <string>

namespace steelpath {

/// Base of every exception steelpath throws on purpose.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Bad user input (scenario, data file, command-line value). The message names
/// the file, line, key and what was expected; the run must stop with exit code 2.
class InputError : public Error {
public:
  using Error::Error;
};

/// A model description that is internally inconsistent (a bug in the caller:
/// the input layer validates before it builds a Scenario).
class ModelError : public Error {
public:
  using Error::Error;
};

/// A number a member's results may not hold (an infinity, or NaN where a
/// value is needed; sim/finite_check.hpp). The message names the series, the
/// year and the region, route, company or unit. Not bad input: the inputs
/// were valid, so it is a defect of the model (exit code 1).
class NumericError : public Error {
public:
  using Error::Error;
};

/// Failure writing or reading a results file.
class OutputError : public Error {
public:
  using Error::Error;
};

/// A run stopped on request (SIGINT, SIGTERM) before it was done (exit code 130).
class Interrupted : public Error {
public:
  using Error::Error;
};

} // namespace steelpath
