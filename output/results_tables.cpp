#include "output/results_tables.hpp"

#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"

#include <algorithm>

namespace steelpath {

ResultsCoordinates read_coordinates(const ResultsReader& file) {
  ResultsCoordinates c;
  c.years = file.ints("year").values;
  c.technologies = file.strings("technology").values;
  c.regions = file.strings("region").values;
  c.companies = file.strings("company").values;
  c.contracts = file.strings("contract").values;
  return c;
}

MetricsTable::MetricsTable(std::string path, std::vector<std::string> names, std::vector<std::string> units,
                           std::vector<std::vector<double>> columns)
    : path_(std::move(path)), names_(std::move(names)), units_(std::move(units)),
      columns_(std::move(columns)), rows_(columns_.empty() ? 0 : columns_.front().size()) {
  for (std::size_t j = 0; j < columns_.size(); ++j)
    if (columns_[j].size() != rows_)
      throw OutputError(path_ + ": metric " + names_.at(j) + " has " + std::to_string(columns_[j].size()) +
                        " values, the others " + std::to_string(rows_));
}

bool MetricsTable::has(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

const std::vector<double>& MetricsTable::column(std::string_view name) const {
  const auto it = std::find(names_.begin(), names_.end(), name);
  if (it == names_.end()) throw OutputError(path_ + ": no metric " + std::string(name));
  return columns_[static_cast<std::size_t>(it - names_.begin())];
}

double MetricsTable::at(std::size_t row, std::string_view name) const {
  const auto& c = column(name);
  if (row >= c.size())
    throw OutputError(path_ + ": metric " + std::string(name) + " has no row " + std::to_string(row));
  return c[row];
}

MetricsTable read_metrics(const ResultsReader& file) {
  std::vector<std::string> names, units;
  std::vector<std::vector<double>> columns;
  for (const auto& v : file.variables()) {
    if (!file.has_attribute("steelpath_role", v) || file.attribute("steelpath_role", v) != "metric") continue;
    const auto values = file.doubles(v);
    if (values.shape.size() != (file.is_ensemble() ? 1u : 0u))
      throw OutputError(file.path() + ": metric " + v + " is not " +
                        (file.is_ensemble() ? "one value per member" : "a scalar"));
    names.push_back(v);
    units.push_back(file.has_attribute("units", v) ? file.attribute("units", v) : "");
    columns.push_back(values.values);
  }
  return {file.path(), std::move(names), std::move(units), std::move(columns)};
}

std::size_t EnsembleDesign::members_done() const {
  return static_cast<std::size_t>(
      std::count(member_status.begin(), member_status.end(), schema::kMemberDone));
}

std::size_t EnsembleDesign::members_failed() const {
  return static_cast<std::size_t>(
      std::count(member_status.begin(), member_status.end(), schema::kMemberFailed));
}

EnsembleDesign read_design(const ResultsReader& file) {
  if (!file.is_ensemble()) throw OutputError(file.path() + ": a single-run file has no ensemble design");
  EnsembleDesign d;
  d.setting_labels = file.strings("lever_setting_label").values;
  d.setting_packages = file.strings("lever_setting_package").values;
  d.levers = file.strings("lever").values;
  d.lever_values = file.strings("lever_value_text").values;
  d.parameters = file.strings("parameter").values;
  d.distributions = file.strings("parameter_distribution").values;
  auto samples = file.doubles("sample_value");
  d.samples = samples.shape.empty() ? 0 : samples.shape.front();
  d.sample_values = std::move(samples.values);
  d.member_setting = file.ints("member_setting").values;
  d.member_sample = file.ints("member_sample").values;
  d.member_replicate = file.ints("member_replicate").values;
  d.member_status = file.ints("member_status").values;
  d.failed_members = file.ints("failure").values;
  d.failure_reasons = file.strings("failure_reason").values;
  const std::size_t n = d.member_status.size();
  if (d.member_setting.size() != n || d.member_sample.size() != n || d.member_replicate.size() != n)
    throw OutputError(file.path() + ": member_setting, member_sample, member_replicate and member_status " +
                      "differ in length");
  // Indices that point nowhere (a damaged file) are refused here, so that no
  // reader indexes or multiplies with them.
  for (std::size_t m = 0; m < n; ++m)
    if (d.member_setting[m] < 0 || static_cast<std::size_t>(d.member_setting[m]) >= d.setting_labels.size() ||
        d.member_sample[m] < 0 || static_cast<std::size_t>(d.member_sample[m]) >= n ||
        d.member_replicate[m] < 0 || static_cast<std::size_t>(d.member_replicate[m]) >= n)
      throw OutputError(file.path() + ": member " + std::to_string(m) +
                        " has a lever setting, sample or replicate outside the design");
  return d;
}

} // namespace steelpath
