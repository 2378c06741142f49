// SPDX-License-Identifier: GPL-2.0-only
#include "sim/scenario/lexer.h"

#include <fmt/format.h>

namespace sim::scenario {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

class lexer {
public:
	lexer(const std::string &file, std::string_view src) : file_(file), src_(src) {}

	std::vector<token> run()
	{
		std::vector<token> out;
		// After a line's leading `insmod`, words are file paths, as in a shell.
		bool paths = false;
		while (pos_ < src_.size()) {
			char c = src_[pos_];
			if (c == ' ' || c == '\t' || c == '\r') {
				advance();
			} else if (c == '#') {
				while (pos_ < src_.size() && src_[pos_] != '\n')
					advance();
			} else if (c == '\n') {
				out.push_back({tok::newline, "", 0, here()});
				advance();
				paths = false;
			} else if (paths && c != '"') {
				out.push_back(path());
			} else if (is_alpha(c)) {
				out.push_back(word());
				paths = out.back().text == "insmod" && (out.size() == 1 || out[out.size() - 2].kind == tok::newline);
			} else if (is_digit(c)) {
				out.push_back(number());
			} else if (c == '"') {
				out.push_back(string());
			} else {
				out.push_back(punct());
			}
		}
		out.push_back({tok::newline, "", 0, here()});
		out.push_back({tok::eof, "", 0, here()});
		return out;
	}

private:
	source_loc here() const { return {line_, col_}; }

	void advance()
	{
		if (src_[pos_] == '\n') {
			++line_;
			col_ = 1;
		} else {
			++col_;
		}
		++pos_;
	}

	char peek(std::size_t ahead = 0) const
	{
		return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
	}

	[[noreturn]] void fail(source_loc at, const std::string &msg) const
	{
		throw scenario_error(file_, at, msg);
	}

	token word()
	{
		token t{tok::word, "", 0, here()};
		for (;;) {
			while (is_alnum(peek()))
				t.text += peek(), advance();
			if (peek() != '-' || !is_alnum(peek(1)))
				return t;
			t.text += '-';
			advance();
		}
	}

	token number()
	{
		token t{tok::number, "", 0, here()};
		bool hex = peek() == '0' && (peek(1) == 'x' || peek(1) == 'X');
		unsigned base = hex ? 16 : 10;
		if (hex) {
			advance(), advance();
			if (!is_hex(peek()))
				fail(here(), "expected hexadecimal digits after '0x'");
		}
		while (hex ? is_hex(peek()) : is_digit(peek())) {
			char c = peek();
			unsigned d = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
			if (t.value > (UINT64_MAX - d) / base)
				fail(t.loc, "number is too large (the limit is 2^64-1)");
			t.value = t.value * base + d;
			advance();
		}
		while (is_alpha(peek()))
			t.text += peek(), advance();
		if (peek() == '%' && t.text.empty())
			t.text = "%", advance();
		if (is_digit(peek()))
			fail(here(), fmt::format("unexpected digit after unit '{}'", t.text));
		return t;
	}

	token string()
	{
		token t{tok::string, "", 0, here()};
		advance();
		for (;;) {
			char c = peek();
			if (pos_ >= src_.size() || c == '\n')
				fail(t.loc, "unterminated string: expected '\"' before the end of the line");
			if (c == '"') {
				advance();
				return t;
			}
			if (c == '\\' && (peek(1) == '"' || peek(1) == '\\'))
				advance(), c = peek();
			t.text += c;
			advance();
		}
	}

	// A bare path (a string token): everything up to a blank or a comment.
	token path()
	{
		token t{tok::string, "", 0, here()};
		while (pos_ < src_.size() && std::string_view(" \t\r\n#\"").find(peek()) == std::string_view::npos) {
			printable(peek());
			t.text += peek();
			advance();
		}
		return t;
	}

	void printable(char c) const
	{
		unsigned char u = static_cast<unsigned char>(c);
		if (u < 0x20 || u >= 0x7f)
			fail(here(), fmt::format("unexpected byte 0x{:02x}: scenarios are plain ASCII text", u));
	}

	token punct()
	{
		token t{tok::punct, "", 0, here()};
		char c = peek();
		static constexpr std::string_view two[] = {"==", "!=", "<=", ">="};
		for (auto op : two)
			if (c == op[0] && peek(1) == op[1]) {
				t.text = op;
				advance(), advance();
				return t;
			}
		if (std::string_view("()[],.=|+-*/<>").find(c) == std::string_view::npos) {
			printable(c);
			fail(t.loc, fmt::format("unexpected character '{}'", c));
		}
		t.text = c;
		advance();
		return t;
	}

	const std::string &file_;
	std::string_view src_;
	std::size_t pos_ = 0;
	std::uint32_t line_ = 1, col_ = 1;
};

} // namespace

std::string describe(const token &t)
{
	switch (t.kind) {
	case tok::word:
	case tok::punct:
		return fmt::format("'{}'", t.text);
	case tok::number:
		return fmt::format("'{}{}'", t.value, t.text);
	case tok::string:
		return fmt::format("\"{}\"", t.text);
	case tok::newline:
		return "end of line";
	case tok::eof:
		break;
	}
	return "end of file";
}

std::vector<token> lex(const std::string &file, std::string_view source)
{
	return lexer(file, source).run();
}

} // namespace sim::scenario
