#include "cli/commands.hpp"

#include "cli/summary.hpp"
#include "input/scenario_loader.hpp"
#include "model/errors.hpp"
#include "output/result_writer.hpp"
#include "sim/member_simulation.hpp"
#include "steelpath/version.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>

namespace steelpath::cli {

namespace {

struct RunOptions {
  std::string scenario;
  std::string output;
  bool quiet = false;
};

std::string command_line(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) {
    if (i) s += ' ';
    s += argv[i];
  }
  return s;
}

std::string default_output(const std::string& scenario) {
  return (std::filesystem::path("results") / std::filesystem::path(scenario).stem()).string() + ".h5";
}

int run_command(const RunOptions& o, const std::string& cmdline) {
  Provenance prov;
  prov.started_utc = utc_now();
  const input::LoadedScenario loaded = input::load_scenario(o.scenario);
  const Scenario& s = loaded.scenario;
  const std::string out_path = o.output.empty() ? default_output(o.scenario) : o.output;

  const auto t0 = std::chrono::steady_clock::now();
  const MemberResult result = simulate(s);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  prov.scenario_path = loaded.path;
  prov.scenario_text = loaded.text;
  prov.fleet_path = loaded.fleet_path;
  prov.command_line = cmdline;
  prov.finished_utc = utc_now();
  write_results(out_path, s, result, prov);

  if (!o.quiet) {
    std::cout << "steelpath " << kVersion << ": scenario '" << s.name << "' (" << o.scenario << "), "
              << s.horizon.first_year << "-" << s.horizon.last_year << ", " << s.units.size() << " units, "
              << s.companies.size() << " companies, " << s.regions.size() << " region(s)\n";
    std::cout << "simulated " << result.unit_years << " unit-years in " << seconds * 1e3 << " ms\n";
    std::cout << "results: " << out_path << "\n";
    print_summary(std::cout, s, result);
  }
  return kExitOk;
}

int validate_command(const std::string& scenario) {
  const input::LoadedScenario loaded = input::load_scenario(scenario);
  const Scenario& s = loaded.scenario;
  std::cout << scenario << ": ok (" << s.horizon.first_year << "-" << s.horizon.last_year << ", "
            << s.technologies.size() << " technologies, " << s.regions.size() << " regions, "
            << s.companies.size() << " companies, " << s.units.size() << " units)\n";
  return kExitOk;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"steelpath: scenario simulation of steelmakers adopting low-carbon technologies.\n"
               "Reads a YAML scenario, simulates the fleet year by year, writes results to HDF5."};
  app.set_version_flag("--version", std::string("steelpath ") + kVersion + " (" + kGitCommit + ")");
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 internal or output error, 2 bad input.\n"
             "Docs: README.md, docs/scenarios.md (format), docs/output.md (results), docs/model.md.");

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Simulate a scenario and write its results to an HDF5 file");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file, e.g. scenarios/demo.yaml")->required();
  run_cmd->add_option("-o,--output", run.output,
                      "Results file to write (default: results/<scenario name>.h5). The file appears only "
                      "when complete.");
  run_cmd->add_flag("-q,--quiet", run.quiet, "Print nothing on success");
  run_cmd->footer("Example: steelpath run scenarios/demo.yaml -o results/demo.h5");

  std::string validate_file;
  auto* val_cmd = app.add_subcommand("validate", "Check a scenario and its data files without running it");
  val_cmd->add_option("scenario", validate_file, "Scenario YAML file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitBadInput;
  }

  try {
    if (*run_cmd) return run_command(run, command_line(argc, argv));
    if (*val_cmd) return validate_command(validate_file);
  } catch (const InputError& e) {
    std::cerr << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "steelpath: error: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitFailure;
}

} // namespace steelpath::cli
