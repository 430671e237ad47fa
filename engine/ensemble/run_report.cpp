#include "ensemble/run_report.hpp"

#include "ensemble/progress.hpp"
#include "output/hdf5.hpp"

#include <iomanip>
#include <iostream>
#include <sys/resource.h>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace steelpath::ensemble {

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0; // Linux reports KiB
}

namespace {
int threads_in_use(int requested) {
#ifdef _OPENMP
  return requested > 0 ? requested : omp_get_max_threads();
#else
  (void)requested;
  return 1;
#endif
}
} // namespace

RunReport::RunReport(const Design& d, const Communicator& comm, const EnsembleOptions& o, std::size_t already,
                     std::size_t to_run)
    : design_(d), comm_(comm), options_(o) {
  stats_.threads = threads_in_use(o.threads);
  stats_.ranks = comm.size();
  const double total_todo = comm.sum(static_cast<double>(to_run));
  const double total_already = comm.sum(static_cast<double>(already));
  if (comm.rank() != 0 || o.quiet) return;
  std::cerr << "ensemble: " << d.members() << " members = " << d.settings().size() << " lever setting(s) x "
            << d.rows() << " sample(s)";
  if (d.dims() > 0) std::cerr << " (" << to_string(d.sampling()) << " over " << d.dims() << " uncertainties)";
  std::cerr << " x " << d.replicates() << " replicate(s), seed " << d.seed() << "\n";
  if (o.merge_only) return;
  std::cerr << "this run: " << static_cast<std::size_t>(total_todo) << " to simulate";
  if (total_already > 0)
    std::cerr << ", " << static_cast<std::size_t>(total_already) << " already done"
              << (o.retry_failed ? "" : " (resumed)");
  if (o.parts > 1) std::cerr << " in part " << o.part << " of " << o.parts;
  std::cerr << "; " << stats_.threads << " thread(s) x " << stats_.ranks << " rank(s)\n";
}

void RunReport::simulated(std::size_t done, std::size_t failed, double unit_years, double seconds) {
  done_ = done;
  failed_ = failed;
  unit_years_ = unit_years;
  seconds_ = seconds;
}

void RunReport::gather() {
  const double members = comm_.sum(static_cast<double>(done_));
  const double unit_years = comm_.sum(unit_years_);
  const double seconds = comm_.max(seconds_);
  stats_.wall_seconds = seconds;
  stats_.members_run = static_cast<std::size_t>(members);
  stats_.members_per_second = seconds > 0 ? members / seconds : 0.0;
  stats_.unit_years_per_second = seconds > 0 ? unit_years / seconds : 0.0;
  stats_.peak_rss_mib = comm_.max(peak_rss_mib());
}

void RunReport::incomplete(std::size_t missing, bool interrupted, const std::string& folder) const {
  if (options_.quiet && !interrupted && !options_.merge_only) return;
  if (options_.parts > 1 && !options_.merge_only) {
    if (interrupted)
      std::cerr << "interrupted: part " << options_.part << " of " << options_.parts
                << " stopped; its finished members are kept in " << folder
                << ". Run the same command again to resume.\n";
    else
      std::cerr << "part " << options_.part << " of " << options_.parts << " done; its members are in "
                << folder
                << ". When every part has finished, `steelpath merge` (same scenario, options and -o) writes "
                   "the file.\n";
    return;
  }
  std::cerr << (interrupted ? "interrupted: " : "") << missing << " of " << design_.members()
            << " members still to run; finished members are kept in " << folder << ".\n";
  if (options_.merge_only)
    std::cerr << "Run the missing parts (or `steelpath run` without --part) first.\n";
  else
    std::cerr << "Run the same command again to resume.\n";
}

void RunReport::interrupted_writing(const std::string& path, const std::string& folder) const {
  std::cerr << "interrupted while writing " << path << ": no file was written; every member is kept in "
            << folder << ". Run the same command again to write the file.\n";
}

void RunReport::finished(const std::string& path) const {
  if (options_.quiet) return;
  const auto& s = stats_;
  if (s.members_run > 0)
    std::cerr << "simulated " << s.members_run << " members in " << format_duration(s.wall_seconds) << ": "
              << std::setprecision(4) << s.members_per_second << " members/s, "
              << s.unit_years_per_second / 1e6 << " M unit-years/s\n";
  std::cerr << "peak memory " << std::setprecision(3) << peak_rss_mib()
            << " MiB (this process, file written)\n";
  h5::Handle f = h5::open_file(path);
  const auto labels = h5::read_strings(f, "lever_setting_label");
  h5::Handle g(h5::check(H5Gopen2(f, "statistics", H5P_DEFAULT), "open statistics"), H5Gclose);
  const auto cum = h5::read_doubles(g, "cumulative_emissions_quantiles"); // [setting][5]
  const auto done = h5::read_doubles(g, "members_done");
  std::cout << "results: " << path << "\n";
  std::cout << "cumulative direct CO2 over the horizon, Mt CO2 (median [5 %, 95 %]) per lever setting:\n";
  const std::size_t shown = std::min<std::size_t>(labels.size(), 24);
  for (std::size_t i = 0; i < shown; ++i)
    std::cout << "  " << std::fixed << std::setprecision(1) << std::setw(9) << cum[i * 5 + 2] << " ["
              << cum[i * 5] << ", " << cum[i * 5 + 4] << "]  " << labels[i] << " (" << std::setprecision(0)
              << done[i] << " members)\n"
              << std::defaultfloat;
  if (shown < labels.size()) std::cout << "  ... " << labels.size() - shown << " more settings in the file\n";
}

} // namespace steelpath::ensemble
