#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# ctest driver: tests/gdb/run.sh BUILD_DIR SCRIPT SCENARIO
# Opens BUILD_DIR/slabsim in gdb with auto-load trusted for BUILD_DIR only (so the helpers
# load as a user's gdb would load them), and runs SCRIPT against `slabsim run SCENARIO`.
set -eu
build=$1 script=$2 scenario=$3
here=$(cd "$(dirname "$0")" && pwd)
trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
exec gdb -batch -nx \
  -iex "set auto-load safe-path $build" \
  -iex "set pagination off" -iex "set confirm off" \
  -iex "python import sys; sys.path.insert(0, '$here')" \
  -ex "python import gdbcheck; gdbcheck.run('$script')" \
  --args "$build/slabsim" run --quiet --trace "$trace" "$scenario"
