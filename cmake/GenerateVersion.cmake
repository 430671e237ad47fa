# Script mode (cmake -P): writes DST from SRC with PROJECT_VERSION and the
# commit of REPO ("unknown" outside a git checkout; "-dirty" with changes).
set(STEELPATH_GIT_COMMIT "unknown")
if(GIT_EXECUTABLE AND EXISTS ${REPO}/.git)
  execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --abbrev=12
                  WORKING_DIRECTORY ${REPO} OUTPUT_VARIABLE _git OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE _rc ERROR_QUIET)
  if(_rc EQUAL 0 AND _git)
    set(STEELPATH_GIT_COMMIT ${_git})
  endif()
endif()
configure_file(${SRC} ${DST} @ONLY)
