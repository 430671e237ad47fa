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

void write_ensemble_attributes(hid_t file, const Scenario& base, const EnsembleDesignTable& design,
                               const Provenance& provenance, const RunStatistics& stats,
                               const std::string& identity) {
  write_provenance(file, base, provenance);
  h5::set_attribute(file, "ensemble_identity", identity);
  h5::set_attribute(file, "sampling", design.sampling);
  h5::set_attribute(file, "samples", static_cast<std::int64_t>(design.base_samples));
  h5::set_attribute(file, "replicates", static_cast<std::int64_t>(design.replicates));
  h5::set_attribute(file, "members", static_cast<std::int64_t>(design.members()));
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
}

// After a failed HDF5 call: the file, the call and its cause (a full disk).
[[noreturn]] void cannot_write(const std::string& path, const std::string& what) {
  try {
    h5::check(-1, what);
  } catch (const OutputError& e) {
    throw OutputError(path + ": cannot write results: " + e.what());
  }
  throw OutputError(path + ": cannot write results");
}

void stop_if_asked(const StopRequested& stop) {
  if (stop && stop()) throw Interrupted("interrupted while writing the results file");
}

[[noreturn]] void mismatch(std::size_t member) {
  throw OutputError("member " + std::to_string(member) + ": its record does not match the scenario");
}

} // namespace

// What the writer keeps between the members: the open file, the member
// datasets, the per-member tables, and the payloads held for order.
struct EnsembleWriter::State {
  State(std::string path, std::string partial, const Scenario& b, const EnsembleDesignTable& d,
        std::vector<std::size_t> order)
      : base(b), design(d), out(std::move(path), true, std::move(partial)),
        root(out.file(), "", schema::ensemble_variables()), expected(std::move(order)) {}

  const Scenario& base;
  const EnsembleDesignTable design;
  PartialFile out;
  GroupWriter root;
  std::vector<std::string_view> names;
  std::vector<MemberDataset> data;
  std::vector<std::int32_t> status;
  std::vector<double> unit_years, target_met; ///< [member], [member][target]
  std::map<std::size_t, std::string> reasons; ///< failed members' reasons
  std::vector<char> written;                  ///< [member]
  std::vector<std::size_t> expected;          ///< add()'s members in placement order
  std::size_t next = 0;                       ///< the first of `expected` not written
  std::map<std::size_t, std::pair<bool, std::vector<std::byte>>> held; ///< member -> failed, payload
  std::size_t held_bytes = 0;
  bool broken = false;              ///< a write failed: the file is abandoned
  std::vector<EncodedField> fields; ///< scratch
  std::vector<double> met;          ///< scratch
};

EnsembleWriter::EnsembleWriter(std::string path, const Scenario& base, const EnsembleDesignTable& design,
                               std::vector<std::size_t> expected, std::string partial)
    : state_(
          std::make_unique<State>(std::move(path), std::move(partial), base, design, std::move(expected))) {
  State& s = *state_;
  const std::size_t n = design.members();
  write_coordinates(s.root, base);
  write_design(s.root, design);
  s.names = member_field_names(design.company_series);
  s.data = create_member_datasets(s.out.file(), s.root, n, s.names);
  s.status.assign(n, 0);
  s.unit_years.assign(n, std::nan(""));
  s.target_met.assign(n * design.target_labels.size(), std::nan(""));
  s.written.assign(n, 0);
}

EnsembleWriter::~EnsembleWriter() = default;

// A member's chunks and table entries: a done member's from the scratch
// fields and targets, a failed member's reason.
void EnsembleWriter::record(std::size_t m, int status, std::string reason) {
  State& s = *state_;
  s.written[m] = 1;
  s.status[m] = status;
  if (status == schema::kMemberFailed) {
    s.reasons[m] = std::move(reason);
    return;
  }
  const std::size_t T = s.design.target_labels.size();
  if (s.met.size() != T || s.fields.size() != s.data.size()) mismatch(m);
  std::copy(s.met.begin(), s.met.end(), s.target_met.begin() + static_cast<std::ptrdiff_t>(m * T));
  for (std::size_t f = 0; f < s.data.size(); ++f) {
    if (s.fields[f].values != s.data[f].size) mismatch(m);
    if (s.data[f].size == 0) continue;
    s.data[f].start[0] = m;
    if (H5Dwrite_chunk(s.data[f].ds, H5P_DEFAULT, 0, s.data[f].start.data(), s.fields[f].bytes.size(),
                       s.fields[f].bytes.data()) < 0)
      cannot_write(s.out.path(), "H5Dwrite_chunk " + std::string(s.names[f]));
  }
}

void EnsembleWriter::write_member(std::size_t m, bool failed, std::span<const std::byte> payload) {
  if (failed) {
    record(m, schema::kMemberFailed,
           std::string(reinterpret_cast<const char*>(payload.data()), payload.size()));
    return;
  }
  decode_member(payload, state_->fields, state_->unit_years[m], state_->met);
  record(m, schema::kMemberDone, {});
}

// Writes the held payloads that are next in order (all of them when too
// many bytes are held, or `all`), and moves `next` past every written member.
void EnsembleWriter::write_held(bool all) {
  State& s = *state_;
  for (;;) {
    while (s.next < s.expected.size() && s.written[s.expected[s.next]] != 0)
      ++s.next;
    if (s.held.empty()) return;
    auto first = s.held.begin();
    const bool in_order = s.next < s.expected.size() && first->first == s.expected[s.next];
    if (!in_order && !all && s.held_bytes <= kHeldBytes) return;
    s.held_bytes -= first->second.second.size();
    const auto node = s.held.extract(first);
    write_member(node.key(), node.mapped().first, node.mapped().second);
  }
}

void EnsembleWriter::add(std::size_t member, bool failed, std::span<const std::byte> payload) {
  const std::lock_guard lock(mutex_);
  State& s = *state_;
  if (s.broken) return;
  if (member >= s.written.size() || s.written[member] != 0 || s.held.count(member) != 0)
    throw OutputError("member " + std::to_string(member) + " added twice or out of range");
  try {
    while (s.next < s.expected.size() && s.written[s.expected[s.next]] != 0)
      ++s.next;
    if (s.next < s.expected.size() && s.expected[s.next] == member) {
      write_member(member, failed, payload);
    } else {
      s.held_bytes += payload.size();
      s.held.emplace(member, std::pair(failed, std::vector<std::byte>(payload.begin(), payload.end())));
    }
    write_held(false);
  } catch (...) {
    s.broken = true;
    throw;
  }
}

void EnsembleWriter::finish(MemberSource& source, const Provenance& provenance, const RunStatistics& stats,
                            const std::string& identity, const StopRequested& stop) {
  const std::lock_guard lock(mutex_);
  State& s = *state_;
  if (s.broken) throw OutputError(s.out.path() + ": an earlier write failed");
  write_held(true); // in member order
  const std::size_t n = s.design.members();
  std::string reason;
  for (std::size_t m = 0; m < n; ++m) {
    if (m % 256 == 0) stop_if_asked(stop);
    if (s.written[m] != 0) continue;
    const int status = source.status(m);
    if (status != schema::kMemberDone && status != schema::kMemberFailed)
      throw OutputError("member " + std::to_string(m) + " has not been run");
    source.read(m, s.fields, s.unit_years[m], s.met, reason);
    record(m, status, reason);
  }
  try {
    write_tables(source, provenance, stats, identity, stop);
  } catch (const OutputError& e) {
    throw OutputError(s.out.path() + ": cannot write results: " + e.what());
  }
  s.out.commit();
}

// The attributes, the per-member tables and the statistics.
void EnsembleWriter::write_tables(MemberSource& source, const Provenance& provenance,
                                  const RunStatistics& stats, const std::string& identity,
                                  const StopRequested& stop) {
  State& s = *state_;
  const hid_t file = s.out.file();
  write_ensemble_attributes(file, s.base, s.design, provenance, stats, identity);
  std::vector<std::int32_t> failed;
  std::vector<std::string> reasons;
  for (auto& [m, text] : s.reasons) {
    failed.push_back(static_cast<std::int32_t>(m));
    reasons.push_back(std::move(text));
  }
  s.root.ints("member_status", s.status);
  s.root.ints("failure", failed);
  s.root.strings("failure_reason", reasons);
  s.root.doubles("member_unit_years", s.unit_years);
  s.root.doubles("target_met", s.target_met);
  for (std::size_t f = 0; f < s.data.size(); ++f)
    s.root.finish(s.names[f], std::move(s.data[f].ds));
  h5::set_attribute(
      file, "members_done",
      static_cast<std::int64_t>(std::count(s.status.begin(), s.status.end(), schema::kMemberDone)));
  h5::set_attribute(file, "members_failed", static_cast<std::int64_t>(failed.size()));
  write_member_statistics(file, s.root, s.design, s.status, s.target_met, s.base.metrics.discount_rate,
                          source, stop);
}

void write_ensemble(const std::string& path, const Scenario& base, const EnsembleDesignTable& design,
                    MemberSource& source, const Provenance& provenance, const RunStatistics& stats,
                    const std::string& identity) {
  EnsembleWriter writer(path, base, design);
  writer.finish(source, provenance, stats, identity);
}

std::string ensemble_identity(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return "";
  h5::Handle f = h5::open_file(path);
  if (H5Aexists(f, "ensemble_identity") <= 0) return "";
  return h5::read_string_attribute(f, "ensemble_identity");
}

} // namespace steelpath
