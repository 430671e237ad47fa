// Fuzz harness: the `--set PATH=VALUE` parser and its application to a
// scenario. Feeds: the input's bytes, split at NUL bytes (which no command-line
// argument can hold) into one or more assignments, given with
// scenarios/demo-ensemble.yaml (levers and uncertainties, so --set meets the
// numbers they vary) to what `steelpath validate --set ...` does
// (fuzz_validate.hpp).
// Asserts: the assignments are applied or refused with an InputError; any
// other exception, a crash, a sanitizer report, a leak, a timeout or running
// out of memory is a bug.
#include "fuzz_support.hpp"
#include "fuzz_validate.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path scenario =
      steelpath::fuzz::source_dir() / "scenarios" / "demo-ensemble.yaml";
  std::vector<std::string> overrides(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0)
      overrides.emplace_back();
    else
      overrides.back() += static_cast<char>(data[i]);
  }
  (void)steelpath::fuzz::validate_like_cli(scenario, overrides);
  return 0;
}
