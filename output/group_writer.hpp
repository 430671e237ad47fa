// Writes the variables of one HDF5 group from a schema table (schema.hpp):
// each gets its units and long_name, coordinates become dimension scales,
// and every other variable has its dimensions' scales attached by name, as
// netCDF-4 readers (xarray, ncdump, R) expect.
#pragma once

#include "output/hdf5.hpp"
#include "output/schema.hpp"

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace steelpath {

/// Writes the variables of one HDF5 group with the attributes and dimension scales of their schema rows.
class GroupWriter {
public:
  /// `table`: where the variables' specs are looked up; `parent`: the
  /// enclosing group's writer, whose dimensions are visible here too.
  GroupWriter(hid_t loc, std::string group, const std::vector<schema::Variable>& table,
              const GroupWriter* parent = nullptr)
      : loc_(loc), group_(std::move(group)), table_(table), parent_(parent) {}

  /// Writes variable `name` (doubles), shaped by its dimensions.
  void doubles(std::string_view name, std::span<const double> data);
  /// Writes variable `name` (32-bit integers), shaped by its dimensions.
  void ints(std::string_view name, std::span<const std::int32_t> data);
  /// Writes variable `name` (variable-length strings), shaped by its dimensions.
  void strings(std::string_view name, const std::vector<std::string>& data);
  /// Gives a dataset created elsewhere (e.g. chunked) its attributes and scales.
  void finish(std::string_view name, h5::Handle dataset);
  /// The sizes of a variable's dimensions, from the scales written so far.
  [[nodiscard]] std::vector<hsize_t> shape(std::string_view name) const;
  /// The schema row of variable `name`; throws OutputError if none.
  [[nodiscard]] const schema::Variable& spec(std::string_view name) const;

private:
  const std::pair<h5::Handle, hsize_t>& scale(std::string_view dim) const;
  void finish(const schema::Variable& spec, h5::Handle ds);

  hid_t loc_;
  std::string group_;
  const std::vector<schema::Variable>& table_;
  const GroupWriter* parent_;
  std::map<std::string, std::pair<h5::Handle, hsize_t>, std::less<>> scales_;
};

} // namespace steelpath
