# STEELPATH_SANITIZE=ON builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer; any report aborts the program so CTest sees it.
if(STEELPATH_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_compile_options(${_san})
  add_link_options(${_san})
endif()

# STEELPATH_TSAN=ON: ThreadSanitizer (scripts/test --tsan). Clang only: with
# clang, OpenMP is LLVM's libomp, whose barriers TSan understands (through
# its Archer tool); GCC's libgomp is not instrumented and gives false races.
if(STEELPATH_TSAN)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "STEELPATH_TSAN needs clang (CXX=clang++-14): GCC's libgomp gives false positives under TSan")
  endif()
  if(STEELPATH_SANITIZE OR STEELPATH_FUZZ)
    message(FATAL_ERROR "STEELPATH_TSAN cannot be combined with STEELPATH_SANITIZE or STEELPATH_FUZZ")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

# STEELPATH_FUZZ=ON: the libFuzzer harnesses of tests/fuzz (scripts/fuzz).
# Every library is instrumented for coverage (fuzzer-no-link) and built with
# AddressSanitizer and UBSan; only the harnesses link libFuzzer's main.
if(STEELPATH_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "STEELPATH_FUZZ needs clang with libFuzzer (CXX=clang++-14, libclang-rt-14-dev)")
  endif()
  if(STEELPATH_SANITIZE)
    message(FATAL_ERROR "STEELPATH_FUZZ already builds with ASan and UBSan: leave STEELPATH_SANITIZE off")
  endif()
  set(_fuzz_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_compile_options(-fsanitize=fuzzer-no-link ${_fuzz_san})
  add_link_options(${_fuzz_san})
endif()
