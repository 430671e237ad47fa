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

int run_ensemble(const input::LoadedScenario& loaded, const EnsembleOptions& o, Provenance prov) {
  const Communicator& comm = Communicator::world();
  const bool lead = comm.rank() == 0;
  if (o.parts == 0 || o.part >= o.parts) throw InputError("--part: expected I/N with 0 <= I < N");
  const Design design(input::ensemble_plan(loaded.ensemble), loaded.scenario.seed);
  const std::string identity = run_identity(loaded);
  const std::size_t n = design.members();
  const std::string folder = parts_folder(o.output);
  const StopOnSignal stop_on_signal; // until the end: a signal never kills a rank mid-barrier or mid-write
  const std::vector<TargetCheck> targets = company_targets(loaded.scenario);

  // What an earlier run left: a finished file of this run, and/or journals.
  bool have_final = false, pending = false;
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
    pending = has_journals(folder);
  }
  have_final = comm.broadcast(have_final ? 1 : 0) != 0;
  pending = comm.broadcast(pending ? 1 : 0) != 0;
  // A complete file with no journals beside it: done, unless failures are to
  // be rerun. Journals beside it (a --retry-failed run interrupted, or run in
  // parts) are merged into it.
  if (have_final && !pending && !o.retry_failed) {
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
      journal_problem(e, o.output);
    }
    if (have_final && !earlier)
      earlier = std::make_unique<ResultsFileSource>(o.output, n, design.plan().company_series);
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

  // --retry-failed on a complete file without failures: nothing to rewrite.
  if (have_final && !pending && comm.sum(static_cast<double>(todo.size())) == 0) {
    if (lead && !o.quiet) std::cerr << o.output << " is complete and has no failed members; nothing to do.\n";
    return 0;
  }
  RunReport report(design, comm, o, already, todo.size());
  bool interrupted = false;
  if (!todo.empty() && !StopOnSignal::stop_requested()) {
    const input::ScenarioFactory factory(loaded);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw OutputError(folder + ": cannot create the folder for the journals: " + ec.message());
    JournalWriter journal(journal_path(o.output, worker, workers), identity);
    if (journal.torn_bytes() > 0 && !o.quiet)
      std::cerr << "note: " << journal.path() << ": dropped an incomplete record (" << journal.torn_bytes()
                << " bytes) left by an interrupted run\n";
    Progress progress(todo.size(), Progress::detect(o.quiet),
                      comm.size() > 1 ? "rank " + std::to_string(comm.rank()) + ": " : "",
                      o.progress_interval);
#ifdef _OPENMP
    if (o.threads > 0) omp_set_num_threads(o.threads);
#endif
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
        const MemberOutcome out = run_member(design, factory, todo[i], result, targets);
        try {
          journal.append(todo[i], out.failed ? kRecordFailed : kRecordDone, out.payload);
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
    // A signal after the last member stops nothing.
    interrupted = StopOnSignal::stop_requested() && progress.done() < todo.size();
    report.simulated(progress.done(), progress.failed(), unit_years.load(), progress.seconds());
  } else if (!todo.empty()) {
    interrupted = true;
  }
  comm.barrier();
  const bool any_interrupted = comm.max(interrupted ? 1.0 : 0.0) > 0;
  report.gather();

  if (!lead) return any_interrupted ? 130 : 0;
  // Job-array parts never write the file (two parts finishing together would
  // both try); `merge` does, once every part is done. A part that ran all its
  // members succeeded, so a job array's dependency (Slurm's afterok) fires.
  if (o.parts > 1 && !o.merge_only) {
    report.incomplete(0, any_interrupted, folder);
    return any_interrupted ? 130 : 0;
  }
  if (any_interrupted || StopOnSignal::stop_requested()) {
    scan();
    std::size_t missing = 0;
    for (std::size_t m = 0; m < n; ++m)
      if (member_status(m) == 0) ++missing;
    report.incomplete(missing, true, folder);
    return 130;
  }
  // One writer at a time: another process finishing the same run (a second
  // merge, a rerun) is refused rather than let write the same file.
  std::error_code ec;
  fs::create_directories(folder, ec);
  const FolderLock lock(folder);
  scan(); // every worker's journal, now that all are written
  std::vector<MemberSource*> sources{journals.get()};
  if (earlier) sources.push_back(earlier.get());
  CombinedSource all(sources);
  std::size_t missing = 0;
  for (std::size_t m = 0; m < n; ++m)
    if (all.status(m) == 0) ++missing;
  if (missing > 0) {
    report.incomplete(missing, false, folder);
    return 3;
  }
  prov.finished_utc = utc_now();
  auto table = design_table(design, targets);
  for (const auto& t : targets)
    table.target_companies.push_back(loaded.scenario.companies[t.company].id);
  write_ensemble(o.output, loaded.scenario, table, all, prov, report.statistics(), identity);
  earlier.reset();
  journals.reset();
  fs::remove_all(folder, ec); // the file holds everything now
  report.finished(o.output);
  return 0;
}

} // namespace steelpath::ensemble
