// SPDX-License-Identifier: GPL-2.0-only
#include "sim/scenario/diag.h"

#include <fmt/format.h>

namespace sim::scenario {

scenario_error::scenario_error(const std::string &file, source_loc loc, const std::string &message)
	: std::runtime_error(fmt::format("{}:{}:{}: error: {}", file, loc.line, loc.col, message)),
	  file_(file), loc_(loc), message_(message)
{
}

} // namespace sim::scenario
