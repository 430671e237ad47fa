// The steelpath command-line program: subcommands and their exit codes.
//   0  success
//   1  an internal or output error (a bug, a full disk)
//   2  bad input: a missing or malformed scenario, a bad option
#pragma once

namespace steelpath::cli {

/// Exit code: success.
inline constexpr int kExitOk = 0;
/// Exit code: internal or output error.
inline constexpr int kExitFailure = 1;
/// Exit code: bad input (scenario, option).
inline constexpr int kExitBadInput = 2;

/// Parses the command line and runs the chosen subcommand.
int main(int argc, char** argv);

} // namespace steelpath::cli
