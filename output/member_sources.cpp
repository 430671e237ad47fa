#include "output/member_sources.hpp"

#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/hdf5_chunked.hpp"
#include "output/member_fields.hpp"
#include "output/member_payload.hpp"

#include <algorithm>
#include <filesystem>

namespace steelpath {

namespace fs = std::filesystem;

JournalSource::JournalSource(const std::string& folder, const std::string& identity, std::size_t members)
    : index_(members) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (e.path().extension() == ".journal") files.push_back(e.path().string());
  std::sort(files.begin(), files.end()); // the same index whatever the directory order
  for (const auto& f : files) {
    // A journal whose writer died while creating it holds nothing; its
    // writer starts it afresh when that worker runs again.
    if (is_unstarted_journal(f, identity)) continue;
    // Only the paths stay: a job array may leave thousands of journals, more
    // than a process may hold open.
    const JournalScan scan = scan_journal(f, identity);
    if (scan.file_bytes > scan.valid_bytes) ++torn_;
    paths_.push_back(f);
    const int j = static_cast<int>(paths_.size()) - 1;
    for (const auto& r : scan.records) {
      if (r.member >= members)
        throw OutputError(f + ": holds member " + std::to_string(r.member) + " but the design has " +
                          std::to_string(members) + "; it belongs to another run");
      Where& w = index_[r.member];
      if (w.journal >= 0 && w.record.status == kRecordDone) continue;
      w = {j, r};
    }
  }
}

int JournalSource::status(std::size_t m) const {
  const Where& w = index_.at(m);
  if (w.journal < 0) return 0;
  return w.record.status == kRecordDone ? schema::kMemberDone : schema::kMemberFailed;
}

void JournalSource::forget_failures() {
  for (auto& w : index_)
    if (w.journal >= 0 && w.record.status != kRecordDone) w = {};
}

void JournalSource::read(std::size_t m, std::vector<EncodedField>& fields, double& unit_years,
                         std::vector<double>& targets, std::string& reason) {
  const Where& w = index_.at(m);
  if (w.journal < 0) throw OutputError("member " + std::to_string(m) + " is in no journal");
  const auto payload = this->payload(w);
  if (w.record.status == kRecordDone) {
    decode_member(payload, fields, unit_years, targets);
    reason.clear();
  } else {
    fields.clear();
    targets.clear();
    unit_years = 0.0;
    reason.assign(reinterpret_cast<const char*>(payload.data()), payload.size());
  }
}

void JournalSource::statistics_inputs(std::size_t m, StatisticsInputs& out) {
  const Where& w = index_.at(m);
  if (w.journal < 0 || w.record.status != kRecordDone)
    throw OutputError("member " + std::to_string(m) + " is not done in any journal");
  decode_statistics_inputs(payload(w), out);
}

std::vector<std::byte> JournalSource::payload(const Where& w) {
  std::unique_ptr<PayloadReader> reader;
  {
    const std::lock_guard lock(readers_mutex_);
    if (!readers_.empty()) {
      reader = std::move(readers_.back());
      readers_.pop_back();
    }
  }
  if (!reader) reader = std::make_unique<PayloadReader>();
  auto bytes = reader->read(paths_[static_cast<std::size_t>(w.journal)], w.record);
  const std::lock_guard lock(readers_mutex_);
  readers_.push_back(std::move(reader));
  return bytes;
}

ResultsFileSource::ResultsFileSource(const std::string& path, std::size_t members, bool company_series)
    : file_(h5::open_file(path)) {
  status_.resize(members);
  const auto dims = h5::dataset_dims(file_, "member_status");
  if (dims.size() != 1 || dims[0] != members)
    throw OutputError(path + ": has another number of members than the design");
  h5::Handle st = h5::open_dataset(file_, "member_status");
  h5::read_block(st, {0}, {members}, status_);
  unit_years_ = h5::read_doubles(file_, "member_unit_years");
  // [member][target], read whole: a few numbers per member.
  if (H5Lexists(file_, "target_met", H5P_DEFAULT) > 0) {
    target_met_ = h5::read_doubles(file_, "target_met");
    targets_ = members > 0 ? target_met_.size() / members : 0;
  }
  const auto failed = h5::read_doubles(file_, "failure");
  const auto reasons = h5::read_strings(file_, "failure_reason");
  for (std::size_t i = 0; i < failed.size() && i < reasons.size(); ++i)
    failures_.emplace_back(static_cast<std::int32_t>(failed[i]), reasons[i]);
  const auto names = member_field_names(company_series);
  for (const auto name : names) {
    const std::string var(name);
    shapes_.push_back(h5::dataset_dims(file_, var));
    datasets_.push_back(h5::open_dataset(file_, var));
  }
  for (const auto name : statistics_series_names())
    statistics_sets_.push_back(
        static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin()));
}

void ResultsFileSource::statistics_inputs(std::size_t m, StatisticsInputs& out) {
  out.values.resize(statistics_sets_.size());
  for (std::size_t i = 0; i < statistics_sets_.size(); ++i) {
    const std::size_t f = statistics_sets_[i];
    if (f >= datasets_.size()) throw OutputError("results file: no member dataset for the statistics");
    std::vector<hsize_t> start(shapes_[f].size(), 0), count = shapes_[f];
    start[0] = m;
    count[0] = 1;
    std::size_t size = 1;
    for (std::size_t d = 1; d < count.size(); ++d)
      size *= count[d];
    out.values[i].resize(size);
    h5::read_block(datasets_[f], start, count, out.values[i]);
  }
}

int ResultsFileSource::status(std::size_t m) const {
  return status_.at(m);
}

void ResultsFileSource::read(std::size_t m, std::vector<EncodedField>& fields, double& unit_years,
                             std::vector<double>& targets, std::string& reason) {
  unit_years = unit_years_.at(m);
  targets.assign(target_met_.begin() + static_cast<std::ptrdiff_t>(m * targets_),
                 target_met_.begin() + static_cast<std::ptrdiff_t>((m + 1) * targets_));
  reason.clear();
  fields.clear();
  if (status_[m] != schema::kMemberDone) {
    // Failures are stored in member order.
    const auto it = std::lower_bound(failures_.begin(), failures_.end(), static_cast<std::int32_t>(m),
                                     [](const auto& f, std::int32_t v) { return f.first < v; });
    if (it != failures_.end() && static_cast<std::size_t>(it->first) == m) reason = it->second;
    return;
  }
  fields.resize(datasets_.size());
  for (std::size_t f = 0; f < datasets_.size(); ++f) {
    // The stored chunk is the member's whole array: copied as it is.
    hsize_t offset[H5S_MAX_RANK] = {m}; // the member's chunk: the rest of the offset is 0
    std::uint64_t values = 1;
    for (std::size_t i = 1; i < shapes_[f].size(); ++i)
      values *= shapes_[f][i];
    fields[f].values = values;
    fields[f].bytes.clear();
    if (values == 0) continue;
    hsize_t bytes = 0;
    h5::check(H5Dget_chunk_storage_size(datasets_[f], offset, &bytes), "H5Dget_chunk_storage_size");
    fields[f].bytes.resize(bytes);
    std::uint32_t filters = 0;
    h5::check(H5Dread_chunk(datasets_[f], H5P_DEFAULT, offset, &filters, fields[f].bytes.data()),
              "H5Dread_chunk");
    if (filters != 0) throw OutputError("member " + std::to_string(m) + ": a chunk stored unfiltered");
  }
}

bool CombinedSource::concurrent_reads() const {
  return std::all_of(sources_.begin(), sources_.end(),
                     [](const MemberSource* s) { return s->concurrent_reads(); });
}

void CombinedSource::statistics_inputs(std::size_t m, StatisticsInputs& out) {
  MemberSource* s = pick(m);
  if (!s) throw OutputError("member " + std::to_string(m) + " has not been run");
  s->statistics_inputs(m, out);
}

MemberSource* CombinedSource::pick(std::size_t m) const {
  MemberSource* failed = nullptr;
  for (auto* s : sources_) {
    const int st = s->status(m);
    if (st == schema::kMemberDone) return s;
    if (st == schema::kMemberFailed && !failed) failed = s;
  }
  return failed;
}

int CombinedSource::status(std::size_t m) const {
  const MemberSource* s = pick(m);
  return s ? s->status(m) : 0;
}

void CombinedSource::read(std::size_t m, std::vector<EncodedField>& fields, double& unit_years,
                          std::vector<double>& targets, std::string& reason) {
  MemberSource* s = pick(m);
  if (!s) throw OutputError("member " + std::to_string(m) + " has not been run");
  s->read(m, fields, unit_years, targets, reason);
}

} // namespace steelpath
