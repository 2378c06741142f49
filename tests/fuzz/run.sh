#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Fuzzes the scenario parser and checker with libFuzzer (clang's -fsanitize=fuzzer, with ASan
# and UBSan). The corpus is tests/fuzz/corpus/ (the bundled scenarios are added as seeds);
# new interesting inputs are written back into it.
#   tests/fuzz/run.sh [SECONDS]     (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
build=build/fuzz
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$san -fsanitize=fuzzer-no-link" -DCMAKE_C_FLAGS="$san" >/dev/null
cmake --build "$build" -j "$(nproc)" --target slabsim_core >/dev/null
clang++ -std=c++20 -g -O1 $san -fsanitize=fuzzer -I. -iquote kernel_compat/include \
  tests/fuzz/parser_fuzz.cc "$build/libslabsim_core.a" -lfmt -lboost_context -ldl -lpthread \
  -o "$build/parser_fuzz"
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
find scenarios -name '*.scn' -exec cp {} "$seeds"/ \;
"$build/parser_fuzz" -max_total_time="$secs" -max_len=4096 -timeout=5 tests/fuzz/corpus "$seeds"
# Keep the corpus small enough to commit: tests/fuzz/run.sh merges into it; prune inputs over
# 400 bytes with `find tests/fuzz/corpus -size +400c -delete` before committing.
