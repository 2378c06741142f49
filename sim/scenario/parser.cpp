// SPDX-License-Identifier: GPL-2.0-only
// The parser's plumbing: tokens, names, numbers with units, expressions, times, object
// references, GFP masks, blocks; and the entry points.
#include "sim/scenario/parse.h"

#include "sim/scenario/parser.h"
#include "sim/scenario/words.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace sim::scenario {

namespace {

constexpr std::array keywords = {"machine", "let",  "cache",  "pool",   "task",    "interrupt", "at",
				 "when",    "run",  "repeat", "sleep",  "yield",   "migrate",   "fill",
				 "hog",     "release", "fragment", "print", "say", "expect", "end", "tune",
				 "insmod",  "rmmod", "dmesg"};

} // namespace

block parser::top()
{
	block out;
	for (;;) {
		skip_newlines();
		if (at_eof())
			return out;
		out.push_back(statement(where::top));
	}
}

void parser::skip_newlines()
{
	while (cur().kind == tok::newline)
		++i_;
}

void parser::fail(source_loc at, const std::string &msg) const
{
	throw scenario_error(file_, at, msg);
}

void parser::expected(const std::string &what) const
{
	fail(cur().loc, fmt::format("expected {}, got {}", what, describe(cur())));
}

bool parser::accept_word(std::string_view w)
{
	if (!cur().is_word(w))
		return false;
	++i_;
	return true;
}

bool parser::accept_punct(std::string_view p)
{
	if (!cur().is_punct(p))
		return false;
	++i_;
	return true;
}

void parser::word(std::string_view w)
{
	if (!accept_word(w))
		expected(fmt::format("'{}'", w));
}

void parser::punct(std::string_view p)
{
	if (!accept_punct(p))
		expected(fmt::format("'{}'", p));
}

void parser::end_of_line()
{
	if (cur().kind != tok::newline)
		expected("end of line");
	++i_;
}

name_ref parser::name(const char *what)
{
	if (cur().kind != tok::word)
		expected(what);
	if (one_of(keywords, cur().text))
		fail(cur().loc, fmt::format("expected {}, got the keyword '{}'", what, cur().text));
	const token &t = take();
	return {t.text, t.loc};
}

std::uint64_t parser::plain_number(const char *what)
{
	if (cur().kind != tok::number || !cur().text.empty())
		expected(what);
	return take().value;
}

std::uint8_t parser::byte_value()
{
	source_loc at = cur().loc;
	std::uint64_t v = plain_number("a byte value such as 0x5a");
	if (v > 0xff)
		fail(at, fmt::format("a byte value is 0 to 255 (0xff), got {}", v));
	return static_cast<std::uint8_t>(v);
}

std::uint64_t parser::scaled(const token &t, units u)
{
	if (t.text.empty())
		return t.value;
	static const std::pair<const char *, unsigned> sizes[] = {
		{"K", 10}, {"k", 10}, {"KB", 10}, {"KiB", 10}, {"kB", 10}, {"M", 20}, {"MB", 20},
		{"MiB", 20}, {"G", 30}, {"GB", 30}, {"GiB", 30}};
	if (u == units::size)
		for (auto [name, shift] : sizes)
			if (t.text == name) {
				if (t.value > (UINT64_MAX >> shift))
					fail(t.loc, "size is too large");
				return t.value << shift;
			}
	if (u == units::size)
		fail(t.loc, fmt::format("unknown size unit '{}': expected K, M or G (powers of 1024)",
					t.text));
	fail(t.loc, fmt::format("expected a plain number here, got '{}{}' (no unit)", t.value, t.text));
}

expr parser::primary(units u)
{
	expr e;
	e.loc = cur().loc;
	if (cur().kind == tok::number) {
		const token &t = take();
		e.value = scaled(t, u);
	} else if (accept_punct("(")) {
		e = sum(u);
		punct(")");
	} else if (cur().kind == tok::word && !one_of(keywords, cur().text)) {
		e.kind = expr::name;
		e.id = take().text;
	} else {
		expected(u == units::size ? "a size such as 256 or 4K" : "a number");
	}
	return e;
}

expr parser::product(units u)
{
	expr e = primary(u);
	while (cur().is_punct("*") || cur().is_punct("/")) {
		char op = take().text[0];
		e = binary(std::move(e), op, primary(units::none));
	}
	return e;
}

expr parser::sum(units u)
{
	expr e = product(u);
	while (cur().is_punct("+") || cur().is_punct("-")) {
		char op = take().text[0];
		e = binary(std::move(e), op, product(u));
	}
	return e;
}

expr parser::binary(expr l, char op, expr r)
{
	expr e;
	e.kind = expr::binary;
	e.loc = l.loc;
	e.op = op;
	e.lhs = std::make_shared<expr>(std::move(l));
	e.rhs = std::make_shared<expr>(std::move(r));
	return e;
}

duration parser::time()
{
	const token &t = cur();
	duration d;
	d.loc = t.loc;
	if (t.kind != tok::number || t.text.empty())
		expected("a time such as 5ms (units: ns, us, ms, s, jiffies)");
	static const std::pair<const char *, std::uint64_t> unit[] = {
		{"ns", 1}, {"us", 1000}, {"ms", 1000000}, {"s", 1000000000}};
	if (t.text == "jiffies" || t.text == "jiffy") {
		d.jiffies = true;
		d.amount = t.value;
	} else {
		auto it = std::find_if(std::begin(unit), std::end(unit),
				       [&](auto &p) { return t.text == p.first; });
		if (it == std::end(unit))
			fail(t.loc, fmt::format("unknown time unit '{}': expected ns, us, ms, s or jiffies",
						t.text));
		if (t.value > UINT64_MAX / it->second)
			fail(t.loc, "time is too large");
		d.amount = t.value * it->second;
	}
	++i_;
	return d;
}

objref parser::object()
{
	name_ref n = name("an object name");
	objref o{n.name, std::nullopt, n.loc};
	if (accept_punct("[")) {
		o.index = sum(units::none);
		punct("]");
	}
	return o;
}

gfp_spec parser::gfp()
{
	gfp_spec g;
	g.loc = cur().loc;
	do {
		if (cur().kind != tok::word)
			expected("GFP flags such as GFP_KERNEL");
		const token &t = take();
		g.flags.push_back({t.text, t.loc});
	} while (accept_punct("|"));
	return g;
}

block parser::body(where w, const std::string &opener, source_loc opened)
{
	end_of_line();
	block out;
	for (;;) {
		skip_newlines();
		if (at_eof())
			fail(cur().loc, fmt::format("expected 'end' to close {} opened at {}:{}", opener,
						    opened.line, opened.col));
		if (accept_word("end")) {
			end_of_line();
			return out;
		}
		out.push_back(statement(w));
	}
}

script parse(const std::string &file, std::string_view source)
{
	script s;
	s.file = file;
	s.body = parser(file, lex(file, source)).top();
	s.teaches = opening_comment(source);
	for (std::size_t pos = 0; pos <= source.size();) {
		std::size_t eol = std::min(source.find('\n', pos), source.size());
		s.lines.emplace_back(source.substr(pos, eol - pos));
		pos = eol + 1;
	}
	return s;
}

std::string opening_comment(std::string_view source)
{
	std::string text;
	std::size_t pos = 0;
	while (pos < source.size()) {
		std::size_t eol = source.find('\n', pos);
		std::string_view line = source.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
		pos = eol == std::string_view::npos ? source.size() : eol + 1;
		std::size_t first = line.find_first_not_of(" \t");
		if (first == std::string_view::npos || line[first] != '#')
			break;
		line.remove_prefix(first + 1);
		line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
		if (line.starts_with("SPDX"))
			continue;
		if (line.empty())
			break;
		if (!text.empty())
			text += ' ';
		text += line;
		if (std::size_t dot = text.find(". "); dot != std::string::npos)
			return text.substr(0, dot + 1);
	}
	return text;
}

} // namespace sim::scenario
