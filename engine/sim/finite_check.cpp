#include "sim/finite_check.hpp"

#include "model/errors.hpp"
#include "sim/member_series.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace steelpath {

namespace {

// "<what> <id>", or "<what> #<index>" where the list has no entry i (a
// result sized for another scenario must still be described, not read past).
template <class List, class Id>
std::string named(const char* what, const List& list, std::size_t i, Id id) {
  return std::string(what) + " " + (i < list.size() ? id(list[i]) : "#" + std::to_string(i));
}

std::string region(const Scenario& s, std::size_t r) {
  return named("region", s.regions, r, [](const Region& x) { return x.id; });
}
std::string technology(const Scenario& s, std::size_t k) {
  return named("technology", s.technologies, k, [](const Technology& x) { return x.id; });
}
std::string company(const Scenario& s, std::size_t c) {
  return named("company", s.companies, c, [](const Company& x) { return x.id; });
}
std::string contract(const Scenario& s, std::size_t x) {
  return named("contract", s.policy.offtakes, x, [](const OfftakeContract& o) { return o.id; });
}

// Value j of one year of a series of dimensions `dims`, by coordinate.
std::string place(const Scenario& s, const MemberResult& r, SeriesDims dims, std::size_t j) {
  switch (dims) {
  case SeriesDims::year:
    return {};
  case SeriesDims::year_region:
    return region(s, j);
  case SeriesDims::year_region_technology: {
    const std::size_t T = std::max<std::size_t>(r.n_technologies, 1);
    return region(s, j / T) + ", " + technology(s, j % T);
  }
  case SeriesDims::year_company:
    return company(s, j);
  case SeriesDims::year_contract:
    return contract(s, j);
  case SeriesDims::year_technology:
    return technology(s, j);
  }
  return {};
}

// Unit i of a run: the scenario's units first, then those built during it.
std::string unit(const Scenario& s, const MemberResult& r, int index) {
  const auto i = static_cast<std::size_t>(std::max(index, 0));
  const std::size_t n = s.units.size();
  if (i < n) return "unit " + s.units[i].id + ", " + region(s, static_cast<std::size_t>(s.units[i].region));
  if (i - n < r.new_units.size()) return "unit " + r.new_units[i - n] + ", built during the run";
  return "unit #" + std::to_string(index);
}

bool allowed(double v, NonFinite what) {
  return std::isfinite(v) || (what == NonFinite::nan && std::isnan(v));
}

// Stored series first, then those derived from them, so that the message
// names the series that holds the value, not a total that inherits it.
std::optional<NonFiniteValue> in_series(const MemberResult& r, const Scenario& s, bool derived) {
  const std::size_t years = r.horizon.size();
  std::vector<double> scratch;
  for (const auto& series : member_series()) {
    if ((series.field == nullptr) != derived) continue;
    const auto v = series_values(series, r, scratch);
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (allowed(v[i], series.non_finite)) continue;
      const std::size_t per_year = std::max<std::size_t>(years ? v.size() / years : 1, 1);
      return NonFiniteValue{std::string(series.name), r.horizon.first_year + static_cast<int>(i / per_year),
                            place(s, r, series.dims, i % per_year), v[i],
                            series.non_finite == NonFinite::nan};
    }
  }
  return std::nullopt;
}

// The decision log: a levelized cost is NaN where there is none (a closure,
// an option not open to the unit), never infinite.
std::optional<NonFiniteValue> in_decisions(const MemberResult& r, const Scenario& s) {
  for (const Decision& d : r.decisions) {
    for (const auto& [name, v] : {std::pair{"decisions/lcos_chosen", d.lcos_chosen},
                                  std::pair{"decisions/lcos_reline", d.lcos_reline}})
      if (!allowed(v, NonFinite::nan)) return NonFiniteValue{name, d.year, unit(s, r, d.unit), v, true};
  }
  // [decision][technology], one row per decision when the log is whole.
  const std::size_t T = std::max<std::size_t>(r.n_technologies, 1);
  for (std::size_t i = 0; i < r.decision_lcos.size(); ++i) {
    const double v = r.decision_lcos[i];
    if (allowed(v, NonFinite::nan)) continue;
    const std::size_t row = i / T;
    const bool logged = row < r.decisions.size();
    return NonFiniteValue{"decisions/lcos_options", logged ? r.decisions[row].year : 0,
                          (logged ? unit(s, r, r.decisions[row].unit) : "decision #" + std::to_string(row)) +
                              ", option " + technology(s, i % T),
                          v, true};
  }
  return std::nullopt;
}

} // namespace

std::string NonFiniteValue::describe() const {
  const char* text = std::isnan(value) ? "NaN" : value > 0 ? "inf" : "-inf";
  return series + " in " + std::to_string(year) + (place.empty() ? "" : " (" + place + ")") + " is " + text +
         (nan_ok ? "; it may be NaN (no value), never infinite" : "; it must be finite");
}

std::optional<NonFiniteValue> find_non_finite(const MemberResult& result, const Scenario& scenario) {
  for (const bool derived : {false, true})
    if (auto v = in_series(result, scenario, derived)) return v;
  return in_decisions(result, scenario);
}

void check_finite(const MemberResult& result, const Scenario& scenario) {
  if (const auto v = find_non_finite(result, scenario)) throw NumericError("numeric error: " + v->describe());
}

} // namespace steelpath
