// SPDX-License-Identifier: GPL-2.0-only
// The scenario compiler's entry points: resolve every name, check every rule docs/scenarios.md
// states and compile the tree into a program (compile.h and compile_*.cpp). `slabsim check` is
// this and nothing more, hence the header's name.
#pragma once

#include "sim/scenario/program.h"

#include <string>
#include <string_view>

namespace sim::scenario {

// Throws scenario_error at the first problem.
program check(const script &s);

// parse() then check(): a scenario from its text.
program compile(const std::string &file, std::string_view source);

// Reads FILE and compiles it; an unreadable file is a scenario_error at 0:0 too.
program compile_file(const std::string &path);

} // namespace sim::scenario
