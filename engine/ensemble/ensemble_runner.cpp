#include "ensemble/ensemble_runner.hpp"

#include "ensemble/communicator.hpp"
#include "ensemble/design.hpp"
#include "ensemble/design_table.hpp"
#include "ensemble/member_task.hpp"
#include "ensemble/progress.hpp"
#include "ensemble/run_report.hpp"
#include "input/member_scenario.hpp"
#include "input/sha256.hpp"
#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/ensemble_writer.hpp"
#include "output/member_sources.hpp"
#include "steelpath/version.hpp"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <iostream>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace steelpath::ensemble {

namespace fs = std::filesystem;

namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_signal(int) {
  g_stop = 1;
}

// Ctrl-C and a cluster's SIGTERM stop the run between members: every member
// already appended stays in the journal; the rerun resumes.
class StopOnSignal {
public:
  StopOnSignal() {
    g_stop = 0;
    old_int_ = std::signal(SIGINT, on_signal);
    old_term_ = std::signal(SIGTERM, on_signal);
  }
  ~StopOnSignal() {
    std::signal(SIGINT, old_int_);
    std::signal(SIGTERM, old_term_);
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

private:
  void (*old_int_)(int);
  void (*old_term_)(int);
};

std::string parts_folder(const std::string& output) {
  return output + ".parts";
}

std::string journal_path(const std::string& output, std::size_t worker) {
  char name[32];
  std::snprintf(name, sizeof name, "part-%05zu.journal", worker);
  return (fs::path(parts_folder(output)) / name).string();
}

// Adds what to do about a foreign journal to its message.
[[noreturn]] void foreign_journal(const OutputError& e, const std::string& output) {
  throw OutputError(std::string(e.what()) + "\nThe folder " + parts_folder(output) +
                    " holds the unfinished members of an earlier run with another scenario, seed or design. "
                    "Rerun with --fresh to discard them, or write to another file with -o.");
}

} // namespace

// The program's version and commit are part of it: members simulated by
// another build of the model must not be mixed into one ensemble.
std::string run_identity(const input::LoadedScenario& loaded) {
  return input::sha256_hex(loaded.resolved_text + "\nfleet " + loaded.fleet_sha256 + "\nschema " +
                           std::to_string(schema::kSchemaVersion) + "\njournal " +
                           std::to_string(kJournalFormatVersion) + "\nsteelpath " + kVersion + " " + kGitCommit +
                           "\n");
}

int run_ensemble(const input::LoadedScenario& loaded, const EnsembleOptions& o, Provenance prov) {
  const Communicator& comm = Communicator::world();
  const bool lead = comm.rank() == 0;
  const Design design(loaded.ensemble, loaded.scenario.seed);
  const std::string identity = run_identity(loaded);
  const std::size_t n = design.members();
  const std::string folder = parts_folder(o.output);
  if (o.parts == 0 || o.part >= o.parts) throw InputError("--part: expected I/N with 0 <= I < N");

  // What an earlier run left: a finished file of this run, or journals.
  bool have_final = false;
  if (lead) {
    std::string previous;
    try {
      previous = ensemble_identity(o.output);
    } catch (const OutputError&) {
      previous = "(unreadable)";
    }
    have_final = previous == identity;
    if (!previous.empty() && !have_final && !o.quiet)
      std::cerr << "note: " << o.output
                << " exists from another run; it will be replaced when this run is done\n";
    if (o.fresh) fs::remove_all(folder);
  }
  have_final = comm.broadcast(have_final ? 1 : 0) != 0;
  if (have_final && !o.retry_failed) {
    if (lead && !o.quiet)
      std::cerr << o.output << " is complete (" << n << " members); nothing to do. --retry-failed reruns "
                << "failed members; -o writes another file.\n";
    return 0;
  }
  comm.barrier();

  std::unique_ptr<JournalSource> journals;
  std::unique_ptr<ResultsFileSource> earlier;
  bool first_scan = true;
  auto scan = [&] {
    try {
      journals = std::make_unique<JournalSource>(folder, identity, n);
    } catch (const OutputError& e) {
      foreign_journal(e, o.output);
    }
    if (have_final && !earlier)
      earlier = std::make_unique<ResultsFileSource>(o.output, n, design.spec().company_series);
    // Failures recorded before this run are run again; this run's own stay.
    if (o.retry_failed && first_scan) journals->forget_failures();
    first_scan = false;
  };
  scan();
  auto member_status = [&](std::size_t m) {
    if (const int j = journals->status(m); j != 0) return j;
    if (!earlier) return 0;
    const int e = earlier->status(m);
    return e == schema::kMemberDone || !o.retry_failed ? e : 0;
  };

  // This worker's share: members not yet done, dealt out cyclically.
  const std::size_t workers = o.parts * static_cast<std::size_t>(comm.size());
  const std::size_t worker =
      o.part * static_cast<std::size_t>(comm.size()) + static_cast<std::size_t>(comm.rank());
  std::vector<std::size_t> todo;
  std::size_t already = 0;
  if (!o.merge_only)
    for (std::size_t m = worker; m < n; m += workers) {
      if (member_status(m) != 0) {
        ++already;
        continue;
      }
      todo.push_back(m);
    }

  RunReport report(design, comm, o, already, todo.size());
  bool interrupted = false;
  if (!todo.empty()) {
    const input::ScenarioFactory factory(loaded);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw OutputError(folder + ": cannot create the folder for the journals: " + ec.message());
    JournalWriter journal(journal_path(o.output, worker), identity);
    if (journal.torn_bytes() > 0 && !o.quiet)
      std::cerr << "note: " << journal.path() << ": dropped an incomplete record (" << journal.torn_bytes()
                << " bytes) left by an interrupted run\n";
    Progress progress(todo.size(), Progress::detect(o.quiet),
                      comm.size() > 1 ? "rank " + std::to_string(comm.rank()) + ": " : "",
                      o.progress_interval);
    StopOnSignal stop_on_signal;
#ifdef _OPENMP
    if (o.threads > 0) omp_set_num_threads(o.threads);
#endif
    std::atomic<double> unit_years{0.0};
    std::exception_ptr write_error; // set once, under the critical section
    std::atomic<bool> write_failed{false};
#pragma omp parallel
    {
      MemberResult result; // each thread's working memory, reused
#pragma omp for schedule(dynamic, 1)
      for (std::size_t i = 0; i < todo.size(); ++i) {
        if (g_stop || write_failed.load(std::memory_order_relaxed)) continue;
        const MemberOutcome out = run_member(design, factory, todo[i], result);
        try {
          journal.append(todo[i], out.failed ? kRecordFailed : kRecordDone, out.payload);
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
    interrupted =
        g_stop != 0 && progress.done() < todo.size(); // a signal after the last member stops nothing
    report.simulated(progress.done(), progress.failed(), unit_years.load(), progress.seconds());
  }
  comm.barrier();
  const bool any_interrupted = comm.max(interrupted ? 1.0 : 0.0) > 0;
  report.gather();

  if (!lead) return any_interrupted ? 130 : 0;
  if (!todo.empty() || comm.size() > 1) scan(); // every worker's journal, now that all are written
  std::vector<MemberSource*> sources{journals.get()};
  if (earlier) sources.push_back(earlier.get());
  CombinedSource all(sources);
  std::size_t missing = 0;
  for (std::size_t m = 0; m < n; ++m)
    if (all.status(m) == 0) ++missing;
  // Job-array parts never write the file: two parts finishing together would
  // both write it. `merge` does, once every part is done.
  if (missing > 0 || (o.parts > 1 && !o.merge_only)) {
    report.incomplete(missing, any_interrupted, folder);
    if (any_interrupted) return 130;
    // A part that ran all its members succeeded (a job array's dependency on
    // it, e.g. Slurm's afterok, must fire); a merge that finds members
    // missing did not.
    return o.parts > 1 && !o.merge_only ? 0 : 3;
  }
  prov.finished_utc = utc_now();
  write_ensemble(o.output, loaded.scenario, design_table(design), all, prov, report.statistics(), identity);
  earlier.reset();
  journals.reset();
  std::error_code ec;
  fs::remove_all(folder, ec); // the file holds everything now
  report.finished(o.output);
  return 0;
}

} // namespace steelpath::ensemble
