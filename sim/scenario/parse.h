// SPDX-License-Identifier: GPL-2.0-only
// What the files of the parser share: a recursive descent over the lexer's tokens, one
// function per statement, each consuming a whole statement or throwing scenario_error naming
// what it expected where it stopped. Grouped by the file that defines each function. Not an
// API: that is parser.h.
#pragma once

#include "sim/scenario/ast.h"
#include "sim/scenario/lexer.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

// Where a statement stands decides which statements it may contain.
enum class where { top, task, interrupt, at, when };
const char *where_name(where w); // "in a task", ... (parse_stmt.cpp)

enum class units { none, size };

struct parser {
	parser(const std::string &file, std::vector<token> toks) : file_(file), t_(std::move(toks)) {}

	const token &cur() const { return t_[i_]; }
	const token &next() const { return t_[std::min(i_ + 1, t_.size() - 1)]; }
	bool at_eof() const { return cur().kind == tok::eof; }
	const token &take() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }

	// ---- parser.cpp: tokens, names, numbers, expressions, blocks ----
	block top();
	void skip_newlines();
	[[noreturn]] void fail(source_loc at, const std::string &msg) const;
	[[noreturn]] void expected(const std::string &what) const;
	bool accept_word(std::string_view w);
	bool accept_punct(std::string_view p);
	void word(std::string_view w);
	void punct(std::string_view p);
	void end_of_line();
	name_ref name(const char *what);
	std::uint64_t plain_number(const char *what);
	std::uint8_t byte_value();
	std::uint64_t scaled(const token &t, units u);
	expr primary(units u);
	expr product(units u);
	expr sum(units u);
	static expr binary(expr l, char op, expr r);
	duration time();
	objref object();
	gfp_spec gfp();
	block body(where w, const std::string &opener, source_loc opened);

	// ---- parse_stmt.cpp: statements by keyword; the top level's declarations ----
	stmt statement(where w);
	machine_stmt machine();
	cache_stmt cache();
	pool_stmt pool();

	// ---- parse_calls.cpp: statements with arguments, and the kernel calls ----
	hog_stmt hog();
	fault_stmt fault(name_ref knob);
	print_stmt print();
	expect_stmt expect();
	alloc_stmt alloc();
	decltype(stmt::node) call(where w);

	const std::string &file_;
	std::vector<token> t_;
	std::size_t i_ = 0;
};

} // namespace sim::scenario
