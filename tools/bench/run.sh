#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The full benchmark run (see /work/shared/reference/benchmarking.md §6): a release build,
# every tools/bench/<name>.cpp as its own process, pinned to one CPU without ASLR, 9
# repetitions in random interleaving; prints each benchmark's median and its ratio to the
# peer it is paired with in tools/bench/ratio.py.
#   tools/bench/run.sh [bench-name ...]     (default: all)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/release
[ -f "$build/CMakeCache.txt" ] || cmake --preset release >/dev/null
names=("$@")
if ((${#names[@]} == 0)); then
  for f in tools/bench/*.cpp; do names+=("$(basename "$f" .cpp)"); done
fi
cmake --build "$build" -j "$(nproc)" --target "${names[@]/#/bench_}" >/dev/null
out=$(mktemp -d)
for n in "${names[@]}"; do
  setarch "$(uname -m)" -R taskset -c "$(( $(nproc) - 1 ))" "$build/bench/bench_$n" \
    --benchmark_repetitions=9 --benchmark_enable_random_interleaving=true \
    --benchmark_min_time=0.1 --benchmark_report_aggregates_only=true \
    --benchmark_format=json >"$out/$n.json"
done
python3 tools/bench/ratio.py "$out"/*.json
