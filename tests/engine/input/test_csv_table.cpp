// CSV parsing: quoting, comments, line numbers, malformed rows.
#include "input/csv_table.hpp"

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
