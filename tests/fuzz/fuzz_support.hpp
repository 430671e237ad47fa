// What the fuzz harnesses of tests/fuzz share: the libFuzzer entry points,
// a private temporary folder per process (the readers take paths, so each
// input is written to a file there), and the shipped files' location.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace steelpath::fuzz {

/// The source tree (shipped scenarios and data), fixed at build time.
inline std::filesystem::path source_dir() {
  return STEELPATH_SOURCE_DIR;
}

/// A folder of its own under $TMPDIR (else /tmp), removed at exit (a crash
/// leaves it: scripts/fuzz points TMPDIR into build-fuzz/).
class TempDir {
public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/steelpath-fuzz-XXXXXX";
    if (!mkdtemp(pattern.data())) {
      std::perror("steelpath fuzz: mkdtemp");
      std::abort();
    }
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  /// The folder.
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

/// Writes `size` bytes to `file`, replacing it; aborts if it cannot (the
/// harness, not the code under test, failed).
inline void write_file(const std::filesystem::path& file, const std::uint8_t* data, std::size_t size) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) {
    std::fprintf(stderr, "steelpath fuzz: cannot write %s\n", file.c_str());
    std::abort();
  }
}

/// A harness's own check failed: prints why and aborts, so that libFuzzer
/// saves the input as a crash.
[[noreturn]] inline void fail(std::string_view what) {
  std::fprintf(stderr, "steelpath fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

} // namespace steelpath::fuzz
