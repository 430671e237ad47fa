#include "output/partial_file.hpp"

#include "model/errors.hpp"

#include <filesystem>

namespace steelpath {

namespace fs = std::filesystem;

namespace {

std::string with_parent_folders(const std::string& path, std::string partial) {
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  return partial.empty() ? path + ".partial" : partial;
}

} // namespace

PartialFile::PartialFile(std::string path, bool v110, std::string partial)
    : path_(std::move(path)), partial_(with_parent_folders(path_, std::move(partial))),
      file_(h5::create_file(partial_, v110)) {}

PartialFile::~PartialFile() {
  if (committed_) return;
  file_.reset();
  std::error_code ec;
  fs::remove(partial_, ec);
}

void PartialFile::commit() {
  h5::check(H5Fflush(file_, H5F_SCOPE_GLOBAL), "H5Fflush");
  file_.reset();
  std::error_code ec;
  fs::rename(partial_, path_, ec);
  if (ec) throw OutputError(path_ + ": cannot write results: " + ec.message());
  committed_ = true;
}

} // namespace steelpath
