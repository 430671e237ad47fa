#include "output/results_check.hpp"

#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/schema.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <set>
#include <string>
#include <vector>

namespace steelpath {

namespace {

constexpr std::size_t kBlockValues = std::size_t{1} << 20; // doubles per read: 8 MiB

std::string full_name(std::string_view group, std::string_view name) {
  return group.empty() ? std::string(name) : std::string(group) + "/" + std::string(name);
}

[[noreturn]] void fail(const ResultsReader& f, const std::string& what) {
  throw OutputError(f.path() + ": " + what);
}

// The variables the file must hold by its schema.
void check_present(const ResultsReader& f) {
  const bool ensemble = f.is_ensemble();
  const bool companies =
      !ensemble || (f.has_attribute("company_series") && f.number_attribute("company_series") == 1.0);
  for (const auto& v : ensemble ? schema::ensemble_variables() : schema::variables()) {
    const bool company_series = ensemble && v.dims.size() == 3 && v.dims[0] == "member" &&
                                v.dims[1] == "year" && v.dims[2] == "company";
    if (company_series && !companies) continue; // left out by design (ensemble_writer.cpp)
    const std::string name = full_name(v.group, v.name);
    if (!f.has(name))
      fail(f,
           "no variable " + name + " (the file is incomplete or damaged; rerun the scenario to rewrite it)");
  }
}

// Reads a numeric variable to its end in blocks along its first dimension.
void read_numeric(const ResultsReader& f, const std::string& name) {
  const auto shape = f.shape(name);
  if (shape.empty()) {
    (void)f.doubles(name); // a scalar
    return;
  }
  const std::string what = "cannot read variable " + name;
  const std::size_t row =
      std::accumulate(shape.begin() + 1, shape.end(), std::size_t{1}, std::multiplies<>());
  if (row == 0 || shape[0] == 0) return;
  const std::size_t rows = std::max<std::size_t>(1, kBlockValues / row);
  h5::Handle ds(H5Dopen2(f.file(), name.c_str(), H5P_DEFAULT), H5Dclose);
  if (ds.id() < 0) fail(f, "cannot open variable " + name);
  h5::Handle filespace(H5Dget_space(ds), H5Sclose);
  if (filespace.id() < 0) fail(f, what);
  std::vector<double> buffer;
  std::vector<hsize_t> start(shape.size(), 0), count(shape.begin(), shape.end());
  for (std::size_t first = 0; first < shape[0]; first += rows) {
    const std::size_t n = std::min(rows, shape[0] - first);
    start[0] = first;
    count[0] = n;
    const auto values = static_cast<hsize_t>(n * row);
    buffer.resize(n * row);
    h5::Handle memspace(H5Screate_simple(1, &values, nullptr), H5Sclose);
    if (memspace.id() < 0 ||
        H5Sselect_hyperslab(filespace, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr) < 0 ||
        H5Dread(ds, H5T_NATIVE_DOUBLE, memspace, filespace, H5P_DEFAULT, buffer.data()) < 0)
      fail(f, what + " (index " + std::to_string(first) + " to " + std::to_string(first + n - 1) +
                  " of its first dimension): the file is damaged or truncated");
  }
}

H5T_class_t type_class(const ResultsReader& f, const std::string& name) {
  h5::Handle ds(H5Dopen2(f.file(), name.c_str(), H5P_DEFAULT), H5Dclose);
  if (ds.id() < 0) fail(f, "cannot open variable " + name + " (the file is damaged)");
  h5::Handle type(H5Dget_type(ds), H5Tclose);
  if (type.id() < 0) fail(f, "cannot read the type of variable " + name + " (the file is damaged)");
  return H5Tget_class(type);
}

// Every variable of the file's groups, read to its end.
void check_readable(const ResultsReader& f) {
  std::set<std::string_view> groups;
  for (const auto& v : f.is_ensemble() ? schema::ensemble_variables() : schema::variables())
    groups.insert(v.group);
  for (const auto group : groups) {
    for (const auto& v : f.variables(group)) {
      const std::string name = full_name(group, v);
      const H5T_class_t c = type_class(f, name);
      if (c == H5T_STRING)
        (void)f.strings(name);
      else if (c == H5T_INTEGER || c == H5T_FLOAT)
        read_numeric(f, name);
      else
        fail(f, "variable " + name + " is neither numeric nor text");
    }
  }
}

} // namespace

void check_results(const ResultsReader& file, ResultsCheck depth) {
  check_present(file);
  if (depth == ResultsCheck::readable) check_readable(file);
}

} // namespace steelpath
