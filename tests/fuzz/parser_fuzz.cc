// SPDX-License-Identifier: GPL-2.0-only
// libFuzzer target: any bytes given to the scenario front end (lexer, parser, checker) end in
// a program or in one scenario_error; anything else (a crash, a hang, another exception, a
// sanitizer report) is a bug. Built by tests/fuzz/run.sh (clang only); the file is .cc so the
// test glob (tests/<area>/*.cpp) does not make it a Catch2 binary.
#include "sim/scenario/check.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
	try {
		sim::scenario::compile("fuzz.scn", std::string_view(reinterpret_cast<const char *>(data), size));
	} catch (const sim::scenario::scenario_error &) {
	}
	return 0;
}
