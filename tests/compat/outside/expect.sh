#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# expect.sh STATUS EXPECTED stdout|stderr SLABSIM ARGS...: runs `SLABSIM ARGS...`, requires the
# exit status STATUS and the chosen stream to be exactly the file EXPECTED.
status=$1 expected=$2 stream=$3
shift 3
out=$(mktemp)
if [ "$stream" = stdout ]; then "$@" >"$out" 2>/dev/null; else "$@" 2>"$out" >/dev/null; fi
rc=$?
diff -u "$expected" "$out"
same=$?
rm -f "$out"
[ "$rc" -eq "$status" ] || { echo "exit status $rc, expected $status"; exit 1; }
exit $same
