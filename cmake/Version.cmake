# The git commit goes into every results file (provenance). Outside a git
# checkout it is "unknown"; "-dirty" marks uncommitted changes.
find_package(Git QUIET)
set(STEELPATH_GIT_COMMIT "unknown")
if(GIT_FOUND AND EXISTS ${PROJECT_SOURCE_DIR}/.git)
  execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --abbrev=12
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                  OUTPUT_VARIABLE _git OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE _git_rc ERROR_QUIET)
  if(_git_rc EQUAL 0 AND _git)
    set(STEELPATH_GIT_COMMIT ${_git})
  endif()
endif()
configure_file(${PROJECT_SOURCE_DIR}/engine/version.hpp.in
               ${PROJECT_BINARY_DIR}/generated/steelpath/version.hpp @ONLY)
