#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# ctest driver: tests/gdb/run.sh BUILD_DIR SCRIPT SCENARIO
# Opens BUILD_DIR/slabsim in gdb with BUILD_DIR added to auto-load's safe path, as the
# README tells users to, so the helpers load from slabsim-gdb.py beside the binary; then
# runs SCRIPT (through gdbcheck.run) against `slabsim run --trace … SCENARIO`.
set -eu
build=$1 script=$2 scenario=$3
here=$(cd "$(dirname "$0")" && pwd)
trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
gdb -batch -nx \
  -iex "add-auto-load-safe-path $build" \
  -iex "set pagination off" -iex "set confirm off" \
  -iex "python import sys; sys.path.insert(0, '$here')" \
  -ex "python import gdbcheck; gdbcheck.run('$script')" \
  --args "$build/slabsim" run --quiet --trace "$trace" "$scenario"
