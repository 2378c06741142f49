// SPDX-License-Identifier: GPL-2.0-only
// libFuzzer target: compiles *and runs* its input as a scenario (scenario_run.h). Built by
// tests/fuzz/run.sh scenario (clang only).
#include "scenario_run.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
	return fuzz_scenario(data, size) ? 0 : -1;
}
