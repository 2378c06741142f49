// SPDX-License-Identifier: GPL-2.0-only
// The scenario parser: tokens to a syntax tree, or one error naming what was expected.
#pragma once

#include "sim/scenario/ast.h"

#include <string>
#include <string_view>

namespace sim::scenario {

// Parses a whole scenario. Throws scenario_error at the first problem: a scenario that does not
// parse is never partly run.
script parse(const std::string &file, std::string_view source);

// What a scenario teaches: the first sentence of its opening comment ("" if it has none).
std::string opening_comment(std::string_view source);

} // namespace sim::scenario
