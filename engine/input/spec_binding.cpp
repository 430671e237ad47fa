#include "input/spec_binding.hpp"

namespace steelpath::input::bind {

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

} // namespace steelpath::input::bind
