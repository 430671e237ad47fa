// What a results file's variables mean, read through a ResultsReader: the
// coordinates (what each index of a dimension is), the metrics table (a
// single run's metric scalars, or one row per ensemble member) and an
// ensemble's design (lever settings, uncertain parameters, each member's
// place in the design and its status). Names and units: docs/output.md.
#pragma once

#include "output/results_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace steelpath {

/// The coordinates shared by single-run and ensemble files.
struct ResultsCoordinates {
  std::vector<std::int64_t> years;       ///< calendar years, first to last
  std::vector<std::string> technologies; ///< route ids, e.g. "bf_bof"
  std::vector<std::string> regions;      ///< region ids
  std::vector<std::string> companies;    ///< company ids
  std::vector<std::string> contracts;    ///< offtake contract ids (empty without contracts)
};

/// Reads the coordinates; throws OutputError naming the file and variable.
[[nodiscard]] ResultsCoordinates read_coordinates(const ResultsReader& file);

/// The per-member metrics: every variable with `steelpath_role = "metric"`
/// (member_metrics.hpp), in the file's order. A single-run file has one
/// row; an ensemble file one row per member (NaN for a failed member).
class MetricsTable {
public:
  /// A table of `names` (with `units`) and one column of rows per metric, read from `path`.
  MetricsTable(std::string path, std::vector<std::string> names, std::vector<std::string> units,
               std::vector<std::vector<double>> columns);

  /// Each metric's name, in the file's order.
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }
  /// Each metric's units attribute, e.g. "Mt CO2", "USD/t CO2", "year".
  [[nodiscard]] const std::vector<std::string>& units() const { return units_; }
  /// 1 for a single run, the number of members for an ensemble.
  [[nodiscard]] std::size_t rows() const { return rows_; }
  /// Whether the file holds metric `name`.
  [[nodiscard]] bool has(std::string_view name) const;
  /// Metric `name` of every row; throws OutputError naming the file and metric.
  [[nodiscard]] const std::vector<double>& column(std::string_view name) const;
  /// Metric `name` of row `row`.
  [[nodiscard]] double at(std::size_t row, std::string_view name) const;

private:
  std::string path_;
  std::vector<std::string> names_, units_;
  std::vector<std::vector<double>> columns_; ///< [metric][row]
  std::size_t rows_ = 0;
};

/// Reads the metrics table; throws OutputError naming the file and variable.
[[nodiscard]] MetricsTable read_metrics(const ResultsReader& file);

/// An ensemble's design, as its file records it (ensemble_schema.hpp).
/// member = (setting x samples + sample) x replicates + replicate.
struct EnsembleDesign {
  std::vector<std::string> setting_labels;    ///< [lever_setting] "path=value, ..., package=name"
  std::vector<std::string> setting_packages;  ///< [lever_setting] policy package ("" without)
  std::vector<std::string> levers;            ///< [lever] parameter paths of the crossed axes
  std::vector<std::string> lever_values;      ///< [lever_setting][lever] values as resolved (text)
  std::vector<std::string> parameters;        ///< [parameter] paths of the sampled uncertainties
  std::vector<std::string> distributions;     ///< [parameter] uniform, normal, ...
  std::size_t samples = 0;                    ///< design rows per setting
  std::vector<double> sample_values;          ///< [sample][parameter] in the path's unit (or factor)
  std::vector<std::int64_t> member_setting;   ///< [member] lever setting
  std::vector<std::int64_t> member_sample;    ///< [member] sample row
  std::vector<std::int64_t> member_replicate; ///< [member] replicate of the agents' draws
  std::vector<std::int64_t> member_status;    ///< [member] 1 done, 2 failed (schema::kMember*)
  std::vector<std::int64_t> failed_members;   ///< [failure] member index
  std::vector<std::string> failure_reasons;   ///< [failure] why it failed

  /// Number of members of the design.
  [[nodiscard]] std::size_t members() const { return member_status.size(); }
  /// Members done.
  [[nodiscard]] std::size_t members_done() const;
  /// Members failed.
  [[nodiscard]] std::size_t members_failed() const;
};

/// Reads an ensemble file's design; throws OutputError naming the file for a
/// single-run file or a missing or unreadable variable.
[[nodiscard]] EnsembleDesign read_design(const ResultsReader& file);

} // namespace steelpath
