#include "output/hdf5.hpp"

#include "model/errors.hpp"

#include <H5DSpublic.h>

#include <algorithm>
#include <fstream>
#include <numeric>

namespace steelpath::h5 {

namespace {

// HDF5's exit handler closes the files still open. After a close that
// failed (a full disk) it crashes on the half-closed file, turning a clean
// error into a segmentation fault; every file here is closed by its Handle
// before exit, so the handler has nothing to do. Called before any other
// HDF5 function, as the handler must be declined before the library starts.
[[maybe_unused]] const herr_t kNoExitHandler = H5dont_atexit();

} // namespace

namespace {

// HDF5 prints a stack of errors to stderr by default; steelpath reports its
// own message instead, once, per process. HDF5 also keeps freed internal
// objects on free lists without limit; an ensemble file touches millions of
// chunks, so the lists are capped (1 MiB each, 4 MiB in all per kind).
void silence_hdf5() {
  static const bool done = [] {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    H5set_free_list_limits(4 << 20, 1 << 20, 4 << 20, 1 << 20, 4 << 20, 1 << 20);
    return true;
  }();
  (void)done;
}

Handle space(const std::vector<hsize_t>& dims) {
  return {check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), "H5Screate_simple"),
          H5Sclose};
}

Handle utf8_string_type(std::size_t size) {
  Handle t(check(H5Tcopy(H5T_C_S1), "H5Tcopy"), H5Tclose);
  check(size == 0 ? H5Tset_size(t, H5T_VARIABLE) : H5Tset_size(t, size), "H5Tset_size");
  check(H5Tset_cset(t, H5T_CSET_UTF8), "H5Tset_cset");
  check(H5Tset_strpad(t, H5T_STR_NULLTERM), "H5Tset_strpad");
  return t;
}

Handle dataset_create_props() {
  Handle p(check(H5Pcreate(H5P_DATASET_CREATE), "H5Pcreate"), H5Pclose);
  // netCDF-4 expects attribute creation order on every variable.
  check(H5Pset_attr_creation_order(p, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "attr order");
  return p;
}

} // namespace

Handle& Handle::operator=(Handle&& o) noexcept {
  if (this != &o) {
    reset();
    id_ = std::exchange(o.id_, H5I_INVALID_HID);
    close_ = o.close_;
  }
  return *this;
}

herr_t Handle::close() {
  herr_t result = 0;
  if (id_ >= 0 && close_ != nullptr) result = close_(id_);
  id_ = H5I_INVALID_HID;
  return result;
}

void Handle::reset() {
  if (id_ >= 0 && close_ != nullptr) close_(id_);
  id_ = H5I_INVALID_HID;
}

namespace {

// The innermost error on HDF5's stack (where the failure began: a system
// call's errno text when there is one, e.g. "No space left on device"), or "".
std::string hdf5_cause() {
  std::string cause;
  H5Ewalk2(
      H5E_DEFAULT, H5E_WALK_UPWARD,
      [](unsigned n, const H5E_error2_t* e, void* out) -> herr_t {
        if (n != 0 || e->desc == nullptr) return 0;
        const std::string desc(e->desc);
        const std::string key = "error message = '";
        const auto at = desc.find(key);
        auto& text = *static_cast<std::string*>(out);
        if (at == std::string::npos) {
          text = desc;
        } else {
          const auto end = desc.find('\'', at + key.size());
          text = desc.substr(at + key.size(),
                             end == std::string::npos ? std::string::npos : end - at - key.size());
        }
        return 0;
      },
      &cause);
  return cause;
}

} // namespace

hid_t check(hid_t result, const std::string& what) {
  if (result < 0) {
    const std::string cause = hdf5_cause();
    throw OutputError("HDF5 error in " + what + (cause.empty() ? "" : ": " + cause));
  }
  return result;
}

Handle create_file(const std::string& path, bool v110) {
  silence_hdf5();
  Handle fcpl(check(H5Pcreate(H5P_FILE_CREATE), "H5Pcreate"), H5Pclose);
  check(H5Pset_link_creation_order(fcpl, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "link order");
  check(H5Pset_attr_creation_order(fcpl, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "attr order");
  Handle fapl(check(H5Pcreate(H5P_FILE_ACCESS), "H5Pcreate"), H5Pclose);
  if (v110) {
    check(H5Pset_libver_bounds(fapl, H5F_LIBVER_V110, H5F_LIBVER_V110), "H5Pset_libver_bounds");
    // The chunk index of a file with millions of chunks passes through the
    // metadata cache; capped, its memory stays fixed whatever the ensemble.
    H5AC_cache_config_t mdc{};
    mdc.version = H5AC__CURR_CACHE_CONFIG_VERSION;
    check(H5Pget_mdc_config(fapl, &mdc), "H5Pget_mdc_config");
    mdc.set_initial_size = true;
    mdc.initial_size = 1u << 20;
    mdc.min_size = 1u << 20;
    mdc.max_size = 4u << 20;
    check(H5Pset_mdc_config(fapl, &mdc), "H5Pset_mdc_config");
  }
  const hid_t f = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl, fapl);
  if (f < 0) throw OutputError(path + ": cannot create HDF5 file");
  return {f, H5Fclose};
}

Handle open_file(const std::string& path) {
  silence_hdf5();
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) throw OutputError(path + ": cannot open as an HDF5 file");
  return {f, H5Fclose};
}

Handle create_group(hid_t loc, const std::string& name) {
  Handle gcpl(check(H5Pcreate(H5P_GROUP_CREATE), "H5Pcreate"), H5Pclose);
  check(H5Pset_link_creation_order(gcpl, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "link order");
  check(H5Pset_attr_creation_order(gcpl, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "attr order");
  return {check(H5Gcreate2(loc, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT), "create group " + name),
          H5Gclose};
}

Handle write_doubles(hid_t loc, const std::string& name, std::span<const double> data,
                     const std::vector<hsize_t>& dims) {
  const hsize_t n = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  if (n != data.size()) throw OutputError("dataset " + name + ": data size does not match its dimensions");
  Handle sp = space(dims);
  Handle dcpl = dataset_create_props();
  // Arrays of a few kB and more are stored as one chunk (a results file is
  // read whole or by variable), shuffled and deflated: every HDF5 and netCDF
  // reader decodes these filters, and a world-fleet run shrinks about 4x.
  if (n * sizeof(double) >= 4096) {
    check(H5Pset_chunk(dcpl, static_cast<int>(dims.size()), dims.data()), "H5Pset_chunk " + name);
    check(H5Pset_shuffle(dcpl), "H5Pset_shuffle");
    check(H5Pset_deflate(dcpl, 4), "H5Pset_deflate");
  }
  Handle ds(check(H5Dcreate2(loc, name.c_str(), H5T_IEEE_F64LE, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT),
                  "create " + name),
            H5Dclose);
  if (n > 0)
    check(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), "write " + name);
  return ds;
}

Handle write_ints(hid_t loc, const std::string& name, std::span<const std::int32_t> data,
                  const std::vector<hsize_t>& dims) {
  const hsize_t n = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  if (!dims.empty() && n != data.size())
    throw OutputError("dataset " + name + ": data size does not match its dimensions");
  Handle sp = space(dims.empty() ? std::vector<hsize_t>{data.size()} : dims);
  Handle dcpl = dataset_create_props();
  Handle ds(check(H5Dcreate2(loc, name.c_str(), H5T_STD_I32LE, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT),
                  "create " + name),
            H5Dclose);
  if (!data.empty())
    check(H5Dwrite(ds, H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), "write " + name);
  return ds;
}

Handle write_strings(hid_t loc, const std::string& name, const std::vector<std::string>& data,
                     const std::vector<hsize_t>& dims) {
  const hsize_t n = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  if (!dims.empty() && n != data.size())
    throw OutputError("dataset " + name + ": data size does not match its dimensions");
  Handle type = utf8_string_type(0);
  Handle sp = space(dims.empty() ? std::vector<hsize_t>{data.size()} : dims);
  Handle dcpl = dataset_create_props();
  Handle ds(check(H5Dcreate2(loc, name.c_str(), type, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT), "create " + name),
            H5Dclose);
  std::vector<const char*> ptrs;
  ptrs.reserve(data.size());
  for (const auto& s : data)
    ptrs.push_back(s.c_str());
  if (!data.empty()) check(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), "write " + name);
  return ds;
}

void set_attribute(hid_t obj, const std::string& name, const std::string& value) {
  Handle type = utf8_string_type(std::max<std::size_t>(value.size(), 1));
  Handle sp(check(H5Screate(H5S_SCALAR), "H5Screate"), H5Sclose);
  Handle a(check(H5Acreate2(obj, name.c_str(), type, sp, H5P_DEFAULT, H5P_DEFAULT), "attribute " + name),
           H5Aclose);
  const std::string padded = value.empty() ? std::string(1, '\0') : value;
  check(H5Awrite(a, type, padded.data()), "write attribute " + name);
}

void set_attribute(hid_t obj, const std::string& name, double value) {
  Handle sp(check(H5Screate(H5S_SCALAR), "H5Screate"), H5Sclose);
  Handle a(
      check(H5Acreate2(obj, name.c_str(), H5T_IEEE_F64LE, sp, H5P_DEFAULT, H5P_DEFAULT), "attribute " + name),
      H5Aclose);
  check(H5Awrite(a, H5T_NATIVE_DOUBLE, &value), "write attribute " + name);
}

void set_attribute(hid_t obj, const std::string& name, std::int64_t value) {
  Handle sp(check(H5Screate(H5S_SCALAR), "H5Screate"), H5Sclose);
  Handle a(
      check(H5Acreate2(obj, name.c_str(), H5T_STD_I64LE, sp, H5P_DEFAULT, H5P_DEFAULT), "attribute " + name),
      H5Aclose);
  check(H5Awrite(a, H5T_NATIVE_INT64, &value), "write attribute " + name);
}

void make_dimension_scale(hid_t dataset, const std::string& dim) {
  check(H5DSset_scale(dataset, dim.c_str()), "H5DSset_scale " + dim);
}

void attach_scale(hid_t dataset, hid_t scale, unsigned index) {
  check(H5DSattach_scale(dataset, scale, index), "H5DSattach_scale");
}

std::vector<hsize_t> dataset_dims(hid_t loc, const std::string& name) {
  Handle ds(check(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), "open " + name), H5Dclose);
  Handle sp(check(H5Dget_space(ds), "H5Dget_space"), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(sp);
  std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
  if (rank > 0) check(H5Sget_simple_extent_dims(sp, dims.data(), nullptr), "dims " + name);
  return dims;
}

std::vector<double> read_doubles(hid_t loc, const std::string& name) {
  const auto dims = dataset_dims(loc, name);
  const hsize_t n = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  std::vector<double> v(n);
  Handle ds(check(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), "open " + name), H5Dclose);
  if (n > 0) check(H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), "read " + name);
  return v;
}

std::vector<std::string> read_strings(hid_t loc, const std::string& name) {
  const auto dims = dataset_dims(loc, name);
  const std::size_t n =
      dims.empty() ? 0 : std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  Handle ds(check(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), "open " + name), H5Dclose);
  Handle type = utf8_string_type(0);
  std::vector<char*> ptrs(n, nullptr);
  std::vector<std::string> out;
  if (n == 0) return out;
  if (!vlen_strings_fit(ds)) throw OutputError("read " + name + ": a string longer than the file (damaged?)");
  Handle sp(check(H5Dget_space(ds), "H5Dget_space"), H5Sclose);
  // The strings HDF5 allocated are freed even when the read failed part way.
  const herr_t read = H5Dread(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data());
  if (read >= 0)
    for (char* p : ptrs)
      out.emplace_back(p ? p : "");
  H5Dvlen_reclaim(type, sp, H5P_DEFAULT, ptrs.data());
  check(read, "read " + name);
  return out;
}

std::string read_string_attribute(hid_t obj, const std::string& name) {
  Handle a(check(H5Aopen(obj, name.c_str(), H5P_DEFAULT), "open attribute " + name), H5Aclose);
  Handle ftype(check(H5Aget_type(a), "H5Aget_type"), H5Tclose);
  if (H5Tget_class(ftype) != H5T_STRING) throw OutputError("attribute " + name + " is not text");
  if (H5Tis_variable_str(ftype) > 0) {
    Handle type = utf8_string_type(0);
    char* p = nullptr;
    check(H5Aread(a, type, &p), "read attribute " + name);
    std::string s = p ? p : "";
    H5free_memory(p);
    return s;
  }
  const std::size_t size = H5Tget_size(ftype);
  std::string buf(size, '\0');
  check(H5Aread(a, ftype, buf.data()), "read attribute " + name);
  return buf.substr(0, buf.find('\0'));
}

bool vlen_strings_fit(hid_t dataset) {
  const haddr_t offset = H5Dget_offset(dataset); // from the file's first byte, a user block included
  if (offset == HADDR_UNDEF) return true;        // chunked, compact or never written
  const Handle space(H5Dget_space(dataset), H5Sclose);
  const Handle file(H5Iget_file_id(dataset), H5Fclose);
  const hssize_t n = space.id() < 0 ? -1 : H5Sget_simple_extent_npoints(space);
  hsize_t file_bytes = 0;
  if (n == 0) return true;
  if (n < 0 || file.id() < 0 || H5Fget_filesize(file, &file_bytes) < 0) return false;
  const hsize_t bytes = H5Dget_storage_size(dataset);
  const hsize_t element = bytes / static_cast<hsize_t>(n);
  if (element < 4 || bytes % static_cast<hsize_t>(n) != 0 || offset > file_bytes ||
      bytes > file_bytes - offset)
    return false;
  std::string path(static_cast<std::size_t>(std::max<ssize_t>(H5Fget_name(file, nullptr, 0), 0)), '\0');
  if (path.empty() || H5Fget_name(file, path.data(), path.size() + 1) < 0) return false;
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> ids(bytes);
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(reinterpret_cast<char*>(ids.data()), static_cast<std::streamsize>(bytes));
  if (!in) return false;
  for (hsize_t at = 0; at < bytes; at += element) {
    std::uint64_t length = 0;
    for (int b = 3; b >= 0; --b)
      length = length << 8 | ids[at + static_cast<hsize_t>(b)];
    if (length > file_bytes) return false;
  }
  return true;
}

double read_double_attribute(hid_t obj, const std::string& name) {
  if (H5Aexists(obj, name.c_str()) <= 0) throw OutputError("no attribute " + name);
  Handle a(check(H5Aopen(obj, name.c_str(), H5P_DEFAULT), "open attribute " + name), H5Aclose);
  Handle ftype(check(H5Aget_type(a), "H5Aget_type"), H5Tclose);
  const H5T_class_t c = H5Tget_class(ftype);
  if (c != H5T_FLOAT && c != H5T_INTEGER) throw OutputError("attribute " + name + " is not a number");
  double v = 0.0;
  check(H5Aread(a, H5T_NATIVE_DOUBLE, &v), "read attribute " + name);
  return v;
}

} // namespace steelpath::h5
