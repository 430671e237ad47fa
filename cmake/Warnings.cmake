# Project-wide warning flags, applied through an interface target so that
# third-party code (Catch2, yaml-cpp headers) is not affected.
add_library(steelpath_warnings INTERFACE)
target_compile_options(steelpath_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(STEELPATH_WERROR)
  target_compile_options(steelpath_warnings INTERFACE -Werror)
endif()
