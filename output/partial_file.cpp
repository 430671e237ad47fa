#include "output/partial_file.hpp"

#include "model/errors.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <random>

#include <unistd.h>

namespace steelpath {

namespace fs = std::filesystem;

namespace {

// "<path>.<16 random hex digits>.partial": two runs writing the same output
// at once each write their own file (the later rename wins), and neither's
// clean-up can remove the other's work.
std::string unique_partial(const std::string& path) {
  std::random_device device;
  const std::uint64_t r = (static_cast<std::uint64_t>(device()) << 32) ^ device();
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(r));
  return path + "." + hex + ".partial";
}

std::string with_parent_folders(const std::string& path, std::string partial) {
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  return partial.empty() ? unique_partial(path) : partial;
}

} // namespace

PartialFile::PartialFile(std::string path, bool v110, std::string partial)
    : path_(std::move(path)), partial_(with_parent_folders(path_, std::move(partial))),
      file_(h5::create_file(partial_, v110)) {}

PartialFile::~PartialFile() {
  if (committed_) return;
  // After a failed write (a full disk), HDF5 still holds what it could not
  // write and flushes it on close. Emptying the file first gives the close
  // the space it needs (nothing of it is kept anyway); a close that fails
  // all the same leaves a half-closed file, which HDF5's exit handler would
  // crash on (hdf5.cpp turns that handler off).
  (void)::truncate(partial_.c_str(), 0);
  (void)file_.close();
  std::error_code ec;
  fs::remove(partial_, ec);
}

void PartialFile::commit() {
  try {
    h5::check(H5Fflush(file_, H5F_SCOPE_GLOBAL), "H5Fflush");
  } catch (const OutputError& e) {
    throw OutputError(path_ + ": cannot write results: " + e.what());
  }
  file_.reset();
  std::error_code ec;
  fs::rename(partial_, path_, ec);
  if (ec) throw OutputError(path_ + ": cannot write results: " + ec.message());
  committed_ = true;
}

} // namespace steelpath
