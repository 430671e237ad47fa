# Project-wide warning flags, applied through an interface target so that
# third-party code (Catch2, yaml-cpp headers) is not affected.
add_library(steelpath_warnings INTERFACE)
target_compile_options(steelpath_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
# GCC 12 reports false -Wrestrict warnings inside std::string concatenation
# at -O2 and above (GCC bug 105651, fixed in GCC 13).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(steelpath_warnings INTERFACE -Wno-restrict)
endif()
if(STEELPATH_WERROR)
  target_compile_options(steelpath_warnings INTERFACE -Werror)
endif()
