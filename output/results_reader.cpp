#include "output/results_reader.hpp"

#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/schema.hpp"

#include <H5DSpublic.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <numeric>
#include <optional>

namespace steelpath {

namespace {

// "statistics/metric" -> {"statistics", "metric"}; empty parts are dropped.
std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    if (end > start) parts.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// H5Lexists fails on a missing intermediate group, so every link along the
// path is checked in turn.
bool link_exists(hid_t file, std::string_view path) {
  std::string prefix;
  for (const auto& part : split(path)) {
    prefix += (prefix.empty() ? "" : "/") + part;
    if (H5Lexists(file, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
  }
  return !prefix.empty();
}

std::size_t product(const std::vector<std::size_t>& shape) {
  return std::accumulate(shape.begin(), shape.end(), std::size_t{1}, std::multiplies<>());
}

// The dimension scale's NAME attribute ("" if it has none).
std::string scale_name(hid_t scale) {
  char buf[256] = {};
  const ssize_t n = H5DSget_scale_name(scale, buf, sizeof buf);
  return n > 0 ? std::string(buf) : std::string();
}

herr_t first_scale_name(hid_t, unsigned, hid_t scale, void* out) {
  *static_cast<std::string*>(out) = scale_name(scale);
  return 1; // one scale per dimension is enough
}

herr_t collect_dataset(hid_t group, const char* name, const H5L_info_t* info, void* out) {
  if (info->type != H5L_TYPE_HARD) return 0;
  const hid_t obj = H5Oopen(group, name, H5P_DEFAULT);
  if (obj < 0) return 0; // unreadable: not listed
  if (H5Iget_type(obj) == H5I_DATASET) static_cast<std::vector<std::string>*>(out)->emplace_back(name);
  H5Oclose(obj);
  return 0;
}

// The schema's dimension names of `variable`, when it lists it with `rank` dimensions.
std::vector<std::string> schema_dims(std::string_view variable, bool ensemble, std::size_t rank) {
  const auto slash = variable.rfind('/');
  const std::string_view group = slash == std::string_view::npos ? "" : variable.substr(0, slash);
  const std::string_view name = slash == std::string_view::npos ? variable : variable.substr(slash + 1);
  for (const auto& v : ensemble ? schema::ensemble_variables() : schema::variables())
    if (v.group == group && v.name == name && v.dims.size() == rank) return {v.dims.begin(), v.dims.end()};
  return std::vector<std::string>(rank);
}

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

} // namespace

ResultsReader::ResultsReader(std::string path) : path_(std::move(path)) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_type type = fs::status(path_, ec).type();
  if (type == fs::file_type::not_found) fail("no such file");
  if (type == fs::file_type::directory) fail("is a directory, not a results file");
  if (type == fs::file_type::none || type == fs::file_type::unknown) fail("cannot access: " + ec.message());
  if (type != fs::file_type::regular) fail("not a regular file, so not a results file");
  file_ = h5::open_file(path_); // names the path when it is not HDF5
  check_schema();
  ensemble_ = has("member");
}

void ResultsReader::check_schema() const {
  if (!has_attribute("schema_version") || !has("year"))
    fail("not a steelpath results file (no schema_version attribute or year coordinate)");
  const std::string version = attribute("schema_version");
  if (version != std::to_string(schema::kSchemaVersion))
    fail("results schema " + version + ", but this steelpath reads schema " +
         std::to_string(schema::kSchemaVersion) + " (docs/output.md); rerun the scenario with " +
         "this version, or read the file with xarray or h5py");
}

void ResultsReader::fail(const std::string& what) const {
  throw OutputError(path_ + ": " + what);
}

hid_t ResultsReader::checked(hid_t result, const std::string& what) const {
  if (result < 0) fail(what);
  return result;
}

bool ResultsReader::has(std::string_view variable) const {
  if (!link_exists(file_, variable)) return false;
  const hid_t obj = H5Oopen(file_, std::string(variable).c_str(), H5P_DEFAULT);
  if (obj < 0) return false;
  const bool dataset = H5Iget_type(obj) == H5I_DATASET;
  H5Oclose(obj);
  return dataset;
}

h5::Handle ResultsReader::open_dataset(std::string_view variable) const {
  if (!has(variable)) fail("no variable " + std::string(variable));
  const std::string name(variable);
  return {checked(H5Dopen2(file_, name.c_str(), H5P_DEFAULT), "cannot open variable " + name), H5Dclose};
}

h5::Handle ResultsReader::open_object(std::string_view object) const {
  const std::string name = object.empty() ? "/" : std::string(object);
  if (!object.empty() && !link_exists(file_, object)) fail("no variable or group " + name);
  return {checked(H5Oopen(file_, name.c_str(), H5P_DEFAULT), "cannot open " + name), H5Oclose};
}

std::vector<std::string> ResultsReader::variables(std::string_view group) const {
  h5::Handle g = open_object(group);
  if (H5Iget_type(g) != H5I_GROUP) fail(std::string(group) + " is not a group");
  std::vector<std::string> names;
  hsize_t idx = 0;
  // Creation order where the file tracks it (steelpath's files do), else by name.
  if (H5Literate(g, H5_INDEX_CRT_ORDER, H5_ITER_INC, &idx, collect_dataset, &names) < 0) {
    names.clear();
    idx = 0;
    checked(H5Literate(g, H5_INDEX_NAME, H5_ITER_INC, &idx, collect_dataset, &names),
            "cannot list the variables of " + (group.empty() ? std::string("/") : std::string(group)));
  }
  return names;
}

std::vector<std::string> ResultsReader::dimension_names(hid_t dataset, std::string_view variable,
                                                        std::size_t rank) const {
  std::vector<std::string> names(rank);
  if (rank == 1 && H5DSis_scale(dataset) > 0) names[0] = scale_name(dataset); // a coordinate
  for (unsigned i = 0; i < rank; ++i)
    if (names[i].empty() && H5DSget_num_scales(dataset, i) > 0)
      H5DSiterate_scales(dataset, i, nullptr, first_scale_name, &names[i]);
  const auto fallback = schema_dims(variable, ensemble_, rank);
  for (std::size_t i = 0; i < rank; ++i)
    if (names[i].empty()) names[i] = fallback[i];
  return names;
}

std::vector<std::string> ResultsReader::dimensions(std::string_view variable) const {
  h5::Handle ds = open_dataset(variable);
  return dimension_names(ds, variable, dataset_shape(ds, variable).size());
}

std::vector<std::size_t> ResultsReader::shape(std::string_view variable) const {
  return dataset_shape(open_dataset(variable), variable);
}

// The buffers are sized from the shape and HDF5 fills them from the same
// dataspace, so a shape that cannot be read whole is refused.
std::vector<std::size_t> ResultsReader::dataset_shape(hid_t dataset, std::string_view variable) const {
  const std::string what = "cannot read the shape of " + std::string(variable);
  h5::Handle space(checked(H5Dget_space(dataset), what), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space);
  const H5S_class_t kind = H5Sget_simple_extent_type(space);
  if (rank < 0 || (kind != H5S_SIMPLE && kind != H5S_SCALAR)) fail(what);
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (rank > 0) checked(H5Sget_simple_extent_dims(space, dims.data(), nullptr), what);
  const std::vector<std::size_t> shape(dims.begin(), dims.end());
  if (H5Sget_simple_extent_npoints(space) != static_cast<hssize_t>(product(shape))) fail(what);
  return shape;
}

namespace {

std::string unreadable(const std::string& variable) {
  return "cannot read variable " + variable + " (damaged or truncated file?)";
}

H5T_class_t type_class(hid_t ds) {
  const hid_t t = H5Dget_type(ds);
  if (t < 0) return H5T_NO_CLASS;
  const H5T_class_t c = H5Tget_class(t);
  H5Tclose(t);
  return c;
}

// Variable-length strings: HDF5 allocates each one; they are copied and
// freed, also when the read fails part way. Nullopt when HDF5 cannot read
// them, or when one claims to be longer than the file (h5::vlen_strings_fit).
std::optional<std::vector<std::string>> read_vlen(hid_t ds, hid_t ftype, std::size_t n) {
  h5::Handle mtype(H5Tcopy(H5T_C_S1), H5Tclose);
  h5::Handle space(H5Dget_space(ds), H5Sclose);
  if (mtype.id() < 0 || space.id() < 0 || H5Tset_size(mtype, H5T_VARIABLE) < 0 ||
      H5Tset_cset(mtype, H5Tget_cset(ftype)) < 0 || !h5::vlen_strings_fit(ds))
    return std::nullopt;
  std::vector<char*> ptrs(n, nullptr);
  const bool read = H5Dread(ds, mtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) >= 0;
  std::vector<std::string> out;
  if (read) {
    out.reserve(n);
    for (const char* p : ptrs)
      out.emplace_back(p ? p : "");
  }
  H5Dvlen_reclaim(mtype, space, H5P_DEFAULT, ptrs.data());
  if (!read) return std::nullopt;
  return out;
}

// Fixed-length strings (as h5py and netCDF tools may write them): each
// padded to the type's size, cut at its first NUL.
std::optional<std::vector<std::string>> read_fixed(hid_t ds, hid_t ftype, std::size_t n) {
  const std::size_t size = H5Tget_size(ftype);
  if (size == 0) return std::nullopt;
  std::string buf(n * size, '\0');
  if (H5Dread(ds, ftype, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()) < 0) return std::nullopt;
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view s(buf.data() + i * size, size);
    out.emplace_back(s.substr(0, s.find('\0')));
  }
  return out;
}

} // namespace

h5::Handle ResultsReader::open_numeric(std::string_view variable, bool integers_only) const {
  h5::Handle ds = open_dataset(variable);
  const H5T_class_t c = type_class(ds);
  if (integers_only ? c != H5T_INTEGER : (c != H5T_FLOAT && c != H5T_INTEGER))
    fail("variable " + std::string(variable) + (integers_only ? " is not integer" : " is not numeric"));
  return ds;
}

template <class T>
ResultsArray<T> ResultsReader::read_numbers(std::string_view variable, hid_t memtype,
                                            bool integers_only) const {
  h5::Handle ds = open_numeric(variable, integers_only);
  ResultsArray<T> out;
  out.shape = dataset_shape(ds, variable);
  out.dims = dimension_names(ds, variable, out.shape.size());
  out.values.resize(product(out.shape));
  if (!out.values.empty() && H5Dread(ds, memtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.values.data()) < 0)
    fail(unreadable(std::string(variable)));
  return out;
}

ResultsArray<double> ResultsReader::doubles(std::string_view variable) const {
  return read_numbers<double>(variable, H5T_NATIVE_DOUBLE, false);
}

ResultsArray<std::int64_t> ResultsReader::ints(std::string_view variable) const {
  return read_numbers<std::int64_t>(variable, H5T_NATIVE_INT64, true);
}

ResultsArray<double> ResultsReader::member_doubles(std::string_view variable, std::size_t member) const {
  const std::string name(variable);
  h5::Handle ds = open_numeric(variable, false);
  const auto full = dataset_shape(ds, variable);
  const auto dims = dimension_names(ds, variable, full.size());
  if (full.empty() || dims[0] != "member") fail("variable " + name + " has no member dimension");
  if (member >= full[0])
    fail("variable " + name + " has no member " + std::to_string(member) + " (" + std::to_string(full[0]) +
         " members)");
  std::vector<hsize_t> start(full.size(), 0), count(full.begin(), full.end());
  start[0] = member;
  count[0] = 1;
  h5::Handle filespace(checked(H5Dget_space(ds), "cannot read " + name), H5Sclose);
  checked(H5Sselect_hyperslab(filespace, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
          "cannot select member " + std::to_string(member) + " of " + name);
  ResultsArray<double> out;
  out.shape.assign(full.begin() + 1, full.end());
  out.dims.assign(dims.begin() + 1, dims.end());
  const hsize_t n = product(out.shape);
  h5::Handle memspace(checked(H5Screate_simple(1, &n, nullptr), "H5Screate_simple"), H5Sclose);
  out.values.resize(n);
  if (n > 0 && H5Dread(ds, H5T_NATIVE_DOUBLE, memspace, filespace, H5P_DEFAULT, out.values.data()) < 0)
    fail(unreadable(name));
  return out;
}

ResultsArray<std::string> ResultsReader::strings(std::string_view variable) const {
  const std::string name(variable);
  h5::Handle ds = open_dataset(variable);
  h5::Handle ftype(checked(H5Dget_type(ds), "cannot read variable " + name), H5Tclose);
  if (H5Tget_class(ftype) != H5T_STRING) fail("variable " + name + " is not text");
  ResultsArray<std::string> out;
  out.shape = dataset_shape(ds, variable);
  out.dims = dimension_names(ds, variable, out.shape.size());
  const std::size_t n = product(out.shape);
  if (n == 0) return out;
  auto values = H5Tis_variable_str(ftype) > 0 ? read_vlen(ds, ftype, n) : read_fixed(ds, ftype, n);
  if (!values) fail(unreadable(name));
  out.values = std::move(*values);
  return out;
}

bool ResultsReader::has_attribute(std::string_view name, std::string_view object) const {
  if (!object.empty() && !link_exists(file_, object)) return false;
  h5::Handle obj = open_object(object);
  return H5Aexists(obj, std::string(name).c_str()) > 0;
}

// The attribute, checked to hold one value (reading an array attribute into
// one value would overrun the buffer).
h5::Handle ResultsReader::open_attribute(std::string_view name, std::string_view object) const {
  const std::string what =
      "attribute " + std::string(name) + (object.empty() ? "" : " of " + std::string(object));
  h5::Handle obj = open_object(object);
  if (H5Aexists(obj, std::string(name).c_str()) <= 0) fail("no " + what);
  h5::Handle a(checked(H5Aopen(obj, std::string(name).c_str(), H5P_DEFAULT), "cannot open " + what),
               H5Aclose);
  h5::Handle space(checked(H5Aget_space(a), "cannot read " + what), H5Sclose);
  if (H5Sget_simple_extent_npoints(space) != 1) fail(what + " is not a single value");
  return a;
}

std::string ResultsReader::attribute(std::string_view name, std::string_view object) const {
  h5::Handle a = open_attribute(name, object);
  h5::Handle type(checked(H5Aget_type(a), "cannot read attribute " + std::string(name)), H5Tclose);
  const H5T_class_t c = H5Tget_class(type);
  if (c == H5T_FLOAT || c == H5T_INTEGER) return format_number(number_attribute(name, object));
  if (c != H5T_STRING) fail("attribute " + std::string(name) + " is neither text nor a number");
  h5::Handle obj = open_object(object);
  try {
    return h5::read_string_attribute(obj, std::string(name));
  } catch (const OutputError& e) {
    fail(std::string(e.what()));
  }
}

double ResultsReader::number_attribute(std::string_view name, std::string_view object) const {
  h5::Handle a = open_attribute(name, object);
  h5::Handle type(checked(H5Aget_type(a), "cannot read attribute " + std::string(name)), H5Tclose);
  const H5T_class_t c = H5Tget_class(type);
  if (c != H5T_FLOAT && c != H5T_INTEGER) fail("attribute " + std::string(name) + " is not a number");
  double v = 0.0;
  checked(H5Aread(a, H5T_NATIVE_DOUBLE, &v), "cannot read attribute " + std::string(name));
  return v;
}

} // namespace steelpath
