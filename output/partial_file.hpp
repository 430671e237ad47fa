// An HDF5 file written under a temporary name and renamed into place only
// when complete: a reader never sees half a file, and a failed or
// interrupted write leaves no file under the final name.
#pragma once

#include "output/hdf5.hpp"

#include <string>

namespace steelpath {

/// A results file being written under a temporary name (unless given, a
/// unique "<path>.<random hex>.partial", so that concurrent runs on one
/// output cannot destroy each other's files; the later rename wins):
/// commit() flushes it, closes it and renames it to `path`; destroyed
/// uncommitted, it is removed.
class PartialFile {
public:
  /// Creates the temporary file (and `path`'s parent folders). `v110`: the
  /// HDF5 1.10 format (ensembles: fixed-array chunk indexes). `partial`: the
  /// temporary name, on the file system of `path` (rename must be atomic);
  /// empty: a unique name beside `path`. Throws OutputError.
  PartialFile(std::string path, bool v110, std::string partial = {});
  ~PartialFile();
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;

  /// The open file (root group), to write into.
  [[nodiscard]] hid_t file() const { return file_; }
  /// The final name.
  [[nodiscard]] const std::string& path() const { return path_; }
  /// Flushes, closes and renames the file to its final name. Throws OutputError.
  void commit();

private:
  std::string path_;    ///< the final name
  std::string partial_; ///< the temporary name
  h5::Handle file_;
  bool committed_ = false;
};

} // namespace steelpath
