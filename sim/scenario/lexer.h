// SPDX-License-Identifier: GPL-2.0-only
// The scenario lexer: a line-oriented token stream.
//
// A scenario is a sequence of lines; a newline ends a statement, '#' starts a comment.
// Numbers carry their unit suffix ("64M", "5ms", "90%") as one token, so "5 ms" is a number
// followed by a word and the parser can say which unit it expected.
#pragma once

#include "sim/scenario/diag.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

enum class tok {
	word,    // identifier or keyword: [A-Za-z_][A-Za-z0-9_]*, '-' joins words ("kmalloc-128")
	number,  // decimal or 0x hex, with an optional unit suffix
	string,  // "text"; the quotes are dropped, \" and \\ are the only escapes
	         // (also a bare path after a leading `insmod`, up to a blank or a comment)
	punct,   // ( ) [ ] , . = | + - * / and the comparisons == != < <= > >=
	newline, // end of a statement
	eof,
};

struct token {
	tok kind;
	std::string text;        // the word, the punctuation, the string's contents, the unit
	std::uint64_t value = 0; // numbers only
	source_loc loc;

	bool is(tok k, std::string_view t) const { return kind == k && text == t; }
	bool is_word(std::string_view t) const { return is(tok::word, t); }
	bool is_punct(std::string_view t) const { return is(tok::punct, t); }
};

// How a token reads in a message: 'hogg', '5ms', "text", end of line, end of file.
std::string describe(const token &t);

// Splits `source` into tokens; throws scenario_error (naming `file`) on a character no token
// can start with, an unterminated string or a number too large for 64 bits. The result always
// ends with a newline token and an eof token.
std::vector<token> lex(const std::string &file, std::string_view source);

} // namespace sim::scenario
