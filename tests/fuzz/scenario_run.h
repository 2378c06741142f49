// SPDX-License-Identifier: GPL-2.0-only
// The runtime fuzzer's one entry: compile and run a scenario nobody has read, under caps that
// keep every input fast. Shared by the libFuzzer target and the replay driver, so a
// reproducer replays exactly as it was found.
#pragma once

#include <cstddef>
#include <cstdint>

// Compiles and runs `size` bytes as a scenario. A scenario error and any verdict are fine;
// anything else (a crash, a hang, a sanitizer report, another exception) is a finding.
// Returns false for an input it will not run (one that loads modules: that builds C code).
bool fuzz_scenario(const std::uint8_t *data, std::size_t size);
