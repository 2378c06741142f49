// SPDX-License-Identifier: GPL-2.0-only
// The part of GNU make that kbuild's first pass needs to read a module's Kbuild or Makefile:
// variables (=, :=, ::=, +=, ?=, !=), references and substitution references, the usual text
// functions, conditionals, include. Rules and their recipes are read past, as kbuild's pass
// over an external module's Makefile never runs them.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sim::make {

// "FILE:LINE: error: MESSAGE", the form every slabsim input error takes.
struct error : std::runtime_error {
	using std::runtime_error::runtime_error;
};

struct variable {
	std::string value;
	bool recursive = false; // '=' and '?=': expanded when referenced, not when assigned
};

struct state {
	std::map<std::string, variable, std::less<>> vars;
	std::filesystem::path cwd; // where make runs ($(shell), $(wildcard), relative includes)
	std::string file;          // the line being read, for errors
	int line = 0;
	int depth = 0;             // of variable expansion and include, against loops

	// Expands every reference in `text`.
	std::string expand(std::string_view text);
	// The value of a variable, expanded; "" when undefined.
	std::string value(std::string_view name);
	[[noreturn]] void fail(const std::string &message) const;
};

// Reads one makefile into `st`, following its includes.
void read_makefile(state &st, const std::filesystem::path &file);

// Whitespace-separated words, as make splits lists.
std::vector<std::string> words(std::string_view text);

} // namespace sim::make
