# Shared helpers for the scripts in this folder (sourced, not run).
set -euo pipefail
STEELPATH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="$(nproc 2>/dev/null || echo 2)"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# configure_and_build BUILD_DIR [extra cmake args...]
# STEELPATH_WERROR=ON: warnings are errors. STEELPATH_QUIET_BUILD=1: compiler
# output goes to BUILD_DIR/build.log and is shown only if the build fails.
configure_and_build() {
  local dir="$1"; shift
  local werror="${STEELPATH_WERROR:-OFF}"
  mkdir -p "$dir"
  say "configuring $dir (warnings as errors: $werror)"
  cmake -S "$STEELPATH_ROOT" -B "$dir" -DSTEELPATH_WERROR="$werror" "$@" >"$dir/configure.log" 2>&1 \
    || { cat "$dir/configure.log" >&2; die "cmake configure failed (log: $dir/configure.log)"; }
  grep -E '^CMake Warning' -A4 "$dir/configure.log" >&2 || true
  say "building $dir with $JOBS jobs"
  if [[ "${STEELPATH_QUIET_BUILD:-0}" == 1 ]]; then
    cmake --build "$dir" -j "$JOBS" >"$dir/build.log" 2>&1 \
      || { tail -n 60 "$dir/build.log" >&2; die "build failed (log: $dir/build.log)"; }
  else
    cmake --build "$dir" -j "$JOBS"
  fi
}
