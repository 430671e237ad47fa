// A main() for the fuzz harnesses in builds without libFuzzer (GCC, the
// sanitizer build): feeds each file named on the command line, or each file
// of a folder named there, to the harness once, as libFuzzer replays a
// crash. CTest runs it over tests/fuzz/regressions/, so every input that
// once crashed a harness stays tested, and the harnesses keep compiling.
//   fuzz_NAME_replay FILE_OR_FOLDER...
#include "fuzz_support.hpp"

#include <algorithm>
#include <iostream>
#include <system_error>
#include <vector>

// A replay mutates nothing; harnesses with a custom mutator still link.
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t*, std::size_t size, std::size_t) {
  return size;
}

int main(int argc, char** argv) {
  LLVMFuzzerInitialize(&argc, &argv);
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path p = argv[i];
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::directory_iterator(p))
        if (e.is_regular_file()) files.push_back(e.path());
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::error_code ec;
    std::vector<char> bytes(std::filesystem::file_size(f, ec));
    std::ifstream in(f, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (ec || !in) {
      std::cerr << f.string() << ": cannot read\n";
      return 1;
    }
    std::cout << "replaying " << f.string() << " (" << bytes.size() << " bytes)" << std::endl;
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::cout << files.size() << " input(s) replayed\n";
  return 0;
}
