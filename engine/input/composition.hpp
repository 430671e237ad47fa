// Reading a scenario file together with the scenarios it extends
// (`extends: baseline.yaml`, or a list), merged into one document. Paths in
// `extends` are relative to the file that writes them; a file may not extend
// itself, directly or through others.
#pragma once

#include "input/source_node.hpp"

#include <filesystem>
#include <string>

namespace steelpath::input {

/// The merged document of `file` and everything it extends, without the
/// `extends` key. Problems (unreadable files, YAML syntax, cycles) go to
/// `diagnostics`; `texts` receives each file read with its text, top file first.
[[nodiscard]] SourceNode load_composed(const std::filesystem::path& file, Diagnostics& diagnostics,
                                       std::vector<std::pair<std::string, std::string>>* texts = nullptr);

/// Parses YAML text into a SourceNode, reporting syntax errors, an empty
/// document, duplicate keys and alias bombs.
[[nodiscard]] SourceNode parse_document(const std::string& text, const std::string& file,
                                        Diagnostics& diagnostics);

} // namespace steelpath::input
