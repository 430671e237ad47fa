#include "ensemble/design_table.hpp"

namespace steelpath::ensemble {

EnsembleDesignTable design_table(const Design& d, const std::vector<TargetCheck>& targets) {
  EnsembleDesignTable t;
  for (const auto& target : targets) {
    t.target_labels.push_back(target.label);
    t.target_years.push_back(target.year);
  }
  t.lever_paths = d.axis_paths();
  for (const auto& s : d.settings()) {
    t.setting_labels.push_back(s.label);
    t.setting_packages.push_back(s.package);
    t.lever_values.insert(t.lever_values.end(), s.axis_values.begin(), s.axis_values.end());
    t.lever_texts.insert(t.lever_texts.end(), s.axis_texts.begin(), s.axis_texts.end());
  }
  for (const auto& u : d.plan().uncertainties) {
    t.parameter_paths.push_back(u.path);
    t.parameter_distributions.push_back(u.distribution);
    t.parameter_scale.push_back(u.scale ? 1 : 0);
  }
  t.samples = d.rows();
  t.base_samples = d.dims() > 0 ? d.plan().samples : 1;
  t.replicates = d.replicates();
  for (std::size_t r = 0; r < d.rows(); ++r)
    for (std::size_t k = 0; k < d.dims(); ++k) {
      t.sample_unit.push_back(d.unit(r, k));
      t.sample_value.push_back(d.value(r, k));
    }
  t.sampling = d.dims() > 0 ? std::string(to_string(d.sampling())) : "none";
  t.seed = d.seed();
  t.company_series = d.plan().company_series;
  t.reference_setting = d.reference_setting();
  return t;
}

} // namespace steelpath::ensemble
