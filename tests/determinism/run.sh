#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# ctest driver: tests/determinism/run.sh SLABSIM SCENARIO [RUNS]
# Runs `slabsim run --trace FILE SCENARIO` RUNS times (default 2), each in a new process
# with the host's ASLR on and an environment of a different size (so the stack moves too),
# and fails unless every run's exit status, stdout, stderr and trace are byte-identical to
# the first's. Prints how many distinct outputs the runs gave. Exits 77 (skipped) when the
# host's ASLR is off: the runs would then not show what they are meant to.
set -eu
slabsim=$1 scenario=$2 runs=${3:-2}

aslr=$(cat /proc/sys/kernel/randomize_va_space 2>/dev/null || echo 0)
if [ "$aslr" != 2 ]; then
  echo "ASLR is off (/proc/sys/kernel/randomize_va_space is $aslr, not 2): nothing to compare"
  exit 77
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pad=
i=1
while [ "$i" -le "$runs" ]; do
  # 4 KiB more environment per run moves the initial stack by at least a page.
  pad="$pad$(printf '%04096d' 0)"
  set +e
  env SLABSIM_DETERMINISM_PAD="$pad" "$slabsim" run --trace "$dir/trace" "$scenario" \
    >"$dir/stdout" 2>"$dir/stderr"
  echo "exit status $?" >"$dir/status"
  set -e
  cat "$dir/status" "$dir/stdout" "$dir/stderr" "$dir/trace" >"$dir/run$i"
  i=$((i + 1))
done

variants=$(cksum "$dir"/run* | cut -d' ' -f1,2 | sort -u | wc -l)
echo "$scenario: $variants distinct output(s) in $runs runs"
i=2
status=0
while [ "$i" -le "$runs" ]; do
  if ! cmp -s "$dir/run1" "$dir/run$i"; then
    echo "run $i differs from run 1:"
    diff "$dir/run1" "$dir/run$i" | head -20
    status=1
  fi
  i=$((i + 1))
done
exit $status
