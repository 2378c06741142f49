#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The README's two commands:
#   tools/quickstart.sh run [ARGS…]   install what is missing, build, run `slabsim run ARGS…`
#   tools/quickstart.sh test          install what is missing, build, run the whole test suite
#                                     (debug build, then again under ASan+UBSan)
set -euo pipefail
cd "$(dirname "$0")/.."

# Exactly the Debian packages slabsim needs to build and test.
PACKAGES=(build-essential cmake ccache gdb python3 catch2 libfmt-dev libboost-dev
          libboost-context-dev libcli11-dev nlohmann-json3-dev libbenchmark-dev)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

build() {
  local preset=$1
  [ -f "build/$preset/CMakeCache.txt" ] || cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)"
}

cmd=${1:-}
shift || true
case "$cmd" in
  run)
    install_missing
    build debug >/dev/null
    exec build/debug/slabsim run "$@"
    ;;
  test)
    install_missing
    build debug
    ctest --preset debug -j "$(nproc)"
    # The suite again under AddressSanitizer and UBSan (fiber stacks carry the sanitizer's
    # switch annotations); gdb's tests are left out there, see CMakePresets.json.
    build asan
    ctest --preset asan -j "$(nproc)"
    ;;
  *)
    echo "usage: tools/quickstart.sh run [ARGS…] | test" >&2
    exit 2
    ;;
esac
