// The registry of member series (sim/member_series.hpp) drives reset, the
// schema, the journal payload and its layout hash, the non-finite check and
// the tests' comparison; the payload carries the statistics' series
// uncompressed and decodes them to the same bits.
#include "model/errors.hpp"
#include "output/member_fields.hpp"
#include "output/member_payload.hpp"
#include "output/schema.hpp"
#include "sim/finite_check.hpp"
#include "sim/member_series.hpp"

#include "../support/result_compare.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

using namespace steelpath;

namespace {

// 2025..2028, 2 routes, 3 regions, 2 companies, 1 contract; every series
// filled with distinct values, some zeros, a -0.0 and a NaN price.
MemberResult filled_result() {
  MemberResult r;
  r.reset(Horizon{2025, 2028}, 2, 3, 2, 1);
  double x = 1.0;
  for (const auto& s : member_series()) {
    if (s.field == nullptr) continue;
    auto& v = r.*s.field;
    for (std::size_t i = 0; i < v.size(); ++i, x += 0.25)
      v[i] = i % 3 == 1 ? 0.0 : x;
  }
  r.production[2] = -0.0;
  r.steel_price[1] = std::numeric_limits<double>::quiet_NaN();
  r.unit_years = 12;
  return r;
}

std::vector<std::uint64_t> bits(std::span<const double> v) {
  std::vector<std::uint64_t> b;
  for (const double x : v)
    b.push_back(std::bit_cast<std::uint64_t>(x));
  return b;
}

} // namespace

TEST_CASE("the schema's yearly variables are the registry's series, in its order", "[output][registry]") {
  std::vector<const schema::Variable*> yearly;
  for (const auto& v : schema::variables())
    if (v.group.empty() && !v.dims.empty() && v.dims[0] == "year" && v.name != "year") yearly.push_back(&v);
  const auto series = member_series();
  REQUIRE(yearly.size() == series.size());
  for (std::size_t i = 0; i < series.size(); ++i) {
    CHECK(yearly[i]->name == series[i].name);
    CHECK(yearly[i]->units == series[i].units);
    CHECK(yearly[i]->long_name == series[i].long_name);
    const auto dims = dimension_names(series[i].dims);
    CHECK(std::vector<std::string_view>(dims.begin(), dims.end()) == yearly[i]->dims);
  }
  CHECK(member_field_names(true).size() == series.size());
}

TEST_CASE("reset sizes every series by its dimensions and fills its initial value", "[output][registry]") {
  MemberResult r;
  r.reset(Horizon{2025, 2028}, 2, 3, 5, 0);
  CHECK(r.production.size() == 4 * 3 * 2); // [year][region][technology]
  CHECK(r.operating_cost.size() == 4 * 3);
  CHECK(r.company_cash.size() == 4 * 5);
  CHECK(r.offtake_volume.empty());
  CHECK(r.capex_factor == std::vector<double>(4 * 2, 1.0));
  CHECK(std::isnan(r.ets_cap[3]));
  for (const auto& s : member_series())
    if (s.field != nullptr) CHECK((r.*s.field).size() == series_size(r, s.dims));
}

TEST_CASE("a member payload decodes to the same bits, statistics inputs included", "[output][payload]") {
  const MemberResult r = filled_result();
  const std::vector<double> targets = {1.0, 0.0};
  const auto payload = encode_member(r, true, targets);
  std::vector<std::vector<double>> scratch, arrays;
  const auto fields = member_fields(r, scratch);
  double unit_years = 0.0;
  decode_member(payload, arrays, unit_years);
  CHECK(unit_years == 12.0);
  REQUIRE(arrays.size() == fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i)
    CHECK(bits(arrays[i]) == bits(fields[i].values));
  StatisticsInputs in;
  decode_statistics_inputs(payload, in);
  const auto names = statistics_series_names();
  REQUIRE(in.values.size() == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::vector<double> expected;
    for (const auto& f : fields)
      if (f.name == names[i]) expected.assign(f.values.begin(), f.values.end());
    INFO(names[i]);
    CHECK(bits(in.values[i]) == bits(expected)); // -0.0 and NaN kept
  }
}

TEST_CASE("a payload of another series layout is refused, saying so", "[output][payload]") {
  auto payload = encode_member(filled_result(), false);
  std::vector<EncodedField> fields;
  std::vector<double> targets;
  double unit_years = 0.0;
  REQUIRE_NOTHROW(decode_member(payload, fields, unit_years, targets));
  payload[0] ^= std::byte{1}; // another layout hash
  CHECK_THROWS_WITH(decode_member(payload, fields, unit_years, targets),
                    Catch::Contains("another set of member series") && Catch::Contains("--fresh"));
  payload.resize(5);
  CHECK_THROWS_AS(decode_member(payload, fields, unit_years, targets), OutputError);
}

// A flipped bit in the first field's value count once asked for 4 GiB
// (found by tests/fuzz/fuzz_journal.cpp; the record's CRC recomputed).
TEST_CASE("a payload whose value count its compressed bytes cannot hold is refused before decoding",
          "[output][payload]") {
  auto payload = encode_member(filled_result(), false);
  std::vector<std::vector<double>> fields;
  double unit_years = 0.0;
  REQUIRE_NOTHROW(decode_member(payload, fields, unit_years));
  REQUIRE(!fields.empty());
  // layout u64, unit-years f64, fields u32, then the first field's value count (u64).
  const std::size_t count_at = 8 + 8 + 4;
  for (const std::uint64_t values : {std::uint64_t{1} << 29, std::uint64_t{1} << 32}) {
    for (std::size_t b = 0; b < 8; ++b)
      payload[count_at + b] = static_cast<std::byte>((values >> (8 * b)) & 0xFF);
    INFO(values << " values");
    CHECK_THROWS_WITH(decode_member(payload, fields, unit_years), Catch::Contains("implausible value count"));
  }
}

TEST_CASE("the non-finite check and the comparison see every registry series", "[output][registry]") {
  const MemberResult a = filled_result();
  const Scenario unnamed;                   // names nothing: places are given by index
  CHECK_FALSE(find_non_finite(a, unnamed)); // the NaN price is allowed
  MemberResult b = a;
  b.operating_cost[4] = std::numeric_limits<double>::infinity(); // year index 1 (3 regions a year)
  const auto bad = find_non_finite(b, unnamed);
  REQUIRE(bad);
  CHECK(bad->describe() == "operating_cost in 2026 (region #1) is inf; it must be finite");
  CHECK_FALSE(test::identical(a, b));
  CHECK(test::identical(a, a));
}
