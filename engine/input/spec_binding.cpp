#include "input/spec_binding.hpp"

#include <algorithm>

namespace steelpath::input {

std::optional<int> entry_index(const Scenario& s, int EntryIndex::*kind, const std::string& key) {
  if (kind == &EntryIndex::commodity) return s.find_commodity(key);
  if (kind == &EntryIndex::technology || kind == &EntryIndex::route) return s.find_technology(key);
  if (kind == &EntryIndex::region) return s.find_region(key);
  if (kind == &EntryIndex::company) return s.find_company(key);
  if (kind == &EntryIndex::contract) {
    for (std::size_t o = 0; o < s.policy.offtakes.size(); ++o)
      if (s.policy.offtakes[o].id == key) return static_cast<int>(o);
    return std::nullopt;
  }
  if (kind == &EntryIndex::tier && s.hydrogen_supply && s.hydrogen_supply->production_credit) {
    const auto& t = s.hydrogen_supply->production_credit->tiers;
    for (std::size_t i = 0; i < t.size(); ++i)
      if (t[i].id == key) return static_cast<int>(i);
    return std::nullopt;
  }
  if (kind == &EntryIndex::family && s.policy.ets) {
    const auto& f = s.policy.ets->families;
    const auto it = std::find(f.begin(), f.end(), key);
    if (it != f.end()) return static_cast<int>(it - f.begin());
  }
  return std::nullopt;
}

namespace {

// The id of entry `k` of a kind, or nullptr past the end.
template <class T>
const std::string* id_at(const std::vector<T>& items, std::size_t k) {
  return k < items.size() ? &items[k].id : nullptr;
}

const std::string* id_at(const Scenario& s, int EntryIndex::*kind, std::size_t k) {
  if (kind == &EntryIndex::commodity) return id_at(s.commodities, k);
  if (kind == &EntryIndex::technology || kind == &EntryIndex::route) return id_at(s.technologies, k);
  if (kind == &EntryIndex::region) return id_at(s.regions, k);
  if (kind == &EntryIndex::company) return id_at(s.companies, k);
  if (kind == &EntryIndex::contract) return id_at(s.policy.offtakes, k);
  if (kind == &EntryIndex::tier && s.hydrogen_supply && s.hydrogen_supply->production_credit)
    return id_at(s.hydrogen_supply->production_credit->tiers, k);
  return nullptr;
}

} // namespace

std::optional<int> entry_index(const Scenario& s, int EntryIndex::*kind, const std::string& key,
                               std::size_t hint) {
  if (const std::string* id = id_at(s, kind, hint); id && *id == key) return static_cast<int>(hint);
  return entry_index(s, kind, key);
}

std::optional<double> bound_number(const Binding& b, Scenario& s, const EntryIndex& i) {
  if (b.number && b.number(s, i)) return *b.number(s, i);
  if (b.integer && b.integer(s, i)) return *b.integer(s, i);
  if (b.count && b.count(s, i)) return static_cast<double>(*b.count(s, i));
  return std::nullopt;
}

bool set_bound_number(const Binding& b, Scenario& s, const EntryIndex& i, double value) {
  if (b.number && b.number(s, i))
    *b.number(s, i) = value;
  else if (b.integer && b.integer(s, i))
    *b.integer(s, i) = static_cast<int>(value);
  else if (b.count && b.count(s, i))
    *b.count(s, i) = static_cast<std::uint64_t>(static_cast<int>(value));
  else
    return false;
  return true;
}

namespace bind {

namespace {
std::size_t at(int index) {
  return static_cast<std::size_t>(index);
}
} // namespace

Binding technology_input() {
  Binding b;
  b.number = [](Scenario& s, const EntryIndex& i) -> double* {
    return &s.technologies[at(i.technology)].inputs[at(i.commodity)];
  };
  return b;
}

Binding technology_switch_from() {
  Binding b;
  b.number = [](Scenario& s, const EntryIndex& i) -> double* {
    auto& from = s.technologies[at(i.technology)].capex_switch_from;
    return from.empty() ? nullptr : &from[at(i.route)];
  };
  return b;
}

Binding region_price() {
  Binding b;
  b.optional_series = [](Scenario& s, const EntryIndex& i) -> std::optional<YearSeries>* {
    auto& prices = s.regions[at(i.region)].prices;
    return prices.empty() ? nullptr : &prices[at(i.commodity)];
  };
  return b;
}

Binding standard_max() {
  Binding b;
  b.optional_series = [](Scenario& s, const EntryIndex& i) -> std::optional<YearSeries>* {
    return &s.regions[at(i.region)].intensity_standard;
  };
  return b;
}

Binding standard_penalty() {
  Binding b;
  b.number = [](Scenario& s, const EntryIndex& i) -> double* {
    Region& r = s.regions[at(i.region)];
    return r.intensity_standard ? &r.intensity_penalty : nullptr;
  };
  return b;
}

Binding subsidy_share() {
  Binding b;
  b.number = [](Scenario& s, const EntryIndex& i) -> double* {
    return s.policy.subsidy ? &s.policy.subsidy->share[at(i.technology)] : nullptr;
  };
  return b;
}

Binding subsidy_per_capacity() {
  Binding b;
  b.number = [](Scenario& s, const EntryIndex& i) -> double* {
    return s.policy.subsidy ? &s.policy.subsidy->per_capacity[at(i.technology)] : nullptr;
  };
  return b;
}

Binding fund_allocation() {
  Binding b;
  b.number = [](Scenario& s, const EntryIndex& i) -> double* {
    return s.policy.fund ? &s.policy.fund->allocation[at(i.technology)] : nullptr;
  };
  return b;
}

Binding ets_benchmark() {
  Binding b;
  b.series = [](Scenario& s, const EntryIndex& i) -> YearSeries* {
    return s.policy.ets ? &s.policy.ets->benchmarks[at(i.family)] : nullptr;
  };
  return b;
}

} // namespace bind
} // namespace steelpath::input
