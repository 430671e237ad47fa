#include "input/scenario_loader.hpp"

#include "input/composition.hpp"
#include "input/csv_table.hpp"
#include "input/fleet_csv.hpp"
#include "input/parameter_paths.hpp"
#include "input/scenario_builder.hpp"
#include "input/scenario_validator.hpp"
#include "input/scenario_warnings.hpp"
#include "input/sha256.hpp"
#include "input/yaml_emit.hpp"
#include "model/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace steelpath::input {

namespace fs = std::filesystem;

std::string read_text_file(const fs::path& file, std::uintmax_t max_bytes) {
  // A size cap keeps a wrong path (a device, a huge file) from hanging or
  // exhausting memory; the caps are far above real inputs (input_limits.hpp).
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw InputError(file.string() + ": error: is a folder, expected a file");
  if (fs::exists(file, ec) && !fs::is_regular_file(file, ec))
    throw InputError(file.string() + ": error: not a regular file (a device or pipe?), expected a file");
  const auto too_large = [&] {
    return InputError(file.string() + ": error: larger than " + std::to_string(max_bytes >> 20) +
                      " MiB: expected a file of at most that size (docs/scenarios.md, Limits)");
  };
  if (fs::is_regular_file(file, ec) && fs::file_size(file, ec) > max_bytes) throw too_large();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file.string() + ": error: cannot open file: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError(file.string() + ": error: cannot read file");
  std::string text = std::move(ss).str();
  if (text.size() > max_bytes) throw too_large(); // it grew since its size was read
  return text;
}

namespace {

// Each value is checked as it is given, against the document the earlier
// ones left: a value that a later --set of the same path replaces (as
// `run --samples N` does for ensemble.samples) is refused all the same, so
// run and validate agree on every command line.
void apply_overrides(SourceNode& doc, const std::vector<std::string>& overrides, Diagnostics& diag) {
  for (const auto& o : overrides) {
    std::string path, why;
    SourceNode value;
    if (!parse_assignment(o, path, value, why)) {
      diag.add({"--set", 0, 0, path, why});
      continue;
    }
    if (const auto target = resolve_parameter(doc, path, why)) {
      Diagnostics checked;
      (void)validate_value(value, target->value_spec(), path, collect_facts(doc), target->commodity, checked);
      for (const auto& d : checked.items())
        diag.add(d);
      if (!checked.empty()) continue;
    }
    if (!apply_override(doc, path, value, why)) diag.add({"--set", 0, 0, path, why});
  }
}

// The fleet refers to companies, regions and technologies by id; it is read
// against the ids the document declares, even when other parts have problems,
// so that one pass reports everything.
std::vector<PlantUnit> read_fleet_file(const std::string& path, const Origin& where,
                                       const DocumentFacts& facts, bool companies_from_fleet,
                                       std::vector<std::string>& added, LoadedScenario& out,
                                       Diagnostics& diag) {
  std::string text;
  try {
    text = read_text_file(path, kInputLimits.max_csv_file_bytes);
  } catch (const InputError& e) {
    diag.add({where.file, where.line, where.column, "fleet",
              std::string("cannot read the fleet CSV: ") + e.what()});
    return {};
  }
  out.fleet_path = path;
  out.fleet_sha256 = sha256_hex(text);
  // The leading comment lines say where the data come from and under which
  // licence (GEM's CC BY 4.0 attribution): results files carry them.
  for (std::size_t at = 0; at < text.size() && text[at] == '#';) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    out.fleet_comments += text.substr(at + (at + 1 < end && text[at + 1] == ' ' ? 2 : 1),
                                      end - at - (at + 1 < end && text[at + 1] == ' ' ? 2 : 1));
    out.fleet_comments += '\n';
    at = end + 1;
  }
  Scenario ids;
  auto fill = [&](const char* section, auto& items) {
    const auto it = facts.ids.find(section);
    if (it == facts.ids.end()) return;
    items.resize(it->second.size());
    for (std::size_t i = 0; i < it->second.size(); ++i)
      items[i].id = it->second[i];
  };
  fill("technologies", ids.technologies);
  fill("regions", ids.regions);
  fill("companies", ids.companies);
  const CsvTable table = parse_csv(text, path, diag);
  if (table.header.empty()) return {};
  // With companies_from_fleet, companies the scenario does not declare are
  // taken from the fleet, in id order (not the file's), with default settings.
  if (const auto col = table.column("company"); companies_from_fleet && col) {
    std::unordered_set<std::string> known; // by hash: a fleet of many companies is read in linear time
    for (const auto& c : ids.companies)
      known.insert(c.id);
    const std::size_t first = added.size();
    for (const auto& row : table.rows) {
      const std::string& id = row.fields[*col];
      if (!id.empty() && known.insert(id).second) added.push_back(id);
    }
    std::sort(added.begin() + static_cast<std::ptrdiff_t>(first), added.end());
    for (std::size_t a = first; a < added.size(); ++a) {
      Company c;
      c.id = added[a];
      c.name = added[a];
      ids.companies.push_back(std::move(c));
    }
  }
  return read_fleet(table, ids, diag);
}

// Paths in the resolved text are relative to the top scenario file, so the
// printed scenario runs from where the original lies.
// The text is the same however the scenario's path was spelled (relative,
// with "./", absolute): an ensemble's identity hashes it, and a resume from
// another folder or spelling must recognise its own journals.
void relativize_paths(SourceNode& resolved, const fs::path& top_dir) {
  if (SourceNode* f = resolved.find("fleet"); f && f->is_scalar()) {
    const fs::path dir = fs::absolute(top_dir.empty() ? fs::path(".") : top_dir).lexically_normal();
    const fs::path p = fs::absolute(f->text()).lexically_normal();
    *f = SourceNode::make_scalar(p.lexically_relative(dir).generic_string(), f->origin());
  }
}

} // namespace

LoadedScenario load_scenario(const fs::path& file, const std::vector<std::string>& overrides) {
  LoadedScenario out;
  out.path = file.string();
  Diagnostics diag;
  std::vector<std::pair<std::string, std::string>> texts;
  out.document = load_composed(file, diag, &texts);
  for (const auto& [name, text] : texts)
    out.files.push_back(name);
  if (!texts.empty()) out.text = texts.front().second;
  diag.throw_if_any(); // syntax errors and missing files make the rest meaningless

  apply_overrides(out.document, overrides, diag);
  SourceNode resolved = validate_document(out.document, diag);
  out.ensemble = read_ensemble_spec(out.document, diag);
  std::vector<PlantUnit> units;
  std::vector<std::string> added;
  const SourceNode* from_fleet = resolved.is_map() ? resolved.find("companies_from_fleet") : nullptr;
  const bool companies_from_fleet = from_fleet && from_fleet->text() == "true";
  if (const SourceNode* fleet = resolved.is_map() ? resolved.find("fleet") : nullptr)
    units = read_fleet_file(fleet->text(), fleet->origin(), collect_facts(out.document), companies_from_fleet,
                            added, out, diag);
  diag.throw_if_any();
  if (!added.empty()) {
    // The resolved scenario lists them, so it stands on its own.
    SourceNode* companies = resolved.find("companies");
    if (!companies) companies = &resolved.set("companies", SourceNode::make_map({"(fleet)", 0, 0}));
    for (const auto& id : added) {
      SourceNode c = SourceNode::make_map({"(fleet)", 0, 0});
      c.set("name", SourceNode::make_scalar(id, {"(fleet)", 0, 0}));
      companies->append(id, std::move(c)); // not declared, so not there yet
    }
  }

  if (!resolved.find("name")) { // first, where a written name would stand, so the text reads back the same
    SourceEntry name;
    name.key = "name";
    name.key_origin = Origin{"(default)", 0, 0};
    name.value = SourceNode::make_scalar(file.stem().string(), Origin{"(default)", 0, 0});
    resolved.entries().insert(resolved.entries().begin(), std::move(name));
  }
  // The scrap, electricity and natural gas commodities default to those so named, if declared.
  if (SourceNode* market = resolved.find("market"))
    for (const char* key : {"scrap", "electricity", "natural_gas"}) {
      const std::string field = std::string(key) + "_commodity";
      const SourceNode* commodities = resolved.find("commodities");
      if (!market->find(field) && commodities && commodities->find(key))
        market->set(field, SourceNode::make_scalar(key, {"(default)", 0, 0}));
    }
  out.scenario = build_scenario(resolved);
  // Units in id order, whatever the fleet file's order: nothing a run does
  // then depends on where a unit stood in the file (docs/model.md).
  std::sort(units.begin(), units.end(), [](const PlantUnit& a, const PlantUnit& b) { return a.id < b.id; });
  out.scenario.units = std::move(units);
  out.warnings = scenario_warnings(out.scenario, out.document);
  if (const SourceNode* e = resolved.find("ensemble")) {
    out.ensemble.samples = static_cast<std::size_t>(std::stoll(e->find("samples")->text()));
    out.ensemble.sampling = e->find("sampling")->text();
    out.ensemble.replicates = static_cast<std::size_t>(std::stoll(e->find("replicates")->text()));
    out.ensemble.company_series = e->find("company_series")->text() == "true";
    if (const SourceNode* r = e->find("reference")) {
      out.ensemble.reference = r->text();
      out.ensemble.reference_origin = format_origin(r->origin());
    }
  }
  out.resolved = resolved;
  relativize_paths(resolved, file.parent_path());
  out.resolved_text = emit_yaml(resolved);
  out.resolved_sha256 = sha256_hex(out.resolved_text);

  // The validator enforces every rule check_consistency knows, so a problem
  // here is a bug in the input layer; still never run an inconsistent model.
  const auto problems = check_consistency(out.scenario);
  if (!problems.empty()) {
    std::string msg;
    for (const auto& p : problems)
      msg += out.path + ": error: " + p + "\n";
    throw InputError(msg);
  }
  return out;
}

} // namespace steelpath::input
