// Small RAII wrappers over the HDF5 C API: handles that close themselves, and
// the few write operations the results layer needs (numeric and string
// datasets, attributes, netCDF-4 compatible dimension scales). Every failing
// HDF5 call throws OutputError; HDF5's own error printing is switched off.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace steelpath::h5 {

/// An owned HDF5 identifier, closed with the matching H5*close on destruction.
class Handle {
public:
  /// The H5*close function that releases the identifier.
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  /// Owns `id`, released with `closer`.
  Handle(hid_t id, Closer closer) : id_(id), close_(closer) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  /// Takes over `o`'s identifier.
  Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, H5I_INVALID_HID)), close_(o.close_) {}
  /// Releases this identifier and takes over `o`'s.
  Handle& operator=(Handle&& o) noexcept;
  ~Handle() { reset(); }

  /// The HDF5 identifier (H5I_INVALID_HID when none).
  [[nodiscard]] hid_t id() const { return id_; }
  /// The identifier, passed to the HDF5 C API as is.
  operator hid_t() const { return id_; } // NOLINT: pass straight to the C API
  /// Closes the identifier now (no-op when none).
  void reset();
  /// Closes the identifier now and returns the H5*close result (0 when none).
  herr_t close();

private:
  hid_t id_ = H5I_INVALID_HID;
  Closer close_ = nullptr;
};

/// Throws OutputError with `what` when an HDF5 call returned a negative value.
hid_t check(hid_t result, const std::string& what);

/// Creates (truncating) an HDF5 file that tracks creation order, as netCDF-4 does.
/// `v110`: the HDF5 1.10 file format (readers need HDF5 >= 1.10), whose
/// fixed-size chunked datasets index their chunks in a compact fixed array.
[[nodiscard]] Handle create_file(const std::string& path, bool v110 = false);
/// Opens an existing file read-only.
[[nodiscard]] Handle open_file(const std::string& path);
[[nodiscard]] Handle create_group(hid_t loc, const std::string& name);

/// 1-D or N-D dataset of doubles (dims row-major; product must equal data size).
Handle write_doubles(hid_t loc, const std::string& name, std::span<const double> data,
                     const std::vector<hsize_t>& dims);
/// Dataset of 32-bit integers, row-major; `dims` empty: one dimension of data.size().
Handle write_ints(hid_t loc, const std::string& name, std::span<const std::int32_t> data,
                  const std::vector<hsize_t>& dims = {});
/// Dataset of variable-length UTF-8 strings, row-major; `dims` empty: one dimension of data.size().
Handle write_strings(hid_t loc, const std::string& name, const std::vector<std::string>& data,
                     const std::vector<hsize_t>& dims = {});

/// Scalar string attribute (fixed length, UTF-8): how netCDF stores text attributes.
void set_attribute(hid_t obj, const std::string& name, const std::string& value);
void set_attribute(hid_t obj, const std::string& name, double value);
void set_attribute(hid_t obj, const std::string& name, std::int64_t value);

/// Turns a 1-D dataset into the dimension scale named `dim` (its own name).
void make_dimension_scale(hid_t dataset, const std::string& dim);
/// Attaches `scale` as dimension `index` of `dataset`.
void attach_scale(hid_t dataset, hid_t scale, unsigned index);

/// Reading helpers for tests and `steelpath info`.
[[nodiscard]] std::vector<double> read_doubles(hid_t loc, const std::string& name);
[[nodiscard]] std::vector<hsize_t> dataset_dims(hid_t loc, const std::string& name);
[[nodiscard]] std::vector<std::string> read_strings(hid_t loc, const std::string& name);
[[nodiscard]] std::string read_string_attribute(hid_t obj, const std::string& name);
/// A numeric scalar attribute as a double; throws OutputError if missing or text.
[[nodiscard]] double read_double_attribute(hid_t obj, const std::string& name);
/// Whether no variable-length string of `dataset` claims to be longer than
/// its file. HDF5 allocates and clears as many bytes as a string's stored
/// length before it looks the string up, so one damaged length asks for up
/// to 4 GiB. The lengths are checked where they can be found without HDF5:
/// in a contiguous dataset (how steelpath, h5py and netCDF store text), whose
/// elements are global heap IDs starting with the length (4 bytes,
/// little-endian). Other layouts are not checked (true).
[[nodiscard]] bool vlen_strings_fit(hid_t dataset);

} // namespace steelpath::h5
