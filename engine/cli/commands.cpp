#include "cli/commands.hpp"

#include "cli/file_compare.hpp"
#include "cli/file_info.hpp"
#include "cli/summary.hpp"
#include "ensemble/communicator.hpp"
#include "ensemble/design.hpp"
#include "ensemble/ensemble_runner.hpp"
#include "input/json_schema.hpp"
#include "input/member_scenario.hpp"
#include "input/parameter_paths.hpp"
#include "input/scenario_loader.hpp"
#include "input/spec_reference.hpp"
#include "model/errors.hpp"
#include "output/result_writer.hpp"
#include "sim/finite_check.hpp"
#include "sim/member_simulation.hpp"
#include "steelpath/version.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>

namespace steelpath::cli {

namespace {

struct RunOptions {
  std::string scenario;
  std::string output;
  std::vector<std::string> overrides;
  bool quiet = false;
  bool base = false;                 ///< simulate the base scenario only
  std::optional<std::size_t> member; ///< simulate one ensemble member, full detail
  std::optional<std::size_t> samples, replicates;
  std::optional<std::string> sampling, part;
  std::optional<long long> seed;
  ensemble::EnsembleOptions ensemble;
};

// The ensemble flags are shorthands for --set on the scenario's keys, so the
// run identity (resume) and the file's provenance record them.
std::vector<std::string> all_overrides(const RunOptions& o) {
  std::vector<std::string> v = o.overrides;
  if (o.samples) v.push_back("ensemble.samples=" + std::to_string(*o.samples));
  if (o.replicates) v.push_back("ensemble.replicates=" + std::to_string(*o.replicates));
  if (o.sampling) v.push_back("ensemble.sampling=" + *o.sampling);
  if (o.seed) v.push_back("seed=" + std::to_string(*o.seed));
  return v;
}

// "I/N" -> (I, N).
void parse_part(const std::string& text, ensemble::EnsembleOptions& e) {
  const auto slash = text.find('/');
  auto whole = [](const std::string& s) { // digits only: no sign, no spaces, no trailing text
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
      throw std::invalid_argument(s);
    return static_cast<std::size_t>(std::stoul(s));
  };
  try {
    if (slash == std::string::npos) throw std::invalid_argument("");
    e.part = whole(text.substr(0, slash));
    e.parts = whole(text.substr(slash + 1));
  } catch (const std::exception&) {
    throw InputError("--part " + text + ": expected I/N, e.g. 3/10 (part 3 of 10, counted from 0)");
  }
  if (e.parts == 0 || e.part >= e.parts)
    throw InputError("--part " + text + ": expected I/N with 0 <= I < N, e.g. 0/10 .. 9/10");
}

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

// Never write results over an input.
void check_output_path(const std::string& out_path, const input::LoadedScenario& loaded) {
  std::vector<std::string> inputs = loaded.files;
  inputs.push_back(loaded.fleet_path);
  std::error_code ec;
  for (const auto& in : inputs)
    if (std::filesystem::equivalent(out_path, in, ec))
      throw InputError(out_path + ": error: the results file would overwrite the input " + in);
}

bool is_ensemble(const input::LoadedScenario& loaded) {
  return !loaded.ensemble.empty() || loaded.ensemble.replicates > 1;
}

// Warnings go to stderr once (rank 0 under MPI) and change no exit code.
void print_warnings(const input::LoadedScenario& loaded) {
  if (ensemble::Communicator::world().rank() != 0) return;
  for (const auto& w : loaded.warnings)
    std::cerr << w.format("warning") << "\n";
}

std::string default_output(const std::string& scenario, const std::string& suffix = "") {
  return (std::filesystem::path("results") / std::filesystem::path(scenario).stem()).string() + suffix +
         ".h5";
}

// What reading the sections cannot see: the design's size, `scale` with
// nothing to scale, --set on a number the levers vary. Throws InputError.
void check_ensemble(const input::LoadedScenario& loaded, const std::vector<std::string>& overrides) {
  if (!is_ensemble(loaded)) {
    if (!loaded.ensemble.reference.empty())
      throw InputError(loaded.ensemble.reference_origin +
                       ": error: ensemble.reference: the scenario has no levers or uncertainties, so it runs "
                       "once and there is no lever setting to measure against; remove the key");
    return;
  }
  (void)ensemble::Design(input::ensemble_plan(loaded.ensemble), loaded.scenario.seed);
  const auto problems = input::ensemble_problems(loaded, overrides);
  if (problems.empty()) return;
  std::string msg;
  for (const auto& p : problems)
    msg += loaded.path + ": error: " + p + "\n";
  throw InputError(msg + std::to_string(problems.size()) + (problems.size() == 1 ? " error" : " errors"));
}

Provenance provenance(const input::LoadedScenario& loaded, const std::vector<std::string>& overrides,
                      const std::string& cmdline) {
  Provenance prov;
  prov.scenario_path = loaded.path;
  prov.scenario_source = loaded.text;
  prov.scenario_files = lines(loaded.files);
  prov.scenario_text = loaded.resolved_text;
  prov.scenario_sha256 = loaded.resolved_sha256;
  prov.overrides = lines(overrides);
  prov.fleet_path = loaded.fleet_path;
  prov.fleet_sha256 = loaded.fleet_sha256;
  prov.fleet_source = loaded.fleet_comments;
  prov.seed = static_cast<std::int64_t>(loaded.scenario.seed);
  prov.command_line = cmdline;
  return prov;
}

int run_command(RunOptions o, const std::string& cmdline, bool merge) {
  const std::string started = utc_now();
  const auto overrides = all_overrides(o);
  const input::LoadedScenario loaded = input::load_scenario(o.scenario, overrides);
  print_warnings(loaded);
  // One member or the base never take the ensemble's default file name.
  const std::string suffix = o.member ? "-member-" + std::to_string(*o.member) : o.base ? "-base" : "";
  const std::string out_path = o.output.empty() ? default_output(o.scenario, suffix) : o.output;
  check_output_path(out_path, loaded);
  if (o.part) parse_part(*o.part, o.ensemble);
  check_ensemble(loaded, overrides);
  if (merge || (is_ensemble(loaded) && !o.base && !o.member)) {
    o.ensemble.output = out_path;
    o.ensemble.quiet = o.quiet;
    o.ensemble.merge_only = merge;
    Provenance prov = provenance(loaded, overrides, cmdline);
    prov.started_utc = started;
    return ensemble::run_ensemble(loaded, o.ensemble, prov);
  }
  std::optional<Scenario> member_scenario;
  StreamKey key{loaded.scenario.seed, 0, 0};
  if (o.member) {
    const ensemble::Design design(input::ensemble_plan(loaded.ensemble), loaded.scenario.seed);
    if (*o.member >= design.members())
      throw InputError("--member " + std::to_string(*o.member) + ": the ensemble has " +
                       std::to_string(design.members()) + " members (0 .. " +
                       std::to_string(design.members() - 1) + ")");
    const ensemble::MemberId id = design.member(*o.member);
    member_scenario = input::ScenarioFactory(loaded).make(id.setting, design.sample(id.sample));
    key = design.stream_key(*o.member);
    if (!o.quiet)
      std::cerr << "member " << *o.member << ": " << design.settings()[design.member(*o.member).setting].label
                << ", sample " << design.member(*o.member).sample << ", replicate "
                << design.member(*o.member).replicate << "\n";
  }
  const Scenario& s = member_scenario ? *member_scenario : loaded.scenario;
  Provenance prov = provenance(loaded, overrides, cmdline);
  prov.started_utc = started;
  const auto t0 = std::chrono::steady_clock::now();
  MemberResult result;
  MemberSimulation(s, key).run(result);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  try {
    check_finite(result, s);
  } catch (const NumericError& e) {
    throw NumericError(std::string(e.what()) + "; " + out_path + " not written");
  }
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
  print_warnings(loaded);
  const Scenario& s = loaded.scenario;
  check_ensemble(loaded, o.overrides);
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
  if (is_ensemble(loaded))
    std::cout << "; " << e.axes.size() << " lever axes, " << e.packages.size() << " packages, "
              << e.uncertainties.size() << " uncertainties: an ensemble of "
              << ensemble::Design(input::ensemble_plan(e), s.seed).members() << " members";
  std::cout << ")\n";
  return kExitOk;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"steelpath: scenario simulation of steelmakers adopting low-carbon technologies.\n"
               "Reads a YAML scenario, simulates the fleet year by year, writes results to HDF5."};
  app.set_version_flag("--version", std::string("steelpath ") + kVersion + " (" + kGitCommit + ")");
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 internal or output error, 2 bad input, 3 `merge` found ensemble members\n"
      "still to run, 130 interrupted (rerun the same command to resume).\n"
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
  run_cmd->add_flag("-q,--quiet", run.quiet, "Print nothing on success (and no progress line)");
  auto* ens =
      run_cmd->add_option_group("Ensembles", "A scenario with levers or uncertainties runs as an ensemble");
  ens->add_option("--threads", run.ensemble.threads, "Threads (default: OMP_NUM_THREADS, else all cores)")
      ->check(CLI::Range(1, 4096));
  ens->add_option("--samples", run.samples,
                  "Samples of the uncertainties per lever setting (ensemble.samples)")
      ->check(CLI::Range(1, 1048575));
  ens->add_option("--sampling", run.sampling,
                  "latin_hypercube, monte_carlo, sobol or saltelli (ensemble.sampling)")
      ->check(CLI::IsMember({"latin_hypercube", "monte_carlo", "sobol", "saltelli"}));
  ens->add_option("--replicates", run.replicates, "Runs of the agents' own randomness per sample")
      ->check(CLI::Range(1, 16777215));
  ens->add_option("--seed", run.seed, "Seed of every random draw (the scenario's `seed`)")
      ->check(CLI::Range(0, 2147483647));
  ens->add_flag("--retry-failed", run.ensemble.retry_failed, "Rerun only the members that failed before");
  ens->add_flag("--fresh", run.ensemble.fresh,
                "Discard the unfinished members of an earlier run with another scenario or design");
  ens->add_option("--part", run.part,
                  "I/N: run part I (from 0) of N of the members, e.g. in a Slurm job array; "
                  "`steelpath merge` writes the file when all parts are done");
  ens->add_flag("--base", run.base, "Simulate the base scenario only (levers and uncertainties not applied)");
  ens->add_option("--member", run.member,
                  "Simulate one ensemble member only, with its full detail (the decision log), e.g. to "
                  "look into an outlier (default file: results/<scenario>-member-K.h5)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{2147483646}));
  ens->add_option("--progress-interval", run.ensemble.progress_interval,
                  "Seconds between progress lines when stderr is not a terminal (default 10)")
      ->check(CLI::Range(0.01, 86400.0));
  run_cmd->footer("Examples:\n  steelpath run scenarios/demo.yaml -o results/demo.h5\n"
                  "  steelpath run scenarios/demo-ensemble.yaml --samples 1000 --threads 2\n"
                  "Interrupted ensembles resume: run the same command again.");

  RunOptions merge;
  auto* merge_cmd = app.add_subcommand(
      "merge", "Write an ensemble's results file from the parts run with `run --part I/N` (job arrays)");
  merge_cmd->add_option("scenario", merge.scenario, "The scenario the parts ran")->required();
  merge_cmd->add_option("-o,--output", merge.output, "The results file the parts ran with");
  merge_cmd->add_option("--set", merge.overrides, "The same --set values the parts ran with");
  merge_cmd->add_option("--samples", merge.samples, "The same --samples the parts ran with");
  merge_cmd->add_option("--sampling", merge.sampling, "The same --sampling the parts ran with");
  merge_cmd->add_option("--replicates", merge.replicates, "The same --replicates the parts ran with");
  merge_cmd->add_option("--seed", merge.seed, "The same --seed the parts ran with");
  merge_cmd->add_flag("-q,--quiet", merge.quiet, "Print nothing on success");

  ValidateOptions val;
  auto* val_cmd = app.add_subcommand("validate", "Check a scenario and its data files without running it");
  val_cmd->add_option("scenario", val.scenario, "Scenario YAML file")->required();
  val_cmd->add_option("--set", val.overrides, "Override one parameter: PATH=VALUE (repeatable)");
  val_cmd->add_flag("--print", val.print,
                    "Print the resolved scenario (extends, overrides and defaults applied) as YAML");
  val_cmd->add_flag("--list-paths", val.list_paths, "Print every parameter path of the scenario");

  CompareOptions cmp;
  auto* compare_cmd = app.add_subcommand(
      "compare",
      "Compare the main metrics of two results files, or of two lever settings of one ensemble file");
  compare_cmd->add_option("a", cmp.a, "Results file A")->required();
  compare_cmd->add_option("b", cmp.b, "Results file B (default: A again, with --setting-b)");
  compare_cmd->add_option("--setting-a", cmp.setting_a, "Lever setting of A (ensemble files; default 0)");
  compare_cmd->add_option("--setting-b", cmp.setting_b, "Lever setting of B (default 0, or 1 when B is A)");
  compare_cmd->add_flag("--json", cmp.json, "Print JSON instead of text");

  std::string info_file;
  bool info_json = false;
  auto* info_cmd =
      app.add_subcommand("info", "Summarise a results file: provenance, design, members, metrics");
  info_cmd->add_option("file", info_file, "Results file (.h5) written by steelpath run")->required();
  info_cmd->add_flag("--json", info_json, "Print JSON instead of text (for programs)");

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
    if (*run_cmd) return run_command(run, command_line(argc, argv), false);
    if (*merge_cmd) return run_command(merge, command_line(argc, argv), true);
    if (*compare_cmd) {
      compare_files(std::cout, cmp);
      return kExitOk;
    }
    if (*info_cmd) {
      print_file_info(std::cout, info_file, info_json);
      return kExitOk;
    }
    if (*val_cmd) return validate_command(val);
    if (*schema_cmd) {
      std::cout << (markdown ? input::scenario_reference_markdown() : input::scenario_json_schema());
      return kExitOk;
    }
  } catch (const InputError& e) {
    if (ensemble::Communicator::world().rank() == 0) std::cerr << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    // Under MPI an output error may hit one rank only (its journal): it says
    // so and ends every rank, which would otherwise wait for it forever.
    const auto& world = ensemble::Communicator::world();
    std::cerr << "steelpath: error: "
              << (world.size() > 1 ? "rank " + std::to_string(world.rank()) + ": " : "") << e.what() << "\n";
    if (world.size() > 1) world.abort(kExitFailure);
    return kExitFailure;
  }
  return kExitFailure;
}

} // namespace steelpath::cli
