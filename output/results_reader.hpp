// Reads a steelpath results file (a single run, schema.hpp, or an ensemble,
// ensemble_schema.hpp) of this program's schema version: any variable of the
// root group or of a group by name, whole or one member's slice, with its
// dimension names, and the attributes of the file or of a variable. What the
// variables mean (coordinates, metrics, the design) is read on top of this
// by results_tables.hpp. Every failure is an OutputError that names the file
// and the variable or attribute; truncated, corrupt and foreign files are
// refused, never read past their end.
#pragma once

#include "output/hdf5.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace steelpath {

/// A variable as read from a results file: its dimensions and its values,
/// row-major in the order of the dimensions, in the units of the variable's
/// `units` attribute (docs/output.md).
template <class T>
struct ResultsArray {
  /// Dimension names, e.g. {"year", "region", "technology"}: the attached
  /// dimension scales, else the schema's; "" for a dimension the file does
  /// not name. Empty for a scalar.
  std::vector<std::string> dims;
  std::vector<std::size_t> shape; ///< the size of each dimension (empty for a scalar)
  std::vector<T> values;          ///< product of shape values (1 for a scalar)
};

/// An open results file, read-only. Variables are named as in docs/output.md:
/// "production" at the root, "statistics/metric_quantiles" in a group.
/// One thread at a time: HDF5's serial library is not thread-safe.
class ResultsReader {
public:
  /// Opens `path` and checks it is a steelpath results file (a
  /// `schema_version` attribute and a `year` coordinate) of this program's
  /// schema version. Throws OutputError naming `path` when it is missing, a
  /// directory or another non-regular file, unreadable, not HDF5, not a
  /// steelpath file, or written under another schema. (Whether the file is
  /// whole: results_check.hpp.)
  explicit ResultsReader(std::string path);

  /// The file, as given.
  [[nodiscard]] const std::string& path() const { return path_; }
  /// True for an ensemble file (it has a `member` dimension).
  [[nodiscard]] bool is_ensemble() const { return ensemble_; }

  /// Whether the dataset `variable` exists.
  [[nodiscard]] bool has(std::string_view variable) const;
  /// The variables (datasets) of `group` ("" the root), in the order written.
  [[nodiscard]] std::vector<std::string> variables(std::string_view group = "") const;
  /// The dimension names of `variable` (see ResultsArray::dims).
  [[nodiscard]] std::vector<std::string> dimensions(std::string_view variable) const;
  /// The size of each dimension of `variable`.
  [[nodiscard]] std::vector<std::size_t> shape(std::string_view variable) const;

  /// A numeric variable read whole, converted to double.
  [[nodiscard]] ResultsArray<double> doubles(std::string_view variable) const;
  /// An integer variable read whole; a floating-point one is refused.
  [[nodiscard]] ResultsArray<std::int64_t> ints(std::string_view variable) const;
  /// A text variable read whole (variable- or fixed-length strings).
  [[nodiscard]] ResultsArray<std::string> strings(std::string_view variable) const;
  /// One member's slice of an ensemble series [member, ...]: index `member`
  /// of the first dimension, the others whole (dims and shape without it).
  /// A failed member's slice is NaN.
  [[nodiscard]] ResultsArray<double> member_doubles(std::string_view variable, std::size_t member) const;

  /// Whether `object` ("" the file's root group, else a variable or group)
  /// has the attribute `name`.
  [[nodiscard]] bool has_attribute(std::string_view name, std::string_view object = "") const;
  /// A scalar attribute as text: text as stored, a number as printf's
  /// "%.10g" (schema_version 5 -> "5"). Throws OutputError when missing.
  [[nodiscard]] std::string attribute(std::string_view name, std::string_view object = "") const;
  /// A numeric scalar attribute (e.g. metrics_discount_rate, 1/yr); throws
  /// OutputError when missing or text.
  [[nodiscard]] double number_attribute(std::string_view name, std::string_view object = "") const;

  /// The HDF5 file, for callers that need what this class does not offer.
  [[nodiscard]] hid_t file() const { return file_; }

private:
  [[nodiscard]] h5::Handle open_dataset(std::string_view variable) const;
  /// The dataset, refused unless numeric (integer only: `integers_only`).
  [[nodiscard]] h5::Handle open_numeric(std::string_view variable, bool integers_only) const;
  template <class T>
  [[nodiscard]] ResultsArray<T> read_numbers(std::string_view variable, hid_t memtype,
                                             bool integers_only) const;
  [[nodiscard]] h5::Handle open_object(std::string_view object) const;
  [[nodiscard]] h5::Handle open_attribute(std::string_view name, std::string_view object) const;
  [[nodiscard]] std::vector<std::size_t> dataset_shape(hid_t dataset, std::string_view variable) const;
  [[nodiscard]] std::vector<std::string> dimension_names(hid_t dataset, std::string_view variable,
                                                         std::size_t rank) const;
  void check_schema() const;
  /// Throws OutputError "<path>: <what>".
  [[noreturn]] void fail(const std::string& what) const;
  /// `result`, or fail(what) when an HDF5 call returned a negative value.
  hid_t checked(hid_t result, const std::string& what) const;

  std::string path_;
  h5::Handle file_;
  bool ensemble_ = false;
};

} // namespace steelpath
