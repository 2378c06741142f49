#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# ctest driver: tests/gdb/core.sh BUILD_DIR SCENARIO
# Dumps a core of `slabsim run SCENARIO` in gdb (core_write.py), then opens the core alone
# and checks the commands against what the simulator printed at the dump (core_read.py).
set -eu
build=$1 scenario=$2
here=$(cd "$(dirname "$0")" && pwd)
SLABSIM_GDBTEST_DIR=$(mktemp -d)
export SLABSIM_GDBTEST_DIR
trap 'rm -rf "$SLABSIM_GDBTEST_DIR"' EXIT
"$here/run.sh" "$build" "$here/core_write.py" "$scenario"
gdb -batch -nx \
  -iex "add-auto-load-safe-path $build" \
  -iex "set pagination off" -iex "set confirm off" \
  -iex "python import sys; sys.path.insert(0, '$here')" \
  -ex "python import gdbcheck; gdbcheck.run('$here/core_read.py')" \
  "$build/slabsim" "$SLABSIM_GDBTEST_DIR/core"
