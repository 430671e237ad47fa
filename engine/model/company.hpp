// A steelmaker: the agent that owns units and takes their investment decisions.
#pragma once

#include <string>

namespace steelpath {

struct Company {
  std::string id;   ///< e.g. "baowu"
  std::string name; ///< readable name, e.g. "China Baowu Steel Group"
};

} // namespace steelpath
