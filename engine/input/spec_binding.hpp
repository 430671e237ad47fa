// Where a leaf of the scenario format lives in the model: each number,
// integer and series of the format (scenario_spec.hpp) carries a Binding to
// its Scenario field, so the input layer can set a parameter of a built
// Scenario without going back through the YAML document (ensemble members,
// member_scenario.hpp), and tests can prove that the builder reads every
// leaf into the field it names and that the model's defaults are the
// format's.
#pragma once

#include "model/scenario.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace steelpath::input {

/// The entries a parameter path passes through, as indices into the
/// Scenario's vectors (-1: not on the path). E.g.
/// `technologies.h2_dri_eaf.inputs.hydrogen`: technology and commodity.
struct EntryIndex {
  int commodity = -1;  ///< `commodities.<id>`, or a ref_map key naming a commodity
  int technology = -1; ///< `technologies.<id>`, or a ref_map key naming a route
  int route = -1;      ///< a second route: `technologies.<id>.capex_switch_from.<route>`
  int region = -1;     ///< `regions.<id>`
  int company = -1;    ///< `companies.<id>`
  int contract = -1;   ///< `offtakes.<id>`
  int family = -1;     ///< `policies.ets.benchmarks.<family>`: index into EmissionsTrading::families
  int tier = -1;       ///< `hydrogen_supply.production_credit.tiers.<id>`: index into ProductionCredit::tiers
};

/// Accessors of one leaf's model field. Each returns nullptr when the
/// object holding the field does not exist in this Scenario (an optional
/// policy that is off, a company without a target).
struct Binding {
  /// number leaves: the double field (e.g. a cost in USD/t, a share 0..1)
  double* (*number)(Scenario&, const EntryIndex&) = nullptr;
  /// integer leaves: the int field (years, readiness level)
  int* (*integer)(Scenario&, const EntryIndex&) = nullptr;
  /// integer leaves held as counts: the std::uint64_t field (the seed)
  std::uint64_t* (*count)(Scenario&, const EntryIndex&) = nullptr;
  /// series leaves: the YearSeries field
  YearSeries* (*series)(Scenario&, const EntryIndex&) = nullptr;
  /// optional series leaves: the std::optional<YearSeries> field (empty: not written)
  std::optional<YearSeries>* (*optional_series)(Scenario&, const EntryIndex&) = nullptr;

  /// Whether the leaf is bound to a model field.
  [[nodiscard]] bool bound() const { return number || integer || count || series || optional_series; }
};

/// The index of the entry `key` names in `s`, for the kind of index a map
/// of the format sets (e.g. &EntryIndex::technology: s.find_technology(key)).
[[nodiscard]] std::optional<int> entry_index(const Scenario& s, int EntryIndex::*kind,
                                             const std::string& key);

/// entry_index, trying index `hint` first (the entry's place in its mapping,
/// which is its index where the model's list was built from that mapping):
/// a mapping of many entries, e.g. 100,000 companies, is then read in linear time.
[[nodiscard]] std::optional<int> entry_index(const Scenario& s, int EntryIndex::*kind, const std::string& key,
                                             std::size_t hint);

/// The number a number, integer or count binding reaches (nullopt: the
/// object holding it is absent, or the binding is a series).
[[nodiscard]] std::optional<double> bound_number(const Binding& b, Scenario& s, const EntryIndex& i);

/// Writes a number through a number, integer or count binding (integers as
/// the builder reads them: truncated). False when the field is absent.
bool set_bound_number(const Binding& b, Scenario& s, const EntryIndex& i, double value);

namespace bind {

/// A field reached through an object accessor `Object(s, i)` (returns a
/// pointer, nullptr when absent) and a pointer to member.
template <auto Object, auto Field>
Binding field() {
  using Holder = std::remove_pointer_t<decltype(Object(std::declval<Scenario&>(), EntryIndex{}))>;
  using Value = std::remove_reference_t<decltype(std::declval<Holder&>().*Field)>;
  Binding b;
  constexpr auto at = [](Scenario& s, const EntryIndex& i) -> Value* {
    Holder* h = Object(s, i);
    return h ? &(h->*Field) : nullptr;
  };
  if constexpr (std::is_same_v<Value, double>)
    b.number = at;
  else if constexpr (std::is_same_v<Value, int>)
    b.integer = at;
  else if constexpr (std::is_same_v<Value, std::uint64_t>)
    b.count = at;
  else if constexpr (std::is_same_v<Value, YearSeries>)
    b.series = at;
  else if constexpr (std::is_same_v<Value, std::optional<YearSeries>>)
    b.optional_series = at;
  else
    static_assert(!sizeof(Value*), "a leaf binds to a double, int, uint64, YearSeries or optional");
  return b;
}

// The objects a leaf's field lives in.
inline Scenario* root(Scenario& s, const EntryIndex&) {
  return &s;
}
inline Commodity* commodity(Scenario& s, const EntryIndex& i) {
  return &s.commodities[static_cast<std::size_t>(i.commodity)];
}
inline Technology* technology(Scenario& s, const EntryIndex& i) {
  return &s.technologies[static_cast<std::size_t>(i.technology)];
}
inline Region* region(Scenario& s, const EntryIndex& i) {
  return &s.regions[static_cast<std::size_t>(i.region)];
}
inline Company* company(Scenario& s, const EntryIndex& i) {
  return &s.companies[static_cast<std::size_t>(i.company)];
}
inline CompanyTarget* target(Scenario& s, const EntryIndex& i) {
  auto& t = s.companies[static_cast<std::size_t>(i.company)].target;
  return t ? &*t : nullptr;
}
inline OfftakeContract* contract(Scenario& s, const EntryIndex& i) {
  return &s.policy.offtakes[static_cast<std::size_t>(i.contract)];
}
inline Horizon* horizon(Scenario& s, const EntryIndex&) {
  return &s.horizon;
}
inline Policy* policy(Scenario& s, const EntryIndex&) {
  return &s.policy;
}
inline EmissionsTrading* ets(Scenario& s, const EntryIndex&) {
  return s.policy.ets ? &*s.policy.ets : nullptr;
}
inline CapexSubsidy* subsidy(Scenario& s, const EntryIndex&) {
  return s.policy.subsidy ? &*s.policy.subsidy : nullptr;
}
inline InnovationFund* fund(Scenario& s, const EntryIndex&) {
  return s.policy.fund ? &*s.policy.fund : nullptr;
}
inline CarbonContracts* ccfd(Scenario& s, const EntryIndex&) {
  return s.policy.carbon_contracts ? &*s.policy.carbon_contracts : nullptr;
}
inline GreenProcurement* procurement(Scenario& s, const EntryIndex&) {
  return s.policy.procurement ? &*s.policy.procurement : nullptr;
}
inline GreenBuyers* green_buyers(Scenario& s, const EntryIndex& i) {
  return &s.regions[static_cast<std::size_t>(i.region)].green_buyers;
}
inline HydrogenSupply* h2supply(Scenario& s, const EntryIndex&) {
  return s.hydrogen_supply ? &*s.hydrogen_supply : nullptr;
}
inline FossilHydrogen* smr(Scenario& s, const EntryIndex&) {
  return s.hydrogen_supply && s.hydrogen_supply->smr ? &*s.hydrogen_supply->smr : nullptr;
}
inline FossilHydrogen* smr_ccs(Scenario& s, const EntryIndex&) {
  return s.hydrogen_supply && s.hydrogen_supply->smr_ccs ? &*s.hydrogen_supply->smr_ccs : nullptr;
}
inline ProductionCredit* h2credit(Scenario& s, const EntryIndex&) {
  return s.hydrogen_supply && s.hydrogen_supply->production_credit ? &*s.hydrogen_supply->production_credit
                                                                   : nullptr;
}
inline CreditTier* h2tier(Scenario& s, const EntryIndex& i) {
  ProductionCredit* c = h2credit(s, i);
  return c && i.tier >= 0 && static_cast<std::size_t>(i.tier) < c->tiers.size()
             ? &c->tiers[static_cast<std::size_t>(i.tier)]
             : nullptr;
}
inline Finance* finance(Scenario& s, const EntryIndex&) {
  return &s.finance;
}
inline Market* market(Scenario& s, const EntryIndex&) {
  return &s.market;
}
inline Behaviour* behaviour(Scenario& s, const EntryIndex&) {
  return &s.behaviour;
}
inline MetricSettings* metrics(Scenario& s, const EntryIndex&) {
  return &s.metrics;
}
inline FleetTiming* fleet_timing(Scenario& s, const EntryIndex&) {
  return &s.fleet_timing;
}

// Leaves that are one element of a per-entry vector.
Binding technology_input();       ///< technologies.<k>.inputs.<commodity>
Binding technology_switch_from(); ///< technologies.<k>.capex_switch_from.<route> (NaN: capex_switch)
Binding region_price();           ///< regions.<r>.prices.<commodity>
Binding standard_max();           ///< regions.<r>.intensity_standard.max
Binding standard_penalty();       ///< regions.<r>.intensity_standard.penalty
Binding subsidy_share();          ///< policies.subsidies.routes.<k>.share
Binding subsidy_per_capacity();   ///< policies.subsidies.routes.<k>.per_capacity
Binding fund_allocation();        ///< policies.fund.allocation.<k>
Binding ets_benchmark();          ///< policies.ets.benchmarks.<family>

} // namespace bind
} // namespace steelpath::input
