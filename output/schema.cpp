#include "output/schema.hpp"

#include <stdexcept>
#include <string>

namespace steelpath::schema {

const Variable& find(std::string_view group, std::string_view name) {
  for (const auto& v : variables())
    if (v.group == group && v.name == name) return v;
  throw std::out_of_range("schema has no variable " + std::string(group) + "/" + std::string(name));
}

} // namespace steelpath::schema
