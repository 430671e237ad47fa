#include "input/composition.hpp"

#include "input/scenario_loader.hpp"
#include "input/scenario_spec.hpp"
#include "input/text_encoding.hpp"
#include "input/yaml_screen.hpp"
#include "model/errors.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace steelpath::input {

namespace fs = std::filesystem;

SourceNode parse_document(const std::string& text, const std::string& file, Diagnostics& diag) {
  if (!check_utf8(text, file, diag)) return {};
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diag.add({file, 0, 0, "",
              "empty scenario file, expected a YAML mapping with 'years', 'commodities', 'technologies', "
              "'regions', 'companies' and 'fleet' (or 'extends')"});
    return {};
  }
  // The tree is built only from text within the limits: a single document,
  // no alias cycle, no expansion beyond the limits (yaml_screen.hpp).
  if (!screen_yaml(text, file, diag)) return {};
  try {
    return from_yaml(YAML::Load(text), file, diag);
  } catch (const YAML::Exception& e) {
    diag.add({file, e.mark.line + 1, e.mark.column + 1, "", "YAML syntax: " + e.msg});
  }
  return {};
}

namespace {

// Whether the mapping at a dotted path merges key by key under `extends`:
// sections, entries and route inputs do; series, lever lists and
// distributions are replaced whole.
bool merges_at(const std::string& path) {
  const Spec* spec = &scenario_spec();
  std::size_t start = 0;
  while (!path.empty() && start <= path.size()) {
    const auto dot = path.find('.', start);
    const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    switch (spec->kind) {
    case SpecKind::record:
      spec = spec->field(part);
      if (!spec) return false;
      break;
    case SpecKind::map_of:
    case SpecKind::ref_map:
      spec = &spec->entry.front();
      break;
    default:
      return false; // below levers, uncertainties or a series
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  const SpecKind k = spec->kind;
  return k == SpecKind::record || k == SpecKind::map_of || k == SpecKind::ref_map || k == SpecKind::levers ||
         k == SpecKind::uncertainties;
}

struct Composer {
  Diagnostics& diag;
  std::vector<std::pair<std::string, std::string>>* texts;
  std::vector<fs::path> stack; // files being read, to detect cycles

  SourceNode load(const fs::path& file, const Origin& from) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    if (std::find(stack.begin(), stack.end(), canonical) != stack.end()) {
      std::string chain;
      for (const auto& f : stack)
        chain.append(f.filename().string()).append(" -> ");
      diag.add({from.file, from.line, from.column, "extends",
                "circular extends: " + chain + canonical.filename().string()});
      return {};
    }
    std::string text;
    try {
      text = read_text_file(file, kInputLimits.max_yaml_file_bytes);
    } catch (const InputError& e) {
      if (from.file.empty()) throw;
      diag.add({from.file, from.line, from.column, "extends",
                "cannot read the extended scenario '" + file.string() + "': " + e.what()});
      return {};
    }
    if (texts) texts->emplace_back(file.string(), text);
    SourceNode doc = parse_document(text, file.string(), diag);
    if (!doc.is_map()) return doc;
    const SourceNode::Entry* ext = doc.find_entry("extends");
    if (!ext) return doc;
    const SourceNode extends = ext->value;
    doc.erase("extends");
    std::vector<const SourceNode*> bases;
    if (extends.is_scalar())
      bases.push_back(&extends);
    else if (extends.is_sequence())
      for (const auto& item : extends.items())
        bases.push_back(&item);
    SourceNode merged = SourceNode::make_map(doc.origin());
    stack.push_back(canonical);
    for (const SourceNode* b : bases) {
      if (!b->is_scalar()) {
        diag.add({b->origin().file, b->origin().line, b->origin().column, "extends",
                  "expected a scenario file path, found a list or mapping"});
        continue;
      }
      SourceNode base = load(file.parent_path() / b->text(), b->origin());
      if (base.is_map()) merged = merge(std::move(merged), base, merges_at);
    }
    if (!extends.is_scalar() && !extends.is_sequence())
      diag.add({extends.origin().file, extends.origin().line, extends.origin().column, "extends",
                "expected a scenario file path or a list of them"});
    stack.pop_back();
    // A scenario's name is its own: a what-if that does not name itself is
    // called after its file, not after the baseline it extends.
    if (from.file.empty() && !doc.find("name")) merged.erase("name");
    return merge(std::move(merged), doc, merges_at);
  }
};

} // namespace

SourceNode load_composed(const fs::path& file, Diagnostics& diagnostics,
                         std::vector<std::pair<std::string, std::string>>* texts) {
  Composer c{diagnostics, texts, {}};
  return c.load(file, {});
}

} // namespace steelpath::input
