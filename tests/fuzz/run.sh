#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Fuzzes the scenario language with libFuzzer (clang's -fsanitize=fuzzer, with ASan and UBSan).
#   tests/fuzz/run.sh [SECONDS] [scenario|parser]      (default: 60 scenario)
# scenario: compiles *and runs* each input under caps (scenario_run.cc), one core, in fork mode
#   so a finding is saved (build/fuzz/findings/) and fuzzing goes on. Seeds: the bundled
#   scenarios and tests/fuzz/corpus-run/; the working corpus is build/fuzz/corpus-scenario/.
# parser: the front end only (lexer, parser, checker); corpus tests/fuzz/corpus/.
# A finding replays with build/fuzz/scenario_run_fuzz FILE, or without clang through
# fuzz_replay (tests/fuzz/CMakeLists.txt); commit it under tests/fuzz/regressions/.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
target=${2:-scenario}
build=build/fuzz
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$san -fsanitize=fuzzer-no-link" -DCMAKE_C_FLAGS="$san" >/dev/null
cmake --build "$build" -j 2 --target slabsim_core >/dev/null
link() {
  clang++ -std=c++20 -g -O1 $san -fsanitize=fuzzer -I. -iquote kernel_compat/include \
    "$@" "$build/libslabsim_core.a" -lfmt -lboost_context -ldl -lpthread
}
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
find scenarios -name '*.scn' -exec cp {} "$seeds"/ \;
if [ "$target" = parser ]; then
  link tests/fuzz/parser_fuzz.cc -o "$build/parser_fuzz"
  "$build/parser_fuzz" -max_total_time="$secs" -max_len=4096 -timeout=5 -dict=tests/fuzz/scenario.dict \
    tests/fuzz/corpus "$seeds"
  # Keep the corpus small enough to commit: prune inputs over 400 bytes with
  # `find tests/fuzz/corpus -size +400c -delete` before committing.
  exit
fi
link tests/fuzz/scenario_run_fuzz.cc tests/fuzz/scenario_run.cc -o "$build/scenario_run_fuzz"
mkdir -p "$build/corpus-scenario" "$build/findings"
cp tests/fuzz/corpus-run/* "$seeds"/ 2>/dev/null || true
echo "fuzz: start $(date -u +%FT%TZ), $secs s"
"$build/scenario_run_fuzz" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -dict=tests/fuzz/scenario.dict -artifact_prefix="$build/findings/" \
  "$build/corpus-scenario" "$seeds"
echo "fuzz: end $(date -u +%FT%TZ)"
