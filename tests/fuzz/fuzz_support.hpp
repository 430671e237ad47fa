// What the fuzz harnesses of tests/fuzz share: the libFuzzer entry points,
// a private temporary folder per process (the readers take paths, so each
// input is written to a file there; a crash leaves it behind, so
// scripts/fuzz points TMPDIR into build-fuzz/), the shipped files'
// location, and the final pass's reads of a source of members.
#pragma once

#include "../support/temp_dir.hpp"
#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/ensemble_writer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
/// libFuzzer's own mutation, for a harness's custom mutator (replay_main.cpp: none).
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace steelpath::fuzz {

/// The source tree (shipped scenarios and data), fixed at build time.
inline std::filesystem::path source_dir() {
  return STEELPATH_SOURCE_DIR;
}

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

/// A temporary folder of its own (tests/support/temp_dir.hpp), removed at exit.
using TempDir = test::TempDir;

/// What the ensemble's final pass reads of each of `members` members of
/// `source`: a done member's arrays and statistics inputs, a failed member's
/// reason. A member refused with an OutputError does not stop the others.
inline void read_every_member(MemberSource& source, std::size_t members) {
  for (std::size_t m = 0; m < members; ++m) {
    const int status = source.status(m);
    if (status == 0) continue;
    try {
      std::vector<EncodedField> fields;
      std::vector<double> targets;
      double unit_years = 0.0;
      std::string reason;
      source.read(m, fields, unit_years, targets, reason);
      StatisticsInputs stats;
      if (status == schema::kMemberDone) source.statistics_inputs(m, stats);
    } catch (const OutputError&) {
    }
  }
}

/// A harness's own check failed: prints why and aborts, so that libFuzzer
/// saves the input as a crash.
[[noreturn]] inline void fail(std::string_view what) {
  std::fprintf(stderr, "steelpath fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

} // namespace steelpath::fuzz
