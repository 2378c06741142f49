// SPDX-License-Identifier: GPL-2.0-only
// Reading a makefile line by line (GNU make's read.c): continuations, comments, conditionals,
// assignments, include; rules and recipes are recognised and skipped.
#include "kernel_compat/makefile.h"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <optional>

namespace fs = std::filesystem;

namespace sim::make {

namespace {

struct logical_line {
	std::string text;
	int line; // of its first physical line
};

// Joins backslash-newline continuations into one line, as make does (the backslash, the
// newline and the blanks around them become one space).
std::vector<logical_line> read_lines(std::istream &in)
{
	std::vector<logical_line> lines;
	std::string phys;
	int n = 0;
	while (std::getline(in, phys)) {
		n++;
		if (!phys.empty() && phys.back() == '\r')
			phys.pop_back();
		bool continues = !lines.empty() && !lines.back().text.empty() && lines.back().text.back() == '\\';
		if (continues) {
			std::string &t = lines.back().text;
			t.pop_back();
			while (!t.empty() && (t.back() == ' ' || t.back() == '\t'))
				t.pop_back();
			auto first = phys.find_first_not_of(" \t");
			t += " " + (first == std::string::npos ? std::string() : phys.substr(first));
		} else {
			lines.push_back({phys, n});
		}
	}
	return lines;
}

std::string strip_comment(const std::string &s)
{
	for (std::size_t i = 0; i < s.size(); i++)
		if (s[i] == '#' && (i == 0 || s[i - 1] != '\\'))
			return s.substr(0, i);
	return s;
}

std::string trim(std::string_view s)
{
	auto b = s.find_first_not_of(" \t");
	if (b == std::string_view::npos)
		return "";
	return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

// The first word of a directive line: letters, digits, '-' (for "-include").
std::string directive(const std::string &s)
{
	std::size_t i = 0;
	while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-'))
		i++;
	return s.substr(0, i);
}

struct conditional {
	bool taking;       // the lines now read are in effect
	bool taken;        // some branch of it was
	bool outer_taking; // the enclosing lines were
	int line;
};

// ifeq/ifneq's arguments: "(a,b)", or two quoted strings.
std::pair<std::string, std::string> comparands(state &st, const std::string &args)
{
	if (args.starts_with('(')) {
		int level = 0;
		std::optional<std::size_t> comma, end;
		for (std::size_t i = 0; i < args.size() && !end; i++) {
			if (args[i] == '(')
				level++;
			else if (args[i] == ')' && --level == 0)
				end = i;
			else if (args[i] == ',' && level == 1 && !comma)
				comma = i;
		}
		if (!comma || !end || !trim(args.substr(*end + 1)).empty())
			st.fail("invalid syntax in conditional");
		return {trim(st.expand(args.substr(1, *comma - 1))), trim(st.expand(args.substr(*comma + 1, *end - *comma - 1)))};
	}
	std::vector<std::string> quoted;
	for (std::size_t i = 0; i < args.size();) {
		if (args[i] == ' ' || args[i] == '\t') {
			i++;
			continue;
		}
		char q = args[i];
		auto close = args.find(q, i + 1);
		if ((q != '"' && q != '\'') || close == std::string::npos)
			st.fail("invalid syntax in conditional");
		quoted.push_back(st.expand(args.substr(i + 1, close - i - 1)));
		i = close + 1;
	}
	if (quoted.size() != 2)
		st.fail("invalid syntax in conditional");
	return {quoted[0], quoted[1]};
}

bool condition_holds(state &st, const std::string &kind, const std::string &args)
{
	if (kind == "ifdef" || kind == "ifndef") {
		auto it = st.vars.find(trim(st.expand(args)));
		bool defined = it != st.vars.end() && !it->second.value.empty();
		return defined == (kind == "ifdef");
	}
	auto [a, b] = comparands(st, args);
	return (a == b) == (kind == "ifeq");
}

bool is_conditional(const std::string &d) { return d == "ifeq" || d == "ifneq" || d == "ifdef" || d == "ifndef"; }

// Where a line's assignment operator starts, and which it is; or npos when the line is a rule
// (a ':' before any '='), or neither.
std::pair<std::size_t, std::string> assignment_op(const std::string &s)
{
	int level = 0;
	for (std::size_t i = 0; i < s.size(); i++) {
		char c = s[i];
		if (c == '(' || c == '{')
			level++;
		else if (c == ')' || c == '}')
			level--;
		else if (level > 0)
			continue;
		else if (c == '=') {
			char p = i > 0 ? s[i - 1] : 0;
			if (p == '+' || p == '?' || p == '!')
				return {i - 1, std::string(1, p) + "="};
			return {i, "="};
		} else if (c == ':') {
			if (s.compare(i, 3, "::=") == 0)
				return {i, "::="};
			if (s.compare(i, 2, ":=") == 0)
				return {i, ":="};
			return {std::string::npos, ":"};
		}
	}
	return {std::string::npos, ""};
}

void assign(state &st, const std::string &name, const std::string &op, const std::string &rhs)
{
	if (name.empty())
		st.fail("empty variable name");
	auto it = st.vars.find(name);
	bool defined = it != st.vars.end();
	if (op == "?=" && defined)
		return;
	if (op == "=" || op == "?=")
		st.vars[name] = {rhs, true};
	else if (op == ":=" || op == "::=")
		st.vars[name] = {st.expand(rhs), false};
	else if (op == "!=")
		st.vars[name] = {st.expand(fmt::format("$(shell {})", rhs)), false};
	else if (!defined) // +=
		st.vars[name] = {rhs, true};
	else {
		variable &v = it->second;
		std::string more = v.recursive ? rhs : st.expand(rhs);
		v.value += (v.value.empty() || more.empty() ? "" : " ") + more;
	}
}

void include(state &st, const std::string &kind, const std::string &args)
{
	for (const auto &f : words(st.expand(args))) {
		fs::path p = fs::path(f).is_absolute() ? fs::path(f) : st.cwd / f;
		if (fs::is_regular_file(p))
			read_makefile(st, p);
		else if (kind == "include")
			st.fail(fmt::format("{}: No such file or directory", f));
	}
}

struct reader {
	state &st;
	std::vector<conditional> conds;
	bool in_rule = false;

	bool taking() const { return conds.empty() || conds.back().taking; }

	// ifeq/ifneq/ifdef/ifndef/else/endif; true if the line was one.
	bool conditional_line(const std::string &d, const std::string &rest)
	{
		if (is_conditional(d)) {
			bool outer = taking();
			bool holds = outer && condition_holds(st, d, rest);
			conds.push_back({holds, holds, outer, st.line});
			return true;
		}
		if (d == "else") {
			if (conds.empty())
				st.fail("extraneous 'else'");
			conditional &c = conds.back();
			std::string chained = directive(rest);
			if (!chained.empty() && !is_conditional(chained))
				st.fail("extraneous text after 'else' directive");
			bool holds = c.outer_taking && !c.taken &&
				     (chained.empty() || condition_holds(st, chained, trim(rest.substr(chained.size()))));
			c.taking = holds;
			c.taken = c.taken || holds;
			return true;
		}
		if (d == "endif") {
			if (conds.empty())
				st.fail("extraneous 'endif'");
			conds.pop_back();
			return true;
		}
		return false;
	}

	void line(const std::string &raw)
	{
		if (raw.starts_with('\t') && in_rule)
			return; // a recipe
		std::string s = trim(strip_comment(raw));
		if (s.empty())
			return;
		std::string d = directive(s);
		std::string rest = trim(s.substr(d.size()));
		if (conditional_line(d, rest) || !taking())
			return;
		in_rule = false;
		if (d == "include" || d == "-include" || d == "sinclude")
			return include(st, d, rest);
		if (d == "export" || d == "unexport" || d == "override") {
			if (rest.empty() || assignment_op(rest).second.empty())
				return; // "export VAR": the environment of recipes, which never run
			s = rest;
		}
		if (d == "define" || d == "endef")
			st.fail(fmt::format("'{}' is not supported by slabsim's kbuild", d));
		if (d == "vpath")
			return;
		auto [at, op] = assignment_op(s);
		if (op == ":") {
			in_rule = true; // a rule, or a target-specific variable: kbuild's pass runs neither
			return;
		}
		if (at != std::string::npos)
			return assign(st, trim(st.expand(s.substr(0, at))), op, trim(s.substr(at + op.size())));
		if (!trim(st.expand(s)).empty())
			st.fail("missing separator");
	}
};

} // namespace

void read_makefile(state &st, const fs::path &file)
{
	std::ifstream in(file);
	if (!in)
		throw error(fmt::format("{}: error: cannot read the file", file.string()));
	if (++st.depth > 16)
		st.fail("includes nest too deeply");
	std::string saved_file = st.file;
	int saved_line = st.line;
	reader r{st, {}, false};
	st.file = file.string();
	for (const auto &l : read_lines(in)) {
		st.line = l.line;
		r.line(l.text);
	}
	if (!r.conds.empty()) {
		st.line = r.conds.back().line;
		st.fail("missing 'endif'");
	}
	st.file = saved_file;
	st.line = saved_line;
	st.depth--;
}

} // namespace sim::make
