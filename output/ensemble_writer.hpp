// Writes an ensemble's results file. It is created before the members run;
// each member's chunks are copied into it as the member finishes, by the
// thread that simulated it, so that the copying runs in parallel with the
// simulation instead of after it. Members run by earlier invocations, other
// ranks or job-array parts are copied in the final pass, from their journals
// or an earlier results file. The datasets do not depend on the order in
// which members finished, on threads or on MPI ranks; chunks are placed in
// the order the run meant to finish them (member order on one process), so
// the file's layout rarely does either. Members are streamed: memory does
// not grow with the ensemble. The statistics are computed in the final pass
// over the members' statistics inputs, read again from the source
// (member_statistics.hpp). Like the single-member file, it is written under
// a temporary name and renamed.
#pragma once

#include "model/scenario.hpp"
#include "output/member_payload.hpp"
#include "output/partial_file.hpp"
#include "output/result_writer.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace steelpath {

/// The design, as the file records it (filled by the ensemble layer).
struct EnsembleDesignTable {
  std::vector<std::string> setting_labels;   ///< [lever_setting]
  std::vector<std::string> setting_packages; ///< [lever_setting]
  std::vector<std::string> lever_paths;      ///< [lever]: crossed axes
  std::vector<double> lever_values;          ///< [lever_setting][lever] (NaN: not a number)
  std::vector<std::string> lever_texts;      ///< [lever_setting][lever]: as resolved
  std::size_t reference_setting = 0;         ///< what paired metrics are measured against
  std::vector<std::string> parameter_paths;  ///< [parameter]
  /// [parameter]: its distribution (uniform, normal, ...)
  std::vector<std::string> parameter_distributions;
  /// [parameter]: 1 when the sample multiplies the value (`scale: true`), else 0
  std::vector<std::int32_t> parameter_scale;
  std::size_t samples = 1;      ///< design rows per setting
  std::size_t base_samples = 1; ///< `ensemble.samples` (rows / (dims + 2) for saltelli)
  /// runs of the agents' own randomness per sample
  std::size_t replicates = 1;
  std::vector<double> sample_unit;  ///< [sample][parameter]
  std::vector<double> sample_value; ///< [sample][parameter]
  /// latin_hypercube, monte_carlo, sobol or saltelli
  std::string sampling;
  /// the seed of the samples and random draws
  std::uint64_t seed = 1;
  bool company_series = false;               ///< the [member][year][company] series are stored
  std::vector<std::string> target_labels;    ///< [target]: label, e.g. "baowu: neutral by 2050"
  std::vector<std::string> target_companies; ///< [target]: company id
  std::vector<std::int32_t> target_years;    ///< [target]: the target's year
  /// Number of members: settings x samples x replicates.
  [[nodiscard]] std::size_t members() const { return setting_labels.size() * samples * replicates; }
};

/// How a run went; stored as attributes (they differ between runs, unlike the data).
struct RunStatistics {
  /// seconds from start to the file written
  double wall_seconds = 0.0;
  std::size_t members_run = 0; ///< members simulated by this invocation (all ranks)
  /// members simulated per second of wall time
  double members_per_second = 0.0;
  /// unit-years simulated per second of wall time
  double unit_years_per_second = 0.0;
  double peak_rss_mib = 0.0; ///< largest resident set of any process of the run
  int threads = 1;           ///< per rank
  /// MPI ranks (1 without MPI)
  int ranks = 1;
};

/// Whether the caller asks a long write to stop (empty: never); called from
/// several threads at once.
using StopRequested = std::function<bool()>;

/// Where the finalizer gets each member from.
class MemberSource {
public:
  virtual ~MemberSource() = default;
  /// 0: missing, schema::kMemberDone or schema::kMemberFailed.
  [[nodiscard]] virtual int status(std::size_t member) const = 0;
  /// A done member's arrays (in member_field_names() order, each one
  /// encoded HDF5 chunk) and unit-years, or a failed member's reason.
  virtual void read(std::size_t member, std::vector<EncodedField>& fields, double& unit_years,
                    std::vector<double>& targets, std::string& reason) = 0;
  /// A done member's series for the statistics (StatisticsInputs,
  /// member_fields.hpp), decompressed only if the source holds none apart.
  virtual void statistics_inputs(std::size_t member, StatisticsInputs& out) = 0;
  /// Whether read() and statistics_inputs() may run on several threads at
  /// once (the statistics then read one lever setting per thread).
  [[nodiscard]] virtual bool concurrent_reads() const { return false; }
};

/// An ensemble file being written (see the file comment). Members are
/// added from any thread, one at a time (a mutex serialises the HDF5 calls:
/// the library is not thread-safe); finish() completes and renames the file;
/// destroyed unfinished, the temporary file is removed.
class EnsembleWriter {
public:
  /// Creates the file under the temporary name `partial` (empty: a unique
  /// name beside `path`, partial_file.hpp) with the coordinates, the design and the member
  /// datasets. `expected`: the members this process will add, in the order
  /// their chunks should be placed (ascending member numbers).
  EnsembleWriter(std::string path, const Scenario& base, const EnsembleDesignTable& design,
                 std::vector<std::size_t> expected = {}, std::string partial = {});
  ~EnsembleWriter();
  EnsembleWriter(const EnsembleWriter&) = delete;
  EnsembleWriter& operator=(const EnsembleWriter&) = delete;

  /// A member's journal payload (member_payload.hpp): its chunks are written
  /// now if every expected member before it is written, else held (up to
  /// kHeldBytes in all; beyond that, written out of order). `failed`: the
  /// payload is the reason. Thread-safe. Throws OutputError.
  void add(std::size_t member, bool failed, std::span<const std::byte> payload);
  /// Writes what add() held, every member not added (read from `source`,
  /// where every member must be done or failed), the per-member tables, the
  /// statistics and the attributes; then renames the file. Throws
  /// OutputError; Interrupted when `stop` asks it to (it is asked every few
  /// members and lever settings), and the file is abandoned.
  void finish(MemberSource& source, const Provenance& provenance, const RunStatistics& stats,
              const std::string& identity, const StopRequested& stop = {});

  /// The payload bytes add() may hold back waiting for earlier members.
  static constexpr std::size_t kHeldBytes = 64u << 20;

private:
  struct State;
  void write_member(std::size_t member, bool failed, std::span<const std::byte> payload);
  void record(std::size_t member, int status, std::string reason);
  void write_held(bool all);
  void write_tables(MemberSource& source, const Provenance& provenance, const RunStatistics& stats,
                    const std::string& identity, const StopRequested& stop);
  std::unique_ptr<State> state_;
  std::mutex mutex_;
};

/// Writes the ensemble file. Every member must be done or failed in `source`.
/// `identity` names the run (resume checks it). Throws OutputError.
void write_ensemble(const std::string& path, const Scenario& base, const EnsembleDesignTable& design,
                    MemberSource& source, const Provenance& provenance, const RunStatistics& stats,
                    const std::string& identity);

/// The run identity stored in an ensemble file, or "" if `path` is not one.
/// Throws OutputError when the file exists but is not readable HDF5.
[[nodiscard]] std::string ensemble_identity(const std::string& path);

} // namespace steelpath
