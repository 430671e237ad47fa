// Unit conversions: only stated exchange rates and fixed physical factors.
#include "input/units.hpp"

#include <catch2/catch.hpp>

using namespace steelpath::input;

namespace {
double conv(double v, const std::string& from, const std::string& to, const ExchangeRates& rates = {}) {
  std::string why;
  const auto r = convert(v, from, to, rates, why);
  INFO(why);
  REQUIRE(r.has_value());
  return *r;
}
std::string refusal(const std::string& from, const std::string& to, const ExchangeRates& rates = {}) {
  std::string why;
  CHECK_FALSE(convert(1.0, from, to, rates, why).has_value());
  return why;
}
} // namespace

TEST_CASE("mass, energy and capacity units", "[input][units]") {
  CHECK(conv(620, "kg", "t") == Approx(0.62));
  CHECK(conv(5000, "ttpa", "Mt/yr") == Approx(5.0)); // 5,000 kt/yr = 5 Mt/yr
  CHECK(conv(3.5, "Mtpa", "Mt/yr") == Approx(3.5));
  CHECK(conv(1, "MWh", "GJ") == Approx(3.6)); // 1 MWh = 3.6 GJ exactly
  CHECK(conv(14, "GJ", "MWh") == Approx(14 / 3.6));
  CHECK(conv(50, "kWh", "MWh") == Approx(0.05));
  CHECK(conv(85, "%", "1") == Approx(0.85));
  CHECK(conv(2.43, "t CO2/t", "t CO2/t") == 2.43);
  CHECK(conv(2430, "kg CO2/t", "t CO2/t") == Approx(2.43));
}

TEST_CASE("currencies convert only at rates the scenario states", "[input][units]") {
  const ExchangeRates rates = {{"EUR", 1.142}, {"CNY", 0.139}};
  // MPP's 872 EUR per t/yr of capacity = 872 x 1.142 = 995.824 USD per t/yr.
  CHECK(conv(872, "EUR/(t/yr)", "USD/(t/yr)", rates) == Approx(995.824));
  // 35 million CNY a year = 35e6 x 0.139 = 4.865 million USD a year.
  CHECK(conv(35e6, "CNY/yr", "USD/yr", rates) == Approx(4.865e6));
  // 95 CNY per t CO2 = 13.205 USD/t CO2.
  CHECK(conv(95, "CNY/t CO2", "USD/t CO2", rates) == Approx(13.205));
  // A price per GJ written per MWh: 36 USD/MWh = 10 USD/GJ.
  CHECK(conv(36, "USD/MWh", "USD/GJ") == Approx(10.0));
  CHECK(refusal("EUR/t", "USD/t").find("declare a currency") != std::string::npos);
}

TEST_CASE("units of different kinds are refused", "[input][units]") {
  CHECK(refusal("GJ", "USD/(t/yr)").find("cannot be converted") != std::string::npos);
  CHECK(refusal("USD/t", "USD/t CO2").find("cannot be converted") != std::string::npos);
  CHECK(refusal("Mt", "Mt/yr").find("cannot be converted") != std::string::npos);
  CHECK(refusal("bananas", "t").find("unknown unit 'bananas'") != std::string::npos);
  CHECK(refusal("USD/(t", "USD/t").find("')' is missing") != std::string::npos);
  CHECK(refusal("CO2", "t").find("unknown unit 'CO2'") != std::string::npos);
}

TEST_CASE("quantities split into number and unit", "[input][units]") {
  const auto q = split_quantity("872 EUR/(t/yr)");
  REQUIRE(q.has_value());
  CHECK(q->value == 872.0);
  CHECK(q->unit == "EUR/(t/yr)");
  CHECK(split_quantity("35e6 CNY/yr")->value == 35e6);
  CHECK(split_quantity("12")->unit.empty());
  CHECK_FALSE(split_quantity("twelve USD").has_value());
  CHECK_FALSE(split_quantity("12x USD").has_value());
}
