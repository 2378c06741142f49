// SPDX-License-Identifier: GPL-2.0-only
// Shared by the scenario tests: compile or run a scenario given as text.
#pragma once

#include "sim/scenario/check.h"

#include <string>

namespace scenario_test {

// The one error line a malformed scenario gets, or "" when it compiles.
inline std::string error_of(const std::string &source)
{
	try {
		sim::scenario::compile("t.scn", source);
	} catch (const sim::scenario::scenario_error &e) {
		return e.what();
	}
	return "";
}

} // namespace scenario_test
