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

#include "sim/scenario/runner.h"

namespace scenario_test {

inline sim::scenario::outcome run_text(const std::string &source, sim::scenario::run_options o = {})
{
	return sim::scenario::run(sim::scenario::compile("t.scn", source), o);
}

// The error line a run stopped with, or "" when it ran to its end.
inline std::string run_error_of(const std::string &source)
{
	try {
		run_text(source);
	} catch (const sim::scenario::scenario_error &e) {
		return e.what();
	}
	return "";
}

// The failure lines of a run, one per failed expectation.
inline std::string failures(const sim::scenario::outcome &r)
{
	std::string out;
	for (const auto &e : r.expectations)
		if (!e.passed)
			out += sim::scenario::failure_line("t.scn", e) + "\n";
	return out;
}

} // namespace scenario_test
