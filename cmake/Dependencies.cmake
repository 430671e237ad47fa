# Every dependency is a Debian package (scripts/setup installs them); nothing is
# downloaded at build time. README.md says what each one is for.
find_package(Eigen3 3.4 REQUIRED NO_MODULE)          # libeigen3-dev: cost and emission matrix products
find_package(yaml-cpp REQUIRED)                      # libyaml-cpp-dev: scenario files
find_package(HDF5 REQUIRED COMPONENTS C HL)          # libhdf5-dev: results files (C API + dimension scales)
find_package(CLI11 REQUIRED)                         # libcli11-dev: command line
find_package(OpenSSL REQUIRED COMPONENTS Crypto)     # libssl-dev: SHA-256 of scenarios and data (provenance)
find_package(ZLIB REQUIRED)                          # zlib1g-dev: compress members in worker threads, journal CRCs
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate) # libdeflate-dev: members' chunks, zlib format, fast
find_package(OpenMP REQUIRED COMPONENTS CXX)         # GCC's libgomp: ensemble members (and their statistics) across cores
# librandom123-dev is header-only (Random123/philox.h); fail early with a clear message.
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
if(STEELPATH_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)                    # catch2 (v2): unit tests
endif()
if(STEELPATH_BUILD_BENCH)
  find_package(benchmark QUIET)                      # libbenchmark-dev: benchmarks (optional)
endif()
if(STEELPATH_MPI)
  find_package(MPI REQUIRED COMPONENTS CXX)          # libopenmpi-dev: cluster ensembles
endif()

# yaml-cpp 0.7 on Debian exports the target "yaml-cpp" without a namespace.
if(TARGET yaml-cpp AND NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()

# HDF5 as one imported target with its include directories and HL library.
add_library(steelpath_hdf5 INTERFACE)
target_include_directories(steelpath_hdf5 SYSTEM INTERFACE ${HDF5_INCLUDE_DIRS})
target_link_libraries(steelpath_hdf5 INTERFACE ${HDF5_HL_LIBRARIES} ${HDF5_C_LIBRARIES})
target_compile_definitions(steelpath_hdf5 INTERFACE ${HDF5_DEFINITIONS})

# The Python interpreter for the output checks: the first one that imports
# h5py, xarray and h5netcdf (Debian's /usr/bin/python3 after scripts/setup).
set(STEELPATH_PYTHON "" CACHE FILEPATH "Python interpreter with h5py, xarray, h5netcdf")
if(NOT STEELPATH_PYTHON)
  foreach(_py /usr/bin/python3 python3)
    find_program(_py_path NAMES ${_py} NO_CACHE)
    if(_py_path)
      execute_process(COMMAND ${_py_path} -c "import h5py, xarray, h5netcdf, pandas"
                      RESULT_VARIABLE _py_ok OUTPUT_QUIET ERROR_QUIET)
      if(_py_ok EQUAL 0)
        set(STEELPATH_PYTHON ${_py_path} CACHE FILEPATH "" FORCE)
        break()
      endif()
    endif()
    unset(_py_path)
  endforeach()
endif()
if(NOT STEELPATH_PYTHON)
  message(WARNING "No Python interpreter imports h5py, xarray, h5netcdf and pandas: "
                  "the Python output checks will fail. Run scripts/setup (installs "
                  "python3-h5py python3-xarray python3-h5netcdf python3-pandas).")
endif()

# R with hdf5r, for the check that R reads the files with named dimensions
# (scripts/steelpath_read.R; Debian's r-base-core and r-cran-hdf5r after
# scripts/setup).
find_program(RSCRIPT NAMES Rscript)
if(RSCRIPT)
  execute_process(COMMAND ${RSCRIPT} -e "library(hdf5r)" RESULT_VARIABLE _r_ok OUTPUT_QUIET ERROR_QUIET)
  if(NOT _r_ok EQUAL 0)
    set(RSCRIPT "")
  endif()
endif()
if(NOT RSCRIPT)
  message(WARNING "No Rscript with the hdf5r package: the R reading check is left out. Run scripts/setup "
                  "(installs r-base-core r-cran-hdf5r).")
endif()
