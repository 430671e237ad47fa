// Where the ensemble finalizer reads finished members from: the journals of a
// run (one per rank or job-array part), and, when only failed members are
// rerun, the earlier results file.
#pragma once

#include "output/ensemble_writer.hpp"
#include "output/hdf5.hpp"
#include "output/member_journal.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace steelpath {

/// Journal record status bytes.
inline constexpr std::uint8_t kRecordDone = 0;
/// Journal record status byte of a failed member (its payload is the reason).
inline constexpr std::uint8_t kRecordFailed = 1;

/// Every journal (*.journal) in a folder, indexed by member (the files are
/// opened per read, not held open). A member with a
/// done record is done (a later failure of the same member, from a retry,
/// does not undo it); otherwise the last failure counts.
class JournalSource : public MemberSource {
public:
  /// `members`: the design's size; records beyond it mean a foreign journal.
  JournalSource(const std::string& folder, const std::string& identity, std::size_t members);
  [[nodiscard]] int status(std::size_t member) const override;
  void read(std::size_t member, std::vector<EncodedField>& fields, double& unit_years,
            std::vector<double>& targets, std::string& reason) override;
  /// From the record's uncompressed section: nothing is decompressed.
  void statistics_inputs(std::size_t member, StatisticsInputs& out) override;
  /// Yes: each read takes a reader of its own from a pool.
  [[nodiscard]] bool concurrent_reads() const override { return true; }
  /// Records dropped as a torn tail (a writer killed mid-record), over all journals.
  [[nodiscard]] std::size_t torn_records() const { return torn_; }
  /// Forgets failures, so they count as not run (--retry-failed).
  void forget_failures();

private:
  struct Where {
    int journal = -1;
    JournalRecord record;
  };
  std::vector<std::string> paths_; ///< journals with records, sorted
  std::vector<Where> index_;
  std::size_t torn_ = 0;
  [[nodiscard]] std::vector<std::byte> payload(const Where& where);
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<PayloadReader>> readers_; ///< idle readers (each keeps journals open)
};

/// Members of an earlier ensemble file of the same run.
class ResultsFileSource : public MemberSource {
public:
  /// Opens the ensemble file at `path` of a design of `members` members (with company series or not).
  ResultsFileSource(const std::string& path, std::size_t members, bool company_series);
  [[nodiscard]] int status(std::size_t member) const override;
  void read(std::size_t member, std::vector<EncodedField>& fields, double& unit_years,
            std::vector<double>& targets, std::string& reason) override;
  /// Read (and decompressed) from the file's member datasets.
  void statistics_inputs(std::size_t member, StatisticsInputs& out) override;

private:
  h5::Handle file_;
  std::vector<std::size_t> statistics_sets_; ///< statistics_series_names() -> datasets_ index
  std::vector<h5::Handle> datasets_;
  std::vector<std::vector<hsize_t>> shapes_;
  std::vector<std::int32_t> status_;
  std::vector<double> unit_years_;
  std::vector<double> target_met_; ///< [member][target]
  std::size_t targets_ = 0;
  std::vector<std::pair<std::int32_t, std::string>> failures_;
};

/// Takes each member from the first source that has it done, else failed.
class CombinedSource : public MemberSource {
public:
  /// The sources, first preferred (not owned: they must outlive this object).
  explicit CombinedSource(std::vector<MemberSource*> sources) : sources_(std::move(sources)) {}
  [[nodiscard]] int status(std::size_t member) const override;
  void read(std::size_t member, std::vector<EncodedField>& fields, double& unit_years,
            std::vector<double>& targets, std::string& reason) override;
  void statistics_inputs(std::size_t member, StatisticsInputs& out) override;
  /// When every source's are.
  [[nodiscard]] bool concurrent_reads() const override;

private:
  [[nodiscard]] MemberSource* pick(std::size_t member) const;
  std::vector<MemberSource*> sources_;
};

} // namespace steelpath
