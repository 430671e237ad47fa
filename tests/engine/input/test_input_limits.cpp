// Hostile YAML (issue 16): alias cycles, a stray ',' at the top level, alias
// expansion beyond the limits, deep nesting, long strings and control
// characters are each refused at once with file, line, column and key path,
// never by a crash, a hang or gigabytes of memory. The counts are worked out
// by hand against small limits; the real limits are checked on real inputs.
// CTest gives each test a timeout (tests/CMakeLists.txt), so a hang fails.
#include "input/composition.hpp"
#include "input/yaml_screen.hpp"

#include "../../support/mini_scenario.hpp"

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>

using namespace steelpath;
using namespace steelpath::input;

namespace {

// The first problem of screening `text` as "t.yaml", formatted, or "".
std::string screened(const std::string& text, const InputLimits& limits = kInputLimits) {
  Diagnostics d;
  const bool ok = screen_yaml(text, "t.yaml", d, limits);
  CHECK(ok == d.empty());
  return d.empty() ? "" : d.items().front().format();
}

// The real limits with one of them set to `n`.
InputLimits with(std::size_t InputLimits::*limit, std::size_t n) {
  InputLimits l;
  l.*limit = n;
  return l;
}
constexpr auto nodes = &InputLimits::max_nodes;
constexpr auto bytes = &InputLimits::max_expanded_bytes;
constexpr auto depth = &InputLimits::max_depth;
constexpr auto length = &InputLimits::max_string_bytes;

} // namespace

TEST_CASE("the screen counts values, bytes and depth as worked out by hand", "[input][limits]") {
  // map(1) a(1) seq(1) 1(1) 22(1) b(1) x(1) = 7 values and keys; text a,1,22,b,x = 6 bytes;
  // the map is depth 1, the sequence 2, its items 3.
  const std::string text = "a: [1, 22]\nb: x\n";
  CHECK(screened(text, with(nodes, 7)).empty());
  CHECK(screened(text, with(nodes, 6)) ==
        "t.yaml:2:4: error: b: more than 6 values and keys once aliases are "
        "expanded: expected a smaller document (docs/scenarios.md, Limits)");
  CHECK(screened(text, with(bytes, 6)).empty());
  CHECK(screened(text, with(bytes, 5)).rfind("t.yaml:2:4: error: b: more than 5 bytes of text", 0) == 0);
  CHECK(screened(text, with(depth, 3)).empty());
  CHECK(screened(text, with(depth, 2)) ==
        "t.yaml:1:5: error: a[0]: nesting 3 levels deep (aliases expanded): "
        "expected at most 2 (docs/scenarios.md, Limits)");
  CHECK(screened(text, with(length, 2)).empty());
  CHECK(screened(text, with(length, 1)).rfind("t.yaml:1:8: error: a[1]: a value of 2 bytes", 0) == 0);
}

TEST_CASE("an alias counts as the value it names, expanded", "[input][limits]") {
  // &x [1, 2] is 3 values of 2 bytes and 2 levels. Before b's list: map, a, seq, 1, 2, b = 6 values,
  // a, 1, 2, b = 4 bytes; then the list (7), *x (10, 6 bytes), *x (13, 8 bytes). Each *x sits in
  // b's list at depth 2, so its items reach depth 2 + 2 = 4.
  const std::string text = "a: &x [1, 2]\nb: [*x, *x]\n";
  CHECK(screened(text, with(nodes, 13)).empty());
  CHECK(screened(text, with(nodes, 12)).rfind("t.yaml:2:9: error: b[1]: more than 12 values", 0) == 0);
  CHECK(screened(text, with(bytes, 8)).empty());
  CHECK(screened(text, with(bytes, 7)).rfind("t.yaml:2:9: error: b[1]: more than", 0) == 0);
  CHECK(screened(text, with(depth, 4)).empty());
  CHECK(screened(text, with(depth, 3)).rfind("t.yaml:2:5: error: b[0]: nesting 4 levels deep", 0) == 0);
}

TEST_CASE("an alias inside the value it names is refused, not followed", "[input][limits]") {
  // The 11 bytes of issue 16 (a segmentation fault before: the converter recursed without end).
  CHECK(screened("a: &A [*A]\n") ==
        "t.yaml:1:8: error: a[0]: the alias *A is inside the value &A names, so "
        "the document never ends; expected an alias to a value written before it");
  CHECK(screened("a: &A {b: [c, *A]}\n").rfind("t.yaml:1:15: error: a.b[1]: the alias *A is inside", 0) == 0);
  CHECK(screened("&top {a: *top}\n").rfind("t.yaml:1:10: error: a: the alias *top", 0) == 0);
  // An anchor names its value from where it is written, so &A [*A] is a cycle even when an
  // earlier value was called A too; aliases to finished values are fine.
  CHECK(screened("a: &A [1]\nb: &A [*A]\n").rfind("t.yaml:2:8: error: b[0]: the alias *A is inside", 0) == 0);
  CHECK(screened("a: &A [1]\nb: &B [*A]\nc: [*B, *A]\nd: &A [2]\ne: *A\n").empty());
}

TEST_CASE("the tree converter stops a cyclic tree by depth, whatever built it", "[input][limits]") {
  // parse_document screens first; from_yaml still never recurses without end.
  for (const char* text : {"&A [*A]", "&A [*A, *A]", "&A {k: *A}"}) {
    INFO(text);
    Diagnostics d;
    (void)from_yaml(YAML::Load(text), "t.yaml", d);
    REQUIRE(d.size() == 1);
    CHECK(d.items()[0].format().find("error: document too large: nesting deeper than 64 levels") !=
          std::string::npos);
  }
}

TEST_CASE("a ',' outside a flow collection is refused with its line, never read forever", "[input][limits]") {
  // yaml-cpp's LoadAll appended an empty document for it, again and again, without end.
  CHECK(screened(",") == "t.yaml:1:1: error: unexpected ',' at the top level: a comma separates items only "
                         "inside [...] or {...}");
  CHECK(screened(",\n,\n").rfind("t.yaml:1:1: error: unexpected ','", 0) == 0);
  CHECK(screened("[a]\n, b\n").rfind("t.yaml:2:1: error: unexpected ','", 0) == 0);
  CHECK(screened("- a\n, b\n").rfind("t.yaml:2:1: error: unexpected ','", 0) == 0);
  CHECK(screened("a: 1\n...\n, b\n").rfind("t.yaml:3:1: error: unexpected ','", 0) == 0);
  CHECK(screened("\xEF\xBB\xBF,").rfind("t.yaml:1:1: error: unexpected ','", 0) ==
        0); // after a byte-order mark
  CHECK(screened("a: 1\n---\nb: 2\n") ==
        "t.yaml:2:1: error: a second YAML document (after '---'): one scenario per file");
  CHECK(screened("a: [1, , 2]\n").empty()); // inside [...] an empty item is yaml-cpp's null, as before
}

TEST_CASE("nesting deeper than the limit is refused at the level that crosses it", "[input][limits]") {
  const std::size_t deep = kInputLimits.max_depth;
  // The top-level mapping is depth 1, so "a: " + n brackets puts the last list at depth n + 1.
  const auto nested = [](std::size_t n) { return "a: " + std::string(n, '[') + std::string(n, ']') + "\n"; };
  CHECK(screened(nested(deep - 1)).empty());
  CHECK(screened(nested(deep)).rfind("t.yaml:1:" + std::to_string(deep + 3) + ": error: a", 0) == 0);
  // 100,000 levels: beyond yaml-cpp's own guard (2,000) and any stack; refused at level 65.
  CHECK(screened(nested(100'000)).find("nesting 65 levels deep") != std::string::npos);
  // Depth made by aliases of aliases: each level wraps the previous one in a list.
  std::string chain = "l0: &l0 [x]\n";
  for (int i = 1; i < 70; ++i)
    chain.append("l")
        .append(std::to_string(i))
        .append(": &l")
        .append(std::to_string(i))
        .append(" [*l")
        .append(std::to_string(i - 1))
        .append("]\n");
  CHECK(screened(chain).find("nesting 65 levels deep (aliases expanded)") != std::string::npos);
}

TEST_CASE("alias bombs are refused by values or by bytes, before any expansion", "[input][limits]") {
  // Ten levels of ten aliases each: 10^10 values if expanded.
  std::string bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string prev = std::string("*l").append(std::to_string(i - 1));
    bomb.append("l").append(std::to_string(i)).append(": &l").append(std::to_string(i)).append(" [");
    for (int k = 0; k < 10; ++k)
      bomb += (k ? ", " : "") + prev;
    bomb += "]\n";
  }
  CHECK(screened(bomb).find("more than 100000 values and keys once aliases are expanded") !=
        std::string::npos);
  // Issue 16's bomb: a 100 kB scalar repeated 10^5 times (10 GB). The scalar alone is over the
  // string limit; one of 60 kB (within it) is stopped by bytes: after s and l (60,002 bytes),
  // copy k of l's list brings 60,000 more, and (16,777,216 - 60,002) / 60,000 = 278.6, so l[278].
  const auto amplified = [](std::size_t scalar) {
    std::string t = "s: &s " + std::string(scalar, 'y') + "\nl: &l [";
    for (int k = 0; k < 300; ++k)
      t += k ? ", *s" : "*s";
    t += "]\nm: [";
    for (int k = 0; k < 334; ++k)
      t += k ? ", *l" : "*l";
    return t + "]\n";
  };
  CHECK(screened(amplified(100'000)) ==
        "t.yaml:1:4: error: s: a value of 100000 bytes: expected at most 64 KiB (docs/scenarios.md, Limits)");
  CHECK(screened(amplified(60'000))
            .find("t.yaml:2:1120: error: l[278]: more than 16 MiB of text once aliases are expanded") !=
        std::string::npos);
}

TEST_CASE("long keys and control characters in YAML text are refused with their place", "[input][limits]") {
  // (An explicit key: yaml-cpp takes at most 1,024 characters as an implicit one.)
  CHECK(screened("a:\n  ? " + std::string(70'000, 'k') + "\n  : 1\n")
            .rfind("t.yaml:2:5: error: a: a key of 70000 bytes: expected at most 64 KiB", 0) == 0);
  CHECK(screened("companies:\n  \"c\\0d\": {}\n") ==
        "t.yaml:2:3: error: companies: a key with a control character (byte 0x00): 'c?d'; expected text");
  CHECK(
      screened(std::string("name: a\0b\n", 10)).rfind("t.yaml:1:7: error: name: a value with a control", 0) ==
      0);
  CHECK(screened("text: \"tab\\tand\\nnewline\"\n").empty()); // tabs and line ends are text
}

TEST_CASE("the loader and --set report the hostile inputs of issue 16 with their place", "[input][limits]") {
  CHECK(test::load_error("a: &A [*A]\n").rfind("s.yaml:1:8: error: a[0]: the alias *A is inside", 0) == 0);
  CHECK(test::load_error(",").rfind("s.yaml:1:1: error: unexpected ','", 0) == 0);
  const std::string ok = test::join_lines(test::mini_lines());
  CHECK(test::load_error(",\n" + ok).rfind("s.yaml:1:1: error: unexpected ','", 0) == 0);
  // After a block mapping yaml-cpp already stops at the ',' (a syntax error, with its line).
  CHECK(test::load_error(ok + ", more: 1\n")
            .rfind("s.yaml:25:1: error: YAML syntax: end of map not found", 0) == 0);
  CHECK(test::load_error(ok, test::kMiniFleet, {}, {"policies.carbon_price=&a [*a]"}) ==
        "--set: error: policies.carbon_price: cannot read the value of 'policies.carbon_price': the alias *a "
        "is "
        "inside the value &a names, so the document never ends; expected an alias to a value written before "
        "it\n"
        "1 error");
  CHECK(test::load_error(ok, test::kMiniFleet, {}, {"policies.carbon_price=,"})
            .find("--set: error: policies.carbon_price: cannot read the value of 'policies.carbon_price': "
                  "unexpected ','") == 0);
}

TEST_CASE("a scenario or fleet file over its size limit is refused before it is read", "[input][limits]") {
  test::TempDir dir;
  // Sparse files: the size is refused from the directory entry, nothing is read.
  const auto big = dir.write("big.yaml", "");
  std::filesystem::resize_file(big, kInputLimits.max_yaml_file_bytes + 1);
  CHECK_THROWS_WITH(load_scenario(big),
                    Catch::Contains("big.yaml: error: larger than 16 MiB: expected a file "
                                    "of at most that size (docs/scenarios.md, Limits)"));
  dir.write("fleet.csv", "");
  std::filesystem::resize_file(dir.path() / "fleet.csv", kInputLimits.max_csv_file_bytes + 1);
  const auto s = dir.write("s.yaml", test::join_lines(test::mini_lines()));
  CHECK_THROWS_WITH(load_scenario(s),
                    Catch::Contains("s.yaml:23:8: error: fleet: cannot read the fleet CSV: ") &&
                        Catch::Contains("fleet.csv: error: larger than 64 MiB"));
}

#ifdef STEELPATH_SOURCE_DIR
TEST_CASE("every shipped scenario is within a tenth of each limit", "[input][limits]") {
  // The limits are generous: the shipped files pass limits ten times smaller
  // (depth: the deepest needs 6 of 64).
  InputLimits tenth;
  tenth.max_depth = 7;
  tenth.max_nodes = kInputLimits.max_nodes / 10;
  tenth.max_expanded_bytes = kInputLimits.max_expanded_bytes / 10;
  tenth.max_string_bytes = kInputLimits.max_string_bytes / 10;
  std::size_t files = 0;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(std::string(STEELPATH_SOURCE_DIR) + "/scenarios")) {
    if (e.path().extension() != ".yaml") continue;
    INFO(e.path());
    CHECK(std::filesystem::file_size(e.path()) < kInputLimits.max_yaml_file_bytes / 10);
    Diagnostics d;
    CHECK(
        screen_yaml(read_text_file(e.path(), kInputLimits.max_yaml_file_bytes), e.path().string(), d, tenth));
    ++files;
  }
  CHECK(files >= 20);
}
#endif
