// SPDX-License-Identifier: GPL-2.0-only
// Where a scenario says something, and the one error a malformed scenario gets.
//
// Every node of a parsed scenario carries a source_loc, so every message, from the lexer to
// a failed expectation at run time, can name FILE:LINE:COL the way a compiler does.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace sim::scenario {

struct source_loc {
	std::uint32_t line = 0; // 1-based
	std::uint32_t col = 0;  // 1-based, in bytes
};

// A malformed scenario. `what()` is the whole "FILE:LINE:COL: error: message" line.
class scenario_error : public std::runtime_error {
public:
	scenario_error(const std::string &file, source_loc loc, const std::string &message);

	const std::string &file() const { return file_; }
	source_loc loc() const { return loc_; }
	const std::string &message() const { return message_; }

private:
	std::string file_;
	source_loc loc_;
	std::string message_;
};

} // namespace sim::scenario
