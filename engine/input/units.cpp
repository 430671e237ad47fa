#include "input/units.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

namespace steelpath::input {

namespace {

enum Dim { money = 0, mass = 1, co2 = 2, time = 3, energy = 4 };

Unit base(Dim d, double factor) {
  Unit u;
  u.factor = factor;
  u.dims[d] = 1;
  return u;
}

Unit multiply(const Unit& a, const Unit& b, int sign) {
  Unit u;
  u.factor = sign > 0 ? a.factor * b.factor : a.factor / b.factor;
  for (std::size_t i = 0; i < u.dims.size(); ++i)
    u.dims[i] = a.dims[i] + sign * b.dims[i];
  return u;
}

std::optional<Unit> atom(const std::string& w, const ExchangeRates& rates) {
  static const std::map<std::string, Unit> fixed = {
      {"USD", base(money, 1.0)},
      {"t", base(mass, 1.0)},
      {"kg", base(mass, 1e-3)},
      {"kt", base(mass, 1e3)},
      {"Mt", base(mass, 1e6)},
      {"Gt", base(mass, 1e9)},
      {"yr", base(time, 1.0)},
      {"year", base(time, 1.0)},
      {"a", base(time, 1.0)},
      {"GJ", base(energy, 1.0)},
      {"MJ", base(energy, 1e-3)},
      {"TJ", base(energy, 1e3)},
      {"PJ", base(energy, 1e6)},
      {"kWh", base(energy, 0.0036)},
      {"MWh", base(energy, 3.6)},
      {"GWh", base(energy, 3600.0)},
      {"%", Unit{0.01, {}}},
      {"1", Unit{1.0, {}}},
      {"million", Unit{1e6, {}}},
      {"billion", Unit{1e9, {}}},
      {"tpa", multiply(base(mass, 1.0), base(time, 1.0), -1)},
      {"ttpa", multiply(base(mass, 1e3), base(time, 1.0), -1)},
      {"Mtpa", multiply(base(mass, 1e6), base(time, 1.0), -1)},
  };
  if (const auto it = fixed.find(w); it != fixed.end()) return it->second;
  if (const auto it = rates.find(w); it != rates.end()) return base(money, it->second);
  return std::nullopt;
}

// Recursive-descent parser over tokens: words, '/', '*', '(', ')'.
struct Parser {
  std::vector<std::string> tokens;
  std::size_t pos = 0;
  const ExchangeRates& rates;
  std::string error;

  [[nodiscard]] bool at_end() const { return pos >= tokens.size(); }
  [[nodiscard]] const std::string& peek() const { return tokens[pos]; }

  std::optional<Unit> term() {
    if (at_end()) {
      error = "a unit is missing";
      return std::nullopt;
    }
    if (peek() == "(") {
      ++pos;
      auto u = expression();
      if (!u) return std::nullopt;
      if (at_end() || peek() != ")") {
        error = "a ')' is missing";
        return std::nullopt;
      }
      ++pos;
      return u;
    }
    const std::string w = tokens[pos++];
    auto u = atom(w, rates);
    if (!u) {
      error = "unknown unit '" + w + "'";
      if (w.size() == 3 && std::isupper(static_cast<unsigned char>(w[0])))
        error += " (declare a currency's USD rate under 'currencies')";
      return std::nullopt;
    }
    // "t CO2", "Mt CO2": the CO2 tag turns a mass into a mass of CO2.
    if (!at_end() && (peek() == "CO2" || peek() == "CO2e")) {
      if (u->dims[mass] != 1) {
        error = "'CO2' must follow a mass unit";
        return std::nullopt;
      }
      ++pos;
      u->dims[mass] = 0;
      u->dims[co2] = 1;
    }
    return u;
  }

  std::optional<Unit> expression() {
    auto u = term();
    if (!u) return std::nullopt;
    while (!at_end() && peek() != ")") {
      int sign = 1;
      if (peek() == "/" || peek() == "*") {
        sign = peek() == "/" ? -1 : 1;
        ++pos;
      }
      auto v = term();
      if (!v) return std::nullopt;
      u = multiply(*u, *v, sign);
    }
    return u;
  }
};

std::vector<std::string> tokenize(const std::string& s) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(word);
    word.clear();
  };
  for (char c : s) {
    if (c == '/' || c == '*' || c == '(' || c == ')') {
      flush();
      out.emplace_back(1, c);
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

std::string describe(const Dimensions& d) {
  static const char* names[] = {"money", "mass", "CO2 mass", "time", "energy"};
  std::string s;
  for (std::size_t i = 0; i < d.size(); ++i)
    if (d[i] != 0) s.append(s.empty() ? "" : " ").append(names[i]).append("^").append(std::to_string(d[i]));
  return s.empty() ? "dimensionless" : s;
}

} // namespace

std::optional<Unit> parse_unit(const std::string& text, const ExchangeRates& rates, std::string& error) {
  Parser p{tokenize(text), 0, rates, {}};
  if (p.tokens.empty()) {
    error = "empty unit";
    return std::nullopt;
  }
  auto u = p.expression();
  if (u && !p.at_end()) {
    p.error = "unexpected '" + p.peek() + "'";
    u.reset();
  }
  if (!u) error = p.error + " in unit '" + text + "'";
  return u;
}

std::optional<WrittenQuantity> split_quantity(const std::string& text) {
  const auto start = text.find_first_not_of(" \t");
  if (start == std::string::npos) return std::nullopt;
  auto end_num = text.find_first_of(" \t", start);
  std::string number = text.substr(start, end_num == std::string::npos ? std::string::npos : end_num - start);
  if (!number.empty() && number.front() == '+') number.erase(0, 1);
  WrittenQuantity q;
  const auto* last = number.data() + number.size();
  const auto [p, ec] = std::from_chars(number.data(), last, q.value);
  if (ec != std::errc{} || p != last) return std::nullopt;
  if (end_num != std::string::npos) {
    const auto u0 = text.find_first_not_of(" \t", end_num);
    if (u0 != std::string::npos) {
      const auto u1 = text.find_last_not_of(" \t");
      q.unit = text.substr(u0, u1 - u0 + 1);
    }
  }
  return q;
}

std::optional<double> convert(double value, const std::string& from, const std::string& to,
                              const ExchangeRates& rates, std::string& error) {
  const auto f = parse_unit(from, rates, error);
  if (!f) return std::nullopt;
  const auto t = parse_unit(to, rates, error);
  if (!t) return std::nullopt;
  if (f->dims != t->dims) {
    error = "'" + from + "' (" + describe(f->dims) + ") cannot be converted to '" + to + "' (" +
            describe(t->dims) + ")";
    return std::nullopt;
  }
  return value * f->factor / t->factor;
}

} // namespace steelpath::input
