#include "output/result_writer.hpp"

#include "model/errors.hpp"
#include "output/hdf5.hpp"
#include "output/schema.hpp"
#include "steelpath/version.hpp"

#include <ctime>
#include <filesystem>
#include <map>

namespace steelpath {

namespace fs = std::filesystem;

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

// Writes variables of one group and attaches their dimension scales by name.
class GroupWriter {
public:
  /// `parent`: the enclosing group's writer, whose dimensions are visible here too (as in netCDF).
  GroupWriter(hid_t loc, std::string group, const GroupWriter* parent = nullptr)
      : loc_(loc), group_(std::move(group)), parent_(parent) {}

  void doubles(std::string_view name, std::span<const double> data) {
    const auto& spec = schema::find(group_, name);
    std::vector<hsize_t> dims;
    for (auto d : spec.dims)
      dims.push_back(dim_size(d));
    finish(spec, h5::write_doubles(loc_, std::string(name), data, dims));
  }
  void ints(std::string_view name, std::span<const std::int32_t> data) {
    finish(schema::find(group_, name), h5::write_ints(loc_, std::string(name), data));
  }
  void strings(std::string_view name, const std::vector<std::string>& data) {
    finish(schema::find(group_, name), h5::write_strings(loc_, std::string(name), data));
  }

private:
  const std::pair<h5::Handle, hsize_t>& scale(std::string_view dim) const {
    const auto it = scales_.find(std::string(dim));
    if (it != scales_.end()) return it->second;
    if (parent_) return parent_->scale(dim);
    throw OutputError("dimension " + std::string(dim) + " written after its use");
  }
  hsize_t dim_size(std::string_view dim) const { return scale(dim).second; }

  // A variable named like its only dimension is that dimension's coordinate
  // (a dimension scale); every other variable gets the scales attached.
  void finish(const schema::Variable& spec, h5::Handle ds) {
    h5::set_attribute(ds, "units", std::string(spec.units));
    h5::set_attribute(ds, "long_name", std::string(spec.long_name));
    if (spec.dims.size() == 1 && spec.dims[0] == spec.name) {
      h5::make_dimension_scale(ds, std::string(spec.name));
      const auto n = h5::dataset_dims(loc_, std::string(spec.name)).at(0);
      scales_.emplace(std::string(spec.name), std::make_pair(std::move(ds), n));
      return;
    }
    for (unsigned i = 0; i < spec.dims.size(); ++i)
      h5::attach_scale(ds, scale(spec.dims[i]).first, i);
  }

  hid_t loc_;
  std::string group_;
  const GroupWriter* parent_;
  std::map<std::string, std::pair<h5::Handle, hsize_t>> scales_;
};

template <class T, class F>
std::vector<T> column(const std::vector<Decision>& ds, F f) {
  std::vector<T> v;
  v.reserve(ds.size());
  for (const auto& d : ds)
    v.push_back(f(d));
  return v;
}

void write_contents(hid_t file, const Scenario& s, const MemberResult& r, const Provenance& p) {
  h5::set_attribute(file, "title", "steelpath results: " + s.name);
  h5::set_attribute(file, "Conventions", std::string("CF-1.8"));
  h5::set_attribute(file, "schema_version", static_cast<std::int64_t>(schema::kSchemaVersion));
  h5::set_attribute(file, "steelpath_version", std::string(kVersion));
  h5::set_attribute(file, "git_commit", std::string(kGitCommit));
  h5::set_attribute(file, "scenario_name", s.name);
  h5::set_attribute(file, "scenario_file", p.scenario_path);
  h5::set_attribute(file, "scenario_yaml", p.scenario_text);
  h5::set_attribute(file, "scenario_sha256", p.scenario_sha256);
  h5::set_attribute(file, "scenario_source", p.scenario_source);
  h5::set_attribute(file, "scenario_files", p.scenario_files);
  h5::set_attribute(file, "overrides", p.overrides);
  h5::set_attribute(file, "fleet_file", p.fleet_path);
  h5::set_attribute(file, "fleet_sha256", p.fleet_sha256);
  h5::set_attribute(file, "command_line", p.command_line);
  h5::set_attribute(file, "started_utc", p.started_utc);
  h5::set_attribute(file, "finished_utc", p.finished_utc);
  h5::set_attribute(file, "unit_years", static_cast<std::int64_t>(r.unit_years));

  GroupWriter root(file, "");
  std::vector<std::int32_t> years;
  for (std::size_t i = 0; i < r.horizon.size(); ++i)
    years.push_back(r.horizon.year(i));
  std::vector<std::string> tech_ids, tech_names, region_ids, company_ids, company_names, contract_ids, buyers;
  for (const auto& t : s.technologies) {
    tech_ids.push_back(t.id);
    tech_names.push_back(t.name);
  }
  for (const auto& g : s.regions)
    region_ids.push_back(g.id);
  for (const auto& c : s.companies) {
    company_ids.push_back(c.id);
    company_names.push_back(c.name);
  }
  for (const auto& o : s.policy.offtakes) {
    contract_ids.push_back(o.id);
    buyers.push_back(o.buyer);
  }
  root.ints("year", years);
  root.strings("technology", tech_ids);
  root.strings("region", region_ids);
  root.strings("company", company_ids);
  root.strings("contract", contract_ids);
  root.strings("technology_name", tech_names);
  root.strings("company_name", company_names);
  root.strings("contract_buyer", buyers);
  root.doubles("production", r.production);
  root.doubles("capacity", r.capacity);
  std::vector<double> total(r.horizon.size());
  for (std::size_t y = 0; y < total.size(); ++y)
    total[y] = r.total_emissions(y);
  root.doubles("emissions", total);
  root.doubles("emissions_direct", r.emissions);
  root.doubles("emissions_indirect", r.indirect);
  root.doubles("captured_co2", r.captured);
  root.doubles("demand", r.demand);
  root.doubles("unmet_demand", r.unmet_demand);
  root.doubles("steel_price", r.steel_price);
  root.doubles("scrap_use", r.scrap_used);
  root.doubles("carbon_price", r.carbon_price);
  root.doubles("investment", r.investment);
  root.doubles("allowance_price", r.allowance_price);
  root.doubles("ets_cap", r.ets_cap);
  root.doubles("ets_emissions", r.ets_emissions);
  root.doubles("subsidies_paid", r.subsidies_paid);
  root.doubles("subsidies_unpaid", r.subsidies_unpaid);
  root.doubles("fund_spent", r.fund_spent);
  root.doubles("stranded_capacity", r.stranded);
  root.doubles("company_production", r.company_production);
  root.doubles("company_emissions", r.company_emissions);
  root.doubles("company_revenue", r.company_revenue);
  root.doubles("internal_carbon_price", r.internal_price);
  root.doubles("company_costs", r.company_costs);
  root.doubles("company_investment", r.company_investment);
  root.doubles("company_subsidies", r.company_subsidies);
  root.doubles("company_cash", r.company_cash);
  root.doubles("offtake_volume", r.offtake_volume);
  root.doubles("offtake_premium", r.offtake_premium);
  root.doubles("capex_factor", r.capex_factor);

  h5::Handle g = h5::create_group(file, "decisions");
  GroupWriter dec(g, "decisions", &root);
  const auto& ds = r.decisions;
  std::vector<std::int32_t> index(ds.size());
  for (std::size_t i = 0; i < index.size(); ++i)
    index[i] = static_cast<std::int32_t>(i);
  auto tech = [&](int k) { return k < 0 ? std::string() : s.technologies[static_cast<std::size_t>(k)].id; };
  auto unit = [&](int i) {
    const auto u = static_cast<std::size_t>(i);
    return u < s.units.size() ? s.units[u].id : r.new_units.at(u - s.units.size());
  };
  static const char* reasons[] = {"campaign_end", "end_of_life", "stranded", "expansion"};
  static const char* actions[] = {"reline", "switch", "close", "build", "defer"};
  dec.ints("decision", index);
  dec.ints("decision_year", column<std::int32_t>(ds, [](const Decision& d) { return d.year; }));
  dec.strings("unit_id", column<std::string>(ds, [&](const Decision& d) { return unit(d.unit); }));
  dec.strings("from_technology",
              column<std::string>(ds, [&](const Decision& d) { return tech(d.from_technology); }));
  dec.strings("to_technology",
              column<std::string>(ds, [&](const Decision& d) { return tech(d.to_technology); }));
  dec.strings("reason",
              column<std::string>(ds, [](const Decision& d) { return reasons[static_cast<int>(d.reason)]; }));
  dec.strings("action",
              column<std::string>(ds, [](const Decision& d) { return actions[static_cast<int>(d.action)]; }));
  dec.doubles("lcos_chosen", column<double>(ds, [](const Decision& d) { return d.lcos_chosen; }));
  dec.doubles("lcos_reline", column<double>(ds, [](const Decision& d) { return d.lcos_reline; }));
  dec.doubles("lcos_options", r.decision_lcos);
}

} // namespace

void write_results(const std::string& path, const Scenario& scenario, const MemberResult& result,
                   const Provenance& provenance) {
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const fs::path partial = target.string() + ".partial";
  try {
    {
      h5::Handle file = h5::create_file(partial.string());
      write_contents(file, scenario, result, provenance);
      h5::check(H5Fflush(file, H5F_SCOPE_GLOBAL), "H5Fflush");
    }
    fs::rename(partial, target);
  } catch (const fs::filesystem_error& e) {
    fs::remove(partial, ec);
    throw OutputError(path + ": cannot write results: " + e.code().message());
  } catch (...) {
    fs::remove(partial, ec);
    throw;
  }
}

} // namespace steelpath
