// Fuzz harness: the scenario loader (YAML text -> validated Scenario).
// Feeds: the input's bytes as the top scenario file, in a folder that mirrors
// scenarios/ (links to its files and folders), so `extends: demo.yaml` and
// `fleet: data/demo_fleet.csv` reach the shipped files; then what
// `steelpath validate` does (fuzz_validate.hpp). The GEM fleets there keep
// every 20th unit (119 and 50 units, the same ids; every shipped scenario
// still validates): the whole world's fleet takes seconds per input under
// the sanitizers, and the CSV reader has a harness of its own.
// Asserts: the scenario is accepted or refused with an InputError; any other
// exception (uncaught, so the stack shows where it was thrown), a crash, a
// sanitizer report, a leak, a timeout or running out of memory is a bug.
#include "fuzz_support.hpp"
#include "fuzz_validate.hpp"

namespace {

namespace fs = std::filesystem;

const steelpath::fuzz::TempDir& folder() {
  static const steelpath::fuzz::TempDir dir;
  return dir;
}

// The comment lines, the header and every 20th unit of a GEM fleet CSV.
void write_cut_fleet(const fs::path& from, const fs::path& to) {
  std::ifstream in(from);
  std::ofstream out(to);
  std::size_t row = 0;
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("#") || row++ % 20 == 0) out << line << "\n";
  if (!in.eof() || !out) steelpath::fuzz::fail("cannot cut " + from.string());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const fs::path scenarios = steelpath::fuzz::source_dir() / "scenarios";
  for (const auto& entry : fs::directory_iterator(scenarios))
    if (entry.path().filename() != "data")
      fs::create_symlink(entry.path(), folder().path() / entry.path().filename());
  fs::create_directory(folder().path() / "data");
  for (const auto& entry : fs::directory_iterator(scenarios / "data")) {
    const fs::path to = folder().path() / "data" / entry.path().filename();
    if (entry.path().filename().string().starts_with("gem_fleet_"))
      write_cut_fleet(entry.path(), to);
    else
      fs::create_symlink(entry.path(), to);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path file = folder().path() / "fuzz.yaml";
  steelpath::fuzz::write_file(file, data, size);
  (void)steelpath::fuzz::validate_like_cli(file, {});
  return 0;
}
