// CSV parsing: quoting, comments, line numbers, malformed rows, the limits
// on rows and cells (issue 16).
#include "input/csv_table.hpp"
#include "input/scenario_loader.hpp"

#include <catch2/catch.hpp>

using namespace steelpath::input;

TEST_CASE("header, quoted fields, comments and CRLF", "[input][csv]") {
  Diagnostics d;
  const std::string text = "# a comment\r\n"
                           "id,name,value\r\n"
                           "a,\"Works, North\",1.5\r\n"
                           "\n"
                           "b,\"say \"\"hi\"\"\",2\r\n";
  const CsvTable t = parse_csv(text, "f.csv", d);
  CHECK(d.empty());
  REQUIRE(t.header == std::vector<std::string>{"id", "name", "value"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 3);
  CHECK(t.rows[0].fields[1] == "Works, North");
  CHECK(t.rows[1].line == 5);
  CHECK(t.rows[1].fields[1] == "say \"hi\"");
  CHECK(t.column("value") == 2u);
  CHECK_FALSE(t.column("missing").has_value());
}

TEST_CASE("a row with the wrong number of fields is reported with its line", "[input][csv]") {
  Diagnostics d;
  const CsvTable t = parse_csv("a,b\n1,2\n3\n4,5\n", "f.csv", d);
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].line == 3);
  CHECK(d.items()[0].format() == "f.csv:3: error: expected 2 fields (as in the header), found 1");
  CHECK(t.rows.size() == 2);
}

TEST_CASE("an unterminated quote and an empty file are errors", "[input][csv]") {
  Diagnostics d1;
  (void)parse_csv("a,b\n1,\"oops\n", "f.csv", d1);
  REQUIRE(d1.size() == 1);
  CHECK(d1.items()[0].message == "unterminated quoted field");
  CHECK(d1.items()[0].line == 2);
  Diagnostics d2;
  (void)parse_csv("", "e.csv", d2);
  REQUIRE(d2.size() == 1);
  CHECK(d2.items()[0].message.find("empty CSV") != std::string::npos);
}

TEST_CASE("reading stops at once past the row limit, at the row that crosses it", "[input][csv][limits]") {
  Diagnostics d;
  // Comments and blank lines are not rows: the third data row is on line 6.
  const CsvTable t = parse_csv("a\n1\n# note\n2\n\n3\n4\n", "f.csv", d, 2);
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].format() ==
        "f.csv:6: error: more than 2 data rows: expected at most that many (docs/scenarios.md, Limits)");
  CHECK(t.rows.size() == 2);
  CHECK(parse_csv("a\n1\n2\n", "f.csv", d, 2).rows.size() == 2); // at the limit: fine
  CHECK(d.size() == 1);
}

TEST_CASE("a NUL or other control character in a cell is refused with its column", "[input][csv][limits]") {
  Diagnostics d;
  const CsvTable t =
      parse_csv(std::string("unit_id,plant\nu") + '\0' + "1,p\nu2,p\x1B\n\"u3\nx\",p\tq\n", "f.csv", d);
  REQUIRE(d.size() == 2);
  CHECK(d.items()[0].format() ==
        "f.csv:2:1: error: unit_id: expected text without control characters, found byte 0x00 in 'u?1'");
  CHECK(d.items()[1].format() ==
        "f.csv:3:2: error: plant: expected text without control characters, found byte 0x1B in 'p?'");
  REQUIRE(t.rows.size() == 1); // a line end inside quotes and a tab are text
  CHECK(t.rows[0].fields[0] == "u3\nx");
}

TEST_CASE("a cell longer than the string limit is refused", "[input][csv][limits]") {
  Diagnostics d;
  const std::string long_cell(kInputLimits.max_string_bytes + 1, 'x');
  const CsvTable t = parse_csv("a,b\n1,2\n3," + long_cell + "\n", "f.csv", d);
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].format() == "f.csv:3:2: error: b: a cell of 65537 bytes: expected at most 64 KiB "
                                 "(docs/scenarios.md, Limits)");
  CHECK(t.rows.size() == 1);
}

#ifdef STEELPATH_SOURCE_DIR
TEST_CASE("the shipped fleets are within a tenth of the fleet limits", "[input][csv][limits]") {
  for (const char* name : {"gem_fleet_2025.csv", "gem_fleet_2025_china.csv", "demo_fleet.csv"}) {
    INFO(name);
    const std::string path = std::string(STEELPATH_SOURCE_DIR) + "/scenarios/data/" + name;
    const std::string text = read_text_file(path, kInputLimits.max_csv_file_bytes / 10);
    Diagnostics d;
    const CsvTable t = parse_csv(text, path, d, kInputLimits.max_fleet_rows / 10);
    CHECK(d.empty());
    CHECK(t.rows.size() > 0);
    for (const auto& row : t.rows)
      for (const auto& cell : row.fields)
        CHECK(cell.size() <= kInputLimits.max_string_bytes / 10);
  }
}
#endif
