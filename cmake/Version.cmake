# The git commit goes into every results file (provenance). It is read at
# every build, not only at configure time, so a file never names a stale
# commit; version.hpp is rewritten only when the text changes.
find_package(Git QUIET)
set(STEELPATH_VERSION_HEADER ${PROJECT_BINARY_DIR}/generated/steelpath/version.hpp)
add_custom_target(steelpath_version
  COMMAND ${CMAKE_COMMAND} -DSRC=${PROJECT_SOURCE_DIR}/engine/version.hpp.in -DDST=${STEELPATH_VERSION_HEADER}
          -DPROJECT_VERSION=${PROJECT_VERSION} -DGIT_EXECUTABLE=${GIT_EXECUTABLE} -DREPO=${PROJECT_SOURCE_DIR}
          -P ${PROJECT_SOURCE_DIR}/cmake/GenerateVersion.cmake
  BYPRODUCTS ${STEELPATH_VERSION_HEADER}
  COMMENT "Recording the git commit in version.hpp")
