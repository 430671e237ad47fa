#include "ensemble/ensemble_runner.hpp"

#include "ensemble/communicator.hpp"
#include "ensemble/design.hpp"
#include "ensemble/design_table.hpp"
#include "ensemble/member_task.hpp"
#include "ensemble/progress.hpp"
#include "ensemble/run_guard.hpp"
#include "ensemble/run_report.hpp"
#include "input/member_scenario.hpp"
#include "input/sha256.hpp"
#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/ensemble_writer.hpp"
#include "output/member_sources.hpp"
#include "steelpath/version.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace steelpath::ensemble {

namespace fs = std::filesystem;

namespace {

constexpr double kSyncSeconds = 10.0; // journals reach the disk at least this often

std::string parts_folder(const std::string& output) {
  return output + ".parts";
}

// Named by the worker and the number of workers: runs split another way
// (other part counts or rank counts) write other journals, never one file
// from two processes.
std::string journal_path(const std::string& output, std::size_t worker, std::size_t workers) {
  char name[64];
  std::snprintf(name, sizeof name, "part-%05zu-of-%05zu.journal", worker, workers);
  return (fs::path(parts_folder(output)) / name).string();
}

// Adds what to do about a journal of another run to its message.
[[noreturn]] void journal_problem(const OutputError& e, const std::string& output) {
  const std::string what = e.what();
  if (what.find("another run") == std::string::npos) throw e;
  throw OutputError(what + "\nThe folder " + parts_folder(output) +
                    " holds the unfinished members of an earlier run with another scenario, seed, design or "
                    "program build. Rerun with --fresh to discard them, or write to another file with -o.");
}

// The program itself: the bytes of this executable. A rebuilt model (even an
// uncommitted edit) is another program; its members never join an ensemble
// begun by the old one.
std::string program_fingerprint() {
  static const std::string fingerprint = [] {
    std::ifstream exe("/proc/self/exe", std::ios::binary);
    std::ostringstream bytes;
    bytes << exe.rdbuf();
    if (!exe || bytes.str().empty()) return std::string(kVersion) + " " + kGitCommit;
    return input::sha256_hex(bytes.str());
  }();
  return fingerprint;
}

bool has_journals(const std::string& folder) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (e.path().extension() == ".journal") return true;
  return false;
}

} // namespace

std::string run_identity(const input::LoadedScenario& loaded) {
  return input::sha256_hex(loaded.resolved_text + "\nfleet " + loaded.fleet_sha256 + "\nschema " +
                           std::to_string(schema::kSchemaVersion) + "\njournal " +
                           std::to_string(kJournalFormatVersion) + "\nprogram " + program_fingerprint() +
                           "\n");
}

namespace {

// One run of an ensemble, in the steps run_ensemble takes: what an earlier
// run left, this worker's members, simulating them into the journal, and
// writing the file (or saying what is missing).
class EnsembleRun {
public:
  EnsembleRun(const input::LoadedScenario& loaded, const EnsembleOptions& o)
      : loaded_(loaded), o_(o), comm_(Communicator::world()), lead_(comm_.rank() == 0),
        design_(input::ensemble_plan(loaded.ensemble), loaded.scenario.seed), identity_(run_identity(loaded)),
        n_(design_.members()), folder_(parts_folder(o.output)), targets_(company_targets(loaded.scenario)) {}

  int run(Provenance prov);

private:
  /// Workers: every rank of every job-array part; this process is one.
  [[nodiscard]] std::size_t workers() const { return o_.parts * static_cast<std::size_t>(comm_.size()); }
  [[nodiscard]] std::size_t worker() const {
    return o_.part * static_cast<std::size_t>(comm_.size()) + static_cast<std::size_t>(comm_.rank());
  }
  bool nothing_left_to_do();
  void scan();
  [[nodiscard]] int member_status(std::size_t m) const;
  [[nodiscard]] std::vector<std::size_t> this_workers_members(std::size_t& already) const;
  [[nodiscard]] bool simulate(const std::vector<std::size_t>& todo, RunReport& report);
  [[nodiscard]] std::size_t missing();
  int write_file(Provenance prov, RunReport& report);
  [[nodiscard]] EnsembleDesignTable file_design() const;
  /// The file until it is complete: beside the journals, so that a killed
  /// run leaves its unfinished work in one folder.
  [[nodiscard]] std::string partial_path() const {
    return (fs::path(folder_) / (fs::path(o_.output).filename().string() + ".partial")).string();
  }

  const input::LoadedScenario& loaded_;
  const EnsembleOptions& o_;
  const Communicator& comm_;
  const bool lead_;
  const Design design_;
  const std::string identity_;
  const std::size_t n_;
  const std::string folder_;
  const std::vector<TargetCheck> targets_;
  bool have_final_ = false; ///< a finished file of this run exists
  bool pending_ = false;    ///< journals exist beside it
  bool first_scan_ = true;
  std::unique_ptr<JournalSource> journals_;
  std::unique_ptr<ResultsFileSource> earlier_;
  std::optional<FolderLock> lock_;         ///< held while this process writes the file
  std::unique_ptr<EnsembleWriter> writer_; ///< the file, when this process writes it
};

// What an earlier run left: a finished file of this run, and/or journals. A
// complete file with no journals beside it: done, unless failures are to be
// rerun. Journals beside it (a --retry-failed run interrupted, or run in
// parts) are merged into it.
bool EnsembleRun::nothing_left_to_do() {
  if (lead_) {
    std::string previous;
    try {
      previous = ensemble_identity(o_.output);
    } catch (const OutputError&) {
      previous = "(unreadable)";
    }
    have_final_ = previous == identity_;
    if (!previous.empty() && !have_final_ && !o_.quiet)
      std::cerr << "note: " << o_.output
                << " exists from another run; it will be replaced when this run is done\n";
    if (o_.fresh) fs::remove_all(folder_);
    pending_ = has_journals(folder_);
  }
  have_final_ = comm_.broadcast(have_final_ ? 1 : 0) != 0;
  pending_ = comm_.broadcast(pending_ ? 1 : 0) != 0;
  if (have_final_ && !pending_ && !o_.retry_failed) {
    if (lead_ && !o_.quiet)
      std::cerr << o_.output << " is complete (" << n_ << " members); nothing to do. --retry-failed reruns "
                << "failed members; -o writes another file.\n";
    return true;
  }
  return false;
}

void EnsembleRun::scan() {
  try {
    journals_ = std::make_unique<JournalSource>(folder_, identity_, n_);
  } catch (const OutputError& e) {
    journal_problem(e, o_.output);
  }
  if (have_final_ && !earlier_)
    earlier_ = std::make_unique<ResultsFileSource>(o_.output, n_, design_.plan().company_series);
  // Failures recorded before this run are run again; this run's own stay.
  if (o_.retry_failed && first_scan_) journals_->forget_failures();
  first_scan_ = false;
}

int EnsembleRun::member_status(std::size_t m) const {
  if (const int j = journals_->status(m); j != 0) return j;
  if (!earlier_) return 0;
  const int e = earlier_->status(m);
  return e == schema::kMemberDone || !o_.retry_failed ? e : 0;
}

// This worker's share: members not yet done, dealt out cyclically.
std::vector<std::size_t> EnsembleRun::this_workers_members(std::size_t& already) const {
  std::vector<std::size_t> todo;
  already = 0;
  if (!o_.merge_only)
    for (std::size_t m = worker(); m < n_; m += workers()) {
      if (member_status(m) != 0) {
        ++already;
        continue;
      }
      todo.push_back(m);
    }
  return todo;
}

// Simulates `todo` on this rank's threads, each member appended to the
// worker's journal as it finishes. Returns whether a signal stopped it early.
bool EnsembleRun::simulate(const std::vector<std::size_t>& todo, RunReport& report) {
  const input::ScenarioFactory factory(loaded_);
  std::error_code ec;
  fs::create_directories(folder_, ec);
  if (ec) throw OutputError(folder_ + ": cannot create the folder for the journals: " + ec.message());
  JournalWriter journal(journal_path(o_.output, worker(), workers()), identity_);
  if (journal.torn_bytes() > 0 && !o_.quiet)
    std::cerr << "note: " << journal.path() << ": dropped an incomplete record (" << journal.torn_bytes()
              << " bytes) left by an interrupted run\n";
  Progress progress(todo.size(), Progress::detect(o_.quiet),
                    comm_.size() > 1 ? "rank " + std::to_string(comm_.rank()) + ": " : "",
                    o_.progress_interval);
#ifdef _OPENMP
  if (o_.threads > 0) omp_set_num_threads(o_.threads);
#endif
  // The process that writes the file copies each member into it as the
  // member finishes, in parallel with the simulation of the others.
  if (lead_ && o_.parts <= 1) {
    lock_.emplace(folder_);
    writer_ =
        std::make_unique<EnsembleWriter>(o_.output, loaded_.scenario, file_design(), todo, partial_path());
  }
  std::atomic<double> unit_years{0.0};
  std::exception_ptr write_error; // set once, under the critical section
  std::atomic<bool> write_failed{false};
  const auto t0 = std::chrono::steady_clock::now();
  std::atomic<std::int64_t> next_sync{static_cast<std::int64_t>(kSyncSeconds * 1e3)};
#pragma omp parallel
  {
    MemberResult result; // each thread's working memory, reused
#pragma omp for schedule(dynamic, 1)
    for (std::size_t i = 0; i < todo.size(); ++i) {
      if (StopOnSignal::stop_requested() || write_failed.load(std::memory_order_relaxed)) continue;
      const MemberOutcome out = run_member(design_, factory, todo[i], result, targets_);
      try {
        journal.append(todo[i], out.failed ? kRecordFailed : kRecordDone, out.payload);
        if (writer_) writer_->add(todo[i], out.failed, out.payload);
        // Now and then one thread flushes the journal to the disk, so a
        // crash of the machine (not only of the process) loses little.
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
                .count();
        std::int64_t due = next_sync.load(std::memory_order_relaxed);
        if (ms >= due &&
            next_sync.compare_exchange_strong(due, ms + static_cast<std::int64_t>(kSyncSeconds * 1e3)))
          journal.sync();
      } catch (...) {
#pragma omp critical(steelpath_write_error)
        if (!write_error) write_error = std::current_exception();
        write_failed = true;
      }
      unit_years.fetch_add(out.unit_years, std::memory_order_relaxed);
      progress.tick(out.failed);
    }
  }
  journal.sync();
  progress.finish();
  if (write_error) std::rethrow_exception(write_error);
  report.simulated(progress.done(), progress.failed(), unit_years.load(), progress.seconds());
  // A signal after the last member stops nothing.
  return StopOnSignal::stop_requested() && progress.done() < todo.size();
}

std::size_t EnsembleRun::missing() {
  std::size_t count = 0;
  for (std::size_t m = 0; m < n_; ++m)
    if (member_status(m) == 0) ++count;
  return count;
}

// Writes the file from every worker's journal (and an earlier file of this
// run), once every member is done. One writer at a time: another process
// finishing the same run (a second merge, a rerun) is refused rather than
// let write the same file.
int EnsembleRun::write_file(Provenance prov, RunReport& report) {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  if (!lock_) lock_.emplace(folder_);
  scan(); // every worker's journal, now that all are written
  std::vector<MemberSource*> sources{journals_.get()};
  if (earlier_) sources.push_back(earlier_.get());
  CombinedSource all(sources);
  std::size_t absent = 0;
  for (std::size_t m = 0; m < n_; ++m)
    if (all.status(m) == 0) ++absent;
  if (absent > 0) {
    writer_.reset();
    report.incomplete(absent, false, folder_);
    return 3;
  }
  prov.finished_utc = utc_now();
  if (!writer_)
    writer_ = std::make_unique<EnsembleWriter>(o_.output, loaded_.scenario, file_design(),
                                               std::vector<std::size_t>{}, partial_path());
  // A signal from here on abandons the file (its temporary is removed) and
  // keeps the journals, as a signal during the simulation does: exit 130.
  try {
    writer_->finish(all, prov, report.statistics(), identity_, [] { return StopOnSignal::stop_requested(); });
  } catch (const Interrupted&) {
    writer_.reset();
    report.interrupted_writing(o_.output, folder_);
    return 130;
  }
  writer_.reset();
  earlier_.reset();
  journals_.reset();
  fs::remove_all(folder_, ec); // the file holds everything now
  report.finished(o_.output);
  return 0;
}

// The design as the file records it.
EnsembleDesignTable EnsembleRun::file_design() const {
  auto table = design_table(design_, targets_);
  for (const auto& t : targets_)
    table.target_companies.push_back(loaded_.scenario.companies[t.company].id);
  return table;
}

int EnsembleRun::run(Provenance prov) {
  const StopOnSignal stop_on_signal; // until the end: a signal never kills a rank mid-barrier or mid-write
  if (nothing_left_to_do()) return 0;
  comm_.barrier();
  scan();
  std::size_t already = 0;
  const std::vector<std::size_t> todo = this_workers_members(already);
  // --retry-failed on a complete file without failures: nothing to rewrite.
  if (have_final_ && !pending_ && comm_.sum(static_cast<double>(todo.size())) == 0) {
    if (lead_ && !o_.quiet)
      std::cerr << o_.output << " is complete and has no failed members; nothing to do.\n";
    return 0;
  }
  RunReport report(design_, comm_, o_, already, todo.size());
  bool interrupted = !todo.empty();
  if (!todo.empty() && !StopOnSignal::stop_requested()) interrupted = simulate(todo, report);
  comm_.barrier();
  const bool any_interrupted = comm_.max(interrupted ? 1.0 : 0.0) > 0;
  report.gather();
  if (!lead_) return any_interrupted ? 130 : 0;
  // Job-array parts never write the file (two parts finishing together would
  // both try); `merge` does, once every part is done. A part that ran all its
  // members succeeded, so a job array's dependency (Slurm's afterok) fires.
  if (o_.parts > 1 && !o_.merge_only) {
    report.incomplete(0, any_interrupted, folder_);
    return any_interrupted ? 130 : 0;
  }
  if (any_interrupted || StopOnSignal::stop_requested()) {
    scan();
    report.incomplete(missing(), true, folder_);
    return 130;
  }
  return write_file(std::move(prov), report);
}

} // namespace

int run_ensemble(const input::LoadedScenario& loaded, const EnsembleOptions& o, Provenance prov) {
  if (o.parts == 0 || o.part >= o.parts) throw InputError("--part: expected I/N with 0 <= I < N");
  EnsembleRun run(loaded, o);
  return run.run(std::move(prov));
}

} // namespace steelpath::ensemble
