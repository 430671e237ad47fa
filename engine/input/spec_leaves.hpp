// The constructors the scenario format's definition is written with
// (scenario_spec.cpp and the section files spec_*.cpp): one leaf or record
// with its doc, unit, bounds, default and binding. Internal to the input layer.
#pragma once

#include "input/scenario_spec.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace steelpath::input::spec {

using namespace bind;

// Upper limits are far above any real value; they keep a typo (an extra
// zero run wild, 1e308) from overflowing costs into inf.
inline const Bounds share = Bounds::share();
inline const Bounds price{0.0, 1e7};     ///< USD per unit of a commodity
inline const Bounds capex{0.0, 1e6};     ///< USD per (t/yr), USD per (t/yr)/yr
inline const Bounds quantity{0.0, 1e5};  ///< inputs per t, Mt/yr
inline const Bounds intensity{0.0, 1e3}; ///< t CO2 per unit or per t
inline const Bounds carbon{0.0, 1e5};    ///< USD/t CO2
inline const Bounds musd{0.0, 1e7};      ///< million USD per year
inline const Bounds rate{0.0, 1.0};      ///< a share or a rate per year
inline const Bounds year{1800, 2300};    ///< a calendar year

inline Spec number(std::string doc, std::string unit, Bounds b,
                   std::optional<std::string> def = std::nullopt) {
  Spec s;
  s.kind = SpecKind::number;
  s.doc = std::move(doc);
  s.unit = std::move(unit);
  s.bounds = b;
  s.required = !def.has_value();
  s.default_text = std::move(def);
  return s;
}
inline Spec integer(std::string doc, std::string unit, Bounds b,
                    std::optional<std::string> def = std::nullopt) {
  Spec s = number(std::move(doc), std::move(unit), b, std::move(def));
  s.kind = SpecKind::integer;
  return s;
}
inline Spec series(std::string doc, std::string unit, Bounds b,
                   std::optional<std::string> def = std::nullopt) {
  Spec s = number(std::move(doc), std::move(unit), b, std::move(def));
  s.kind = SpecKind::series;
  return s;
}
inline Spec text(std::string doc, bool required = false) {
  Spec s;
  s.kind = SpecKind::text;
  s.doc = std::move(doc);
  s.required = required;
  return s;
}
inline Spec choice(std::string doc, std::vector<std::string> choices, std::string def) {
  Spec s = text(std::move(doc));
  s.choices = std::move(choices);
  s.default_text = std::move(def);
  return s;
}
inline Spec ref_to(std::string doc, std::string section, bool list = false) {
  Spec s = text(std::move(doc));
  s.kind = list ? SpecKind::ref_list : SpecKind::ref;
  s.ref = std::move(section);
  return s;
}
inline Spec optional(Spec s) {
  s.required = false;
  return s;
}
inline Spec required(Spec s) {
  s.required = true;
  return s;
}
inline Spec ref_map(std::string doc, std::string section, std::string entry_name, Spec entry) {
  Spec s;
  s.kind = SpecKind::ref_map;
  s.doc = std::move(doc);
  s.ref = std::move(section);
  s.entry_name = std::move(entry_name);
  s.entry.push_back(std::move(entry));
  return s;
}
inline Spec with_key_choices(Spec s, std::vector<std::string> keys) {
  s.choices = std::move(keys);
  return s;
}
inline Spec with_kind(Spec s, SpecKind k) {
  s.kind = k;
  return s;
}
inline Spec record(std::string doc, bool required, std::vector<std::pair<std::string, Spec>> fields) {
  Spec s;
  s.kind = SpecKind::record;
  s.doc = std::move(doc);
  s.required = required;
  s.fields = std::move(fields);
  return s;
}
inline Spec map_of(std::string doc, std::string entry_name, Spec entry, bool required = true) {
  Spec s;
  s.kind = SpecKind::map_of;
  s.doc = std::move(doc);
  s.entry_name = std::move(entry_name);
  s.entry.push_back(std::move(entry));
  s.required = required;
  return s;
}

inline Spec bound(Spec s, Binding b) {
  s.binding = b;
  return s;
}
inline Spec indexed(Spec s, int EntryIndex::*index) {
  s.index = index;
  return s;
}
inline Spec defaults_to(Spec s, std::string from) {
  s.default_from = std::move(from);
  return s;
}
template <auto Object, auto Field>
Spec at(Spec s) {
  return bound(std::move(s), bind::field<Object, Field>());
}

// The sections written in other files.
Spec commodities_spec();
Spec technologies_spec();
Spec regions_spec();
Spec companies_spec();
Spec policies_spec();
Spec offtakes_spec();
Spec behaviour_spec();
Spec hydrogen_supply_spec();

} // namespace steelpath::input::spec
