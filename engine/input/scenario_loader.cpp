#include "input/scenario_loader.hpp"

#include "input/csv_table.hpp"
#include "input/fleet_csv.hpp"
#include "input/scenario_sections.hpp"
#include "model/errors.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace steelpath::input {

namespace fs = std::filesystem;

std::string read_text_file(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw InputError(file.string() + ": error: is a directory, expected a file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file.string() + ": error: cannot open file: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError(file.string() + ": error: cannot read file");
  return ss.str();
}

namespace {

const std::vector<std::string> kTopLevelKeys = {"name",    "description", "years",   "commodities",
                                                "technologies", "regions", "companies", "fleet",
                                                "policies", "finance",     "market"};

YAML::Node parse_yaml(const std::string& text, const std::string& name) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(name + ": error: empty scenario file, expected a YAML mapping with 'years', "
                            "'commodities', 'technologies', 'regions', 'companies' and 'fleet'");
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw InputError(name + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                     ": error: YAML syntax: " + e.msg);
  }
}

void read_fleet_file(YamlReader& in, const YAML::Node& root, const fs::path& base_dir, LoadedScenario& out,
                     Diagnostics& diag) {
  const auto rel = in.string(root, "fleet", "");
  if (!rel) return;
  const fs::path path = base_dir / *rel;
  out.fleet_path = path.string();
  std::string text;
  try {
    text = read_text_file(path);
  } catch (const InputError& e) {
    in.error(root["fleet"], "fleet", std::string("cannot read the fleet CSV: ") + e.what());
    return;
  }
  const CsvTable table = parse_csv(text, path.string(), diag);
  if (table.header.empty()) return;
  out.scenario.units = read_fleet(table, out.scenario, diag);
}

} // namespace

LoadedScenario load_scenario_text(const std::string& text, const std::string& name, const fs::path& base_dir) {
  const YAML::Node root = parse_yaml(text, name);
  Diagnostics diag;
  YamlReader in(name, diag);
  if (!root.IsMap()) {
    in.error(root, "", "expected a YAML mapping at the top level of the scenario");
    diag.throw_if_any();
  }
  in.check_keys(root, "", kTopLevelKeys);

  LoadedScenario out;
  out.path = name;
  out.text = text;
  Scenario& s = out.scenario;
  s.name = in.string(root, "name", "", fs::path(name).stem().string()).value_or("");
  (void)in.string(root, "description", "", "");
  read_years(in, root, s);
  read_commodities(in, root, s);
  read_technologies(in, root, s);
  read_regions(in, root, s);
  read_companies(in, root, s);
  read_policies(in, root, s);
  // Read after the sections it refers to (companies, regions, technologies),
  // and even when they had problems, so one pass reports everything.
  read_fleet_file(in, root, base_dir, out, diag);
  diag.throw_if_any();

  // The readers enforce every rule check_consistency knows, so a problem here
  // is a bug in the input layer; still never run on an inconsistent model.
  const auto problems = check_consistency(s);
  if (!problems.empty()) {
    std::string msg;
    for (const auto& p : problems) msg += name + ": error: " + p + "\n";
    throw InputError(msg);
  }
  return out;
}

LoadedScenario load_scenario(const fs::path& file) {
  const std::string text = read_text_file(file);
  return load_scenario_text(text, file.string(), file.parent_path());
}

} // namespace steelpath::input
