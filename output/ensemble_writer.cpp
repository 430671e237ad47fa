#include "output/ensemble_writer.hpp"

#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/group_writer.hpp"
#include "output/hdf5_chunked.hpp"
#include "output/member_fields.hpp"
#include "output/member_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

namespace steelpath {

namespace fs = std::filesystem;

namespace {

// One chunk per member and array: the worker that simulated the member
// compressed it (shuffle + deflate, in parallel), and the file only copies
// the bytes (H5Dwrite_chunk). Reading one member's series is one chunk;
// reading a year across members touches every member's chunk, which is why
// the statistics pass reads the members' uncompressed statistics inputs from
// the source instead (member_statistics.cpp).

std::vector<std::int32_t> iota32(std::size_t n) {
  std::vector<std::int32_t> v(n);
  std::iota(v.begin(), v.end(), 0);
  return v;
}

struct MemberDataset {
  h5::Handle ds;
  std::vector<hsize_t> start, count; ///< one member's block
  std::size_t size = 0;              ///< doubles per member
};

void write_design(GroupWriter& root, const EnsembleDesignTable& d) {
  const std::size_t n = d.members();
  root.ints("member", iota32(n));
  root.ints("lever_setting", iota32(d.setting_labels.size()));
  root.strings("lever", d.lever_paths);
  root.ints("sample", iota32(d.samples));
  root.strings("parameter", d.parameter_paths);
  root.strings("lever_setting_label", d.setting_labels);
  root.strings("lever_setting_package", d.setting_packages);
  root.doubles("lever_value", d.lever_values);
  root.strings("lever_value_text", d.lever_texts);
  root.strings("parameter_distribution", d.parameter_distributions);
  root.ints("parameter_scale", d.parameter_scale);
  root.doubles("sample_unit", d.sample_unit);
  root.doubles("sample_value", d.sample_value);
  std::vector<std::int32_t> setting(n), sample(n), replicate(n);
  for (std::size_t m = 0; m < n; ++m) {
    replicate[m] = static_cast<std::int32_t>(m % d.replicates);
    sample[m] = static_cast<std::int32_t>((m / d.replicates) % d.samples);
    setting[m] = static_cast<std::int32_t>(m / (d.replicates * d.samples));
  }
  root.ints("member_setting", setting);
  root.ints("member_sample", sample);
  root.ints("member_replicate", replicate);
  root.strings("target", d.target_labels);
  root.strings("target_company", d.target_companies);
  root.ints("target_year", d.target_years);
}

std::vector<MemberDataset> create_member_datasets(hid_t file, GroupWriter& root, std::size_t members,
                                                  const std::vector<std::string_view>& names) {
  std::vector<MemberDataset> out;
  for (const auto name : names) {
    const std::string var(name);
    MemberDataset m;
    const auto shape = root.shape(var); // member first
    m.size = 1;
    for (std::size_t i = 1; i < shape.size(); ++i)
      m.size *= shape[i];
    if (m.size == 0 || members == 0) { // nothing to chunk (no contracts): an empty dataset
      m.ds = h5::write_doubles(file, var, {}, shape);
      m.size = 0;
      out.push_back(std::move(m));
      continue;
    }
    std::vector<hsize_t> chunk = shape;
    chunk[0] = 1;
    m.ds = h5::create_chunked_doubles(file, var, shape, chunk, kMemberDeflateLevel, 0);
    m.start.assign(shape.size(), 0);
    m.count = shape;
    m.count[0] = 1;
    out.push_back(std::move(m));
  }
  return out;
}

} // namespace

void write_ensemble(const std::string& path, const Scenario& base, const EnsembleDesignTable& design,
                    MemberSource& source, const Provenance& provenance, const RunStatistics& stats,
                    const std::string& identity) {
  const std::size_t n = design.members();
  write_file_atomically(path, true, [&](hid_t file) {
    write_provenance(file, base, provenance);
    h5::set_attribute(file, "ensemble_identity", identity);
    h5::set_attribute(file, "sampling", design.sampling);
    h5::set_attribute(file, "samples", static_cast<std::int64_t>(design.base_samples));
    h5::set_attribute(file, "replicates", static_cast<std::int64_t>(design.replicates));
    h5::set_attribute(file, "members", static_cast<std::int64_t>(n));
    h5::set_attribute(file, "company_series", static_cast<std::int64_t>(design.company_series ? 1 : 0));
    h5::set_attribute(file, "reference_lever_setting", static_cast<std::int64_t>(design.reference_setting));
    h5::set_attribute(file, "reference_lever_setting_label",
                      design.setting_labels.empty() ? std::string()
                                                    : design.setting_labels.at(design.reference_setting));
    h5::set_attribute(file, "run_wall_seconds", stats.wall_seconds);
    h5::set_attribute(file, "run_members_simulated", static_cast<std::int64_t>(stats.members_run));
    h5::set_attribute(file, "run_members_per_second", stats.members_per_second);
    h5::set_attribute(file, "run_unit_years_per_second", stats.unit_years_per_second);
    h5::set_attribute(file, "run_peak_rss_mib", stats.peak_rss_mib);
    h5::set_attribute(file, "run_threads", static_cast<std::int64_t>(stats.threads));
    h5::set_attribute(file, "run_ranks", static_cast<std::int64_t>(stats.ranks));

    GroupWriter root(file, "", schema::ensemble_variables());
    write_coordinates(root, base);
    write_design(root, design);

    const auto names = member_field_names(design.company_series);
    std::vector<MemberDataset> data = create_member_datasets(file, root, n, names);
    std::vector<std::int32_t> status(n, 0), failed;
    std::vector<std::string> reasons;
    std::vector<double> unit_years(n, std::nan(""));
    std::vector<EncodedField> fields;
    std::vector<double> met;
    const std::size_t T = design.target_labels.size();
    std::vector<double> target_met(n * T, std::nan("")); // [member][target]
    std::string reason;
    for (std::size_t m = 0; m < n; ++m) {
      status[m] = source.status(m);
      if (status[m] != schema::kMemberDone && status[m] != schema::kMemberFailed)
        throw OutputError("member " + std::to_string(m) + " has not been run");
      source.read(m, fields, unit_years[m], met, reason);
      if (status[m] == schema::kMemberFailed) {
        failed.push_back(static_cast<std::int32_t>(m));
        reasons.push_back(reason);
        continue;
      }
      if (met.size() != T)
        throw OutputError("member " + std::to_string(m) +
                          ": its record does not match the scenario's targets");
      std::copy(met.begin(), met.end(), target_met.begin() + static_cast<std::ptrdiff_t>(m * T));
      if (fields.size() != data.size())
        throw OutputError("member " + std::to_string(m) + ": its record does not match the scenario");
      for (std::size_t f = 0; f < data.size(); ++f) {
        if (fields[f].values != data[f].size)
          throw OutputError("member " + std::to_string(m) + ": its record does not match the scenario");
        if (data[f].size == 0) continue;
        data[f].start[0] = m;
        h5::check(H5Dwrite_chunk(data[f].ds, H5P_DEFAULT, 0, data[f].start.data(), fields[f].bytes.size(),
                                 fields[f].bytes.data()),
                  "H5Dwrite_chunk " + std::string(names[f]));
      }
    }
    root.ints("member_status", status);
    root.ints("failure", failed);
    root.strings("failure_reason", reasons);
    root.doubles("member_unit_years", unit_years);
    root.doubles("target_met", target_met);
    for (std::size_t f = 0; f < data.size(); ++f)
      root.finish(names[f], std::move(data[f].ds));
    h5::set_attribute(
        file, "members_done",
        static_cast<std::int64_t>(std::count(status.begin(), status.end(), schema::kMemberDone)));
    h5::set_attribute(file, "members_failed", static_cast<std::int64_t>(failed.size()));
    write_member_statistics(file, root, design, status, target_met, base.metrics.discount_rate, source);
  });
}

std::string ensemble_identity(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return "";
  h5::Handle f = h5::open_file(path);
  if (H5Aexists(f, "ensemble_identity") <= 0) return "";
  return h5::read_string_attribute(f, "ensemble_identity");
}

} // namespace steelpath
