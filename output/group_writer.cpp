#include "output/group_writer.hpp"

#include "model/errors.hpp"

namespace steelpath {

const schema::Variable& GroupWriter::spec(std::string_view name) const {
  for (const auto& v : table_)
    if (v.group == group_ && v.name == name) return v;
  throw OutputError("schema has no variable " + group_ + "/" + std::string(name));
}

std::vector<hsize_t> GroupWriter::shape(std::string_view name) const {
  std::vector<hsize_t> dims;
  for (auto d : spec(name).dims)
    dims.push_back(scale(d).second);
  return dims;
}

void GroupWriter::doubles(std::string_view name, std::span<const double> data) {
  const auto& s = spec(name);
  const bool coordinate = s.dims.size() == 1 && s.dims[0] == s.name;
  const std::vector<hsize_t> dims = coordinate ? std::vector<hsize_t>{data.size()} : shape(name);
  finish(s, h5::write_doubles(loc_, std::string(name), data, dims));
}

void GroupWriter::ints(std::string_view name, std::span<const std::int32_t> data) {
  const auto& s = spec(name);
  const bool coordinate = s.dims.size() == 1 && s.dims[0] == s.name;
  finish(s, h5::write_ints(loc_, std::string(name), data, coordinate ? std::vector<hsize_t>{} : shape(name)));
}

void GroupWriter::strings(std::string_view name, const std::vector<std::string>& data) {
  const auto& s = spec(name);
  const bool coordinate = s.dims.size() == 1 && s.dims[0] == s.name;
  finish(s,
         h5::write_strings(loc_, std::string(name), data, coordinate ? std::vector<hsize_t>{} : shape(name)));
}

void GroupWriter::finish(std::string_view name, h5::Handle dataset) {
  finish(spec(name), std::move(dataset));
}

const std::pair<h5::Handle, hsize_t>& GroupWriter::scale(std::string_view dim) const {
  const auto it = scales_.find(dim);
  if (it != scales_.end()) return it->second;
  if (parent_) return parent_->scale(dim);
  throw OutputError("dimension " + std::string(dim) + " written after its use");
}

// A variable named like its only dimension is that dimension's coordinate
// (a dimension scale); every other variable gets the scales attached.
void GroupWriter::finish(const schema::Variable& spec, h5::Handle ds) {
  h5::set_attribute(ds, "units", std::string(spec.units));
  h5::set_attribute(ds, "long_name", std::string(spec.long_name));
  if (!spec.role.empty()) h5::set_attribute(ds, "steelpath_role", std::string(spec.role));
  if (spec.dims.size() == 1 && spec.dims[0] == spec.name) {
    h5::make_dimension_scale(ds, std::string(spec.name));
    const auto n = h5::dataset_dims(loc_, std::string(spec.name)).at(0);
    scales_.emplace(std::string(spec.name), std::make_pair(std::move(ds), n));
    return;
  }
  for (unsigned i = 0; i < spec.dims.size(); ++i)
    h5::attach_scale(ds, scale(spec.dims[i]).first, i);
}

} // namespace steelpath
