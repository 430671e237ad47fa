#include "cli/commands.hpp"

#include "cli/summary.hpp"
#include "input/json_schema.hpp"
#include "input/parameter_paths.hpp"
#include "input/scenario_loader.hpp"
#include "input/spec_reference.hpp"
#include "model/errors.hpp"
#include "output/result_writer.hpp"
#include "sim/member_simulation.hpp"
#include "steelpath/version.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>

namespace steelpath::cli {

namespace {

struct RunOptions {
  std::string scenario;
  std::string output;
  std::vector<std::string> overrides;
  bool quiet = false;
};

struct ValidateOptions {
  std::string scenario;
  std::vector<std::string> overrides;
  bool print = false;
  bool list_paths = false;
};

std::string lines(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items)
    s.append(i).append("\n");
  return s;
}

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
  const input::LoadedScenario loaded = input::load_scenario(o.scenario, o.overrides);
  const Scenario& s = loaded.scenario;
  const std::string out_path = o.output.empty() ? default_output(o.scenario) : o.output;
  // Never write results over an input.
  std::vector<std::string> inputs = loaded.files;
  inputs.push_back(loaded.fleet_path);
  std::error_code ec;
  for (const auto& in : inputs)
    if (std::filesystem::equivalent(out_path, in, ec))
      throw InputError(out_path + ": error: the results file would overwrite the input " + in);

  if (!loaded.ensemble.empty() && !o.quiet)
    std::cerr << "note: the scenario's levers and uncertainties were checked; running them as an ensemble "
                 "comes with the ensemble layer. This run simulates the base scenario.\n";
  const auto t0 = std::chrono::steady_clock::now();
  const MemberResult result = simulate(s);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  prov.scenario_path = loaded.path;
  prov.scenario_source = loaded.text;
  prov.scenario_files = lines(loaded.files);
  prov.scenario_text = loaded.resolved_text;
  prov.scenario_sha256 = loaded.resolved_sha256;
  prov.overrides = lines(o.overrides);
  prov.fleet_path = loaded.fleet_path;
  prov.fleet_sha256 = loaded.fleet_sha256;
  prov.command_line = cmdline;
  prov.finished_utc = utc_now();
  write_results(out_path, s, result, prov);

  if (!o.quiet) {
    std::cout << "steelpath " << kVersion << ": scenario '" << s.name << "' (" << o.scenario << "), "
              << s.horizon.first_year << "-" << s.horizon.last_year << ", " << s.units.size() << " units, "
              << s.companies.size() << " companies, " << s.regions.size() << " region(s)\n";
    std::cout << "simulated " << result.unit_years << " unit-years in " << std::setprecision(2) << std::fixed
              << seconds * 1e3 << " ms\n"
              << std::defaultfloat;
    std::cout << "results: " << out_path << "\n";
    print_summary(std::cout, s, result);
  }
  return kExitOk;
}

int validate_command(const ValidateOptions& o) {
  const input::LoadedScenario loaded = input::load_scenario(o.scenario, o.overrides);
  const Scenario& s = loaded.scenario;
  if (o.print) {
    std::cout << "# resolved scenario, sha256 " << loaded.resolved_sha256 << "\n" << loaded.resolved_text;
    return kExitOk;
  }
  if (o.list_paths) {
    for (const auto& p : input::parameter_paths(loaded.document))
      std::cout << p << "\n";
    return kExitOk;
  }
  std::cout << o.scenario << ": ok (" << s.horizon.first_year << "-" << s.horizon.last_year << ", "
            << s.technologies.size() << " technologies, " << s.regions.size() << " regions, "
            << s.companies.size() << " companies, " << s.units.size() << " units";
  const auto& e = loaded.ensemble;
  if (!e.empty())
    std::cout << "; " << e.axes.size() << " lever axes, " << e.packages.size() << " packages, "
              << e.uncertainties.size() << " uncertainties";
  std::cout << ")\n";
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
                      "Results file to write (default: results/<scenario file name>.h5, relative to the "
                      "current folder). The file appears only when complete.");
  run_cmd->add_option("--set", run.overrides,
                      "Override one parameter: PATH=VALUE, e.g. policies.carbon_price.2035=100 (repeatable; "
                      "`steelpath validate S.yaml --list-paths` lists the paths)");
  run_cmd->add_flag("-q,--quiet", run.quiet, "Print nothing on success");
  run_cmd->footer("Example: steelpath run scenarios/demo.yaml -o results/demo.h5");

  ValidateOptions val;
  auto* val_cmd = app.add_subcommand("validate", "Check a scenario and its data files without running it");
  val_cmd->add_option("scenario", val.scenario, "Scenario YAML file")->required();
  val_cmd->add_option("--set", val.overrides, "Override one parameter: PATH=VALUE (repeatable)");
  val_cmd->add_flag("--print", val.print,
                    "Print the resolved scenario (extends, overrides and defaults applied) as YAML");
  val_cmd->add_flag("--list-paths", val.list_paths, "Print every parameter path of the scenario");

  bool markdown = false;
  auto* schema_cmd = app.add_subcommand(
      "schema", "Print the JSON Schema of the scenario format (for editors' YAML language servers)");
  schema_cmd->add_flag("--markdown", markdown,
                       "Print the reference table of every key instead (docs/scenarios.md)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitBadInput;
  }

  try {
    if (*run_cmd) return run_command(run, command_line(argc, argv));
    if (*val_cmd) return validate_command(val);
    if (*schema_cmd) {
      std::cout << (markdown ? input::scenario_reference_markdown() : input::scenario_json_schema());
      return kExitOk;
    }
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
