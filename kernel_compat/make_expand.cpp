// SPDX-License-Identifier: GPL-2.0-only
// Expanding make's variable references and text functions (GNU make's expand.c, function.c).
#include "kernel_compat/makefile.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <functional>
#include <glob.h>
#include <optional>
#include <set>

namespace fs = std::filesystem;

namespace sim::make {

namespace {

constexpr int max_depth = 64;

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

std::string join(const std::vector<std::string> &ws)
{
	std::string out;
	for (const auto &w : ws)
		out += (out.empty() ? "" : " ") + w;
	return out;
}

std::string trim(std::string_view s)
{
	auto b = std::find_if_not(s.begin(), s.end(), blank);
	auto e = std::find_if_not(s.rbegin(), s.rend(), blank).base();
	return b < e ? std::string(b, e) : std::string();
}

// The end of the reference opened at `open` ('(' or '{'): make counts only that bracket.
std::size_t closing(std::string_view s, std::size_t open)
{
	char o = s[open], c = o == '(' ? ')' : '}';
	int level = 0;
	for (std::size_t i = open; i < s.size(); i++) {
		if (s[i] == o)
			level++;
		else if (s[i] == c && --level == 0)
			return i;
	}
	return std::string_view::npos;
}

// Splits a function's arguments at top-level commas; the last takes the rest.
std::vector<std::string> split_args(std::string_view s, std::size_t max)
{
	std::vector<std::string> args;
	int level = 0;
	std::size_t from = 0;
	for (std::size_t i = 0; i < s.size(); i++) {
		if (s[i] == '(' || s[i] == '{')
			level++;
		else if (s[i] == ')' || s[i] == '}')
			level--;
		else if (s[i] == ',' && level == 0 && args.size() + 1 < max) {
			args.emplace_back(s.substr(from, i - from));
			from = i + 1;
		}
	}
	args.emplace_back(s.substr(from));
	return args;
}

// patsubst's matching: PATTERN with at most one '%', which matches any stem.
bool match(const std::string &pat, const std::string &word, std::string *stem = nullptr)
{
	auto pct = pat.find('%');
	if (pct == std::string::npos)
		return pat == word;
	std::string pre = pat.substr(0, pct), post = pat.substr(pct + 1);
	if (word.size() < pre.size() + post.size() || !word.starts_with(pre) || !word.ends_with(post))
		return false;
	if (stem)
		*stem = word.substr(pre.size(), word.size() - pre.size() - post.size());
	return true;
}

std::string patsubst(const std::string &pat, const std::string &rep, const std::string &text)
{
	std::vector<std::string> out;
	for (const auto &w : words(text)) {
		std::string stem;
		if (!match(pat, w, &stem))
			out.push_back(w);
		else if (auto pct = rep.find('%'); pct != std::string::npos && pat.find('%') != std::string::npos)
			out.push_back(rep.substr(0, pct) + stem + rep.substr(pct + 1));
		else
			out.push_back(rep);
	}
	return join(out);
}

std::string filter(const std::string &pats, const std::string &text, bool keep)
{
	std::vector<std::string> out;
	auto ps = words(pats);
	for (const auto &w : words(text))
		if (std::any_of(ps.begin(), ps.end(), [&](const auto &p) { return match(p, w); }) == keep)
			out.push_back(w);
	return join(out);
}

std::string each_word(const std::string &text, const std::function<std::string(const std::string &)> &f)
{
	std::vector<std::string> out;
	for (const auto &w : words(text))
		if (auto r = f(w); !r.empty())
			out.push_back(r);
	return join(out);
}

std::string dir_of(const std::string &w)
{
	auto slash = w.rfind('/');
	return slash == std::string::npos ? "./" : w.substr(0, slash + 1);
}

std::string suffix_at(const std::string &w)
{
	auto dot = w.rfind('.');
	auto slash = w.rfind('/');
	return dot == std::string::npos || (slash != std::string::npos && dot < slash) ? std::string() : w.substr(dot);
}

std::string run_shell(const fs::path &cwd, const std::string &command)
{
	std::string cmd = fmt::format("cd '{}' && {}", cwd.string(), command);
	std::string out;
	if (FILE *p = popen(cmd.c_str(), "r")) {
		std::array<char, 4096> buf;
		for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;)
			out.append(buf.data(), n);
		pclose(p);
	}
	while (!out.empty() && out.back() == '\n')
		out.pop_back();
	std::replace(out.begin(), out.end(), '\n', ' ');
	return out;
}

std::string wildcard(const fs::path &cwd, const std::string &patterns)
{
	std::vector<std::string> out;
	for (const auto &p : words(patterns)) {
		bool relative = !p.starts_with('/');
		std::string full = relative ? (cwd / p).string() : p;
		glob_t g{};
		if (glob(full.c_str(), 0, nullptr, &g) == 0)
			for (std::size_t i = 0; i < g.gl_pathc; i++) {
				std::string m = g.gl_pathv[i];
				out.push_back(relative ? m.substr(cwd.string().size() + 1) : m);
			}
		globfree(&g);
	}
	return join(out);
}

} // namespace

std::vector<std::string> words(std::string_view text)
{
	std::vector<std::string> ws;
	for (std::size_t i = 0; i < text.size();) {
		while (i < text.size() && blank(text[i]))
			i++;
		std::size_t b = i;
		while (i < text.size() && !blank(text[i]))
			i++;
		if (i > b)
			ws.emplace_back(text.substr(b, i - b));
	}
	return ws;
}

void state::fail(const std::string &message) const
{
	throw error(fmt::format("{}:{}: error: {}", file, line, message));
}

std::string state::value(std::string_view name)
{
	auto it = vars.find(name);
	if (it == vars.end())
		return "";
	if (!it->second.recursive)
		return it->second.value;
	if (++depth > max_depth)
		fail(fmt::format("recursive variable '{}' references itself (eventually)", name));
	std::string v = expand(it->second.value);
	depth--;
	return v;
}

namespace {

// A function call: `name` is known, `body` what follows it up to the closing bracket.
std::string call(state &st, const std::string &name, std::string_view body)
{
	auto arg = [&](std::size_t max) { return split_args(body, max); };
	auto ex = [&](const std::string &s) { return st.expand(s); };
	if (name == "if") {
		auto a = arg(3);
		if (a.size() < 2)
			st.fail("insufficient number of arguments (1) to function 'if'");
		return !trim(ex(a[0])).empty() ? ex(a[1]) : a.size() > 2 ? ex(a[2]) : "";
	}
	if (name == "foreach") {
		auto a = arg(3);
		if (a.size() < 3)
			st.fail("insufficient number of arguments to function 'foreach'");
		std::string var = trim(ex(a[0]));
		auto saved = st.vars.find(var) != st.vars.end() ? std::optional(st.vars[var]) : std::nullopt;
		std::vector<std::string> out;
		for (const auto &w : words(ex(a[1]))) {
			st.vars[var] = {w, false};
			if (auto r = ex(a[2]); !r.empty())
				out.push_back(r);
		}
		saved ? void(st.vars[var] = *saved) : void(st.vars.erase(var));
		return join(out);
	}
	static const std::map<std::string, std::size_t, std::less<>> arity = {
		{"subst", 3}, {"patsubst", 3}, {"strip", 1}, {"findstring", 2}, {"filter", 2},
		{"filter-out", 2}, {"sort", 1}, {"word", 2}, {"words", 1}, {"firstword", 1},
		{"lastword", 1}, {"dir", 1}, {"notdir", 1}, {"suffix", 1}, {"basename", 1},
		{"addsuffix", 2}, {"addprefix", 2}, {"wildcard", 1}, {"abspath", 1}, {"realpath", 1},
		{"shell", 1}, {"info", 1}, {"warning", 1}, {"error", 1}};
	std::size_t n = arity.at(name);
	std::vector<std::string> a;
	for (auto &s : arg(n))
		a.push_back(ex(s));
	if (a.size() < n)
		st.fail(fmt::format("insufficient number of arguments ({}) to function '{}'", a.size(), name));
	if (name == "subst") {
		if (a[0].empty())
			return a[2];
		std::string out;
		std::size_t i = 0;
		for (std::size_t at; (at = a[2].find(a[0], i)) != std::string::npos; i = at + a[0].size())
			out += a[2].substr(i, at - i) + a[1];
		return out + a[2].substr(i);
	}
	if (name == "patsubst")
		return patsubst(trim(a[0]), trim(a[1]), a[2]);
	if (name == "strip")
		return join(words(a[0]));
	if (name == "findstring")
		return a[1].find(a[0]) != std::string::npos ? a[0] : "";
	if (name == "filter" || name == "filter-out")
		return filter(a[0], a[1], name == "filter");
	if (name == "sort") {
		auto ws = words(a[0]);
		std::set<std::string> s(ws.begin(), ws.end());
		return join({s.begin(), s.end()});
	}
	if (name == "word") {
		auto ws = words(a[1]);
		std::size_t i = std::strtoul(a[0].c_str(), nullptr, 10);
		if (i == 0)
			st.fail("first argument to 'word' function must be greater than 0");
		return i <= ws.size() ? ws[i - 1] : "";
	}
	auto ws = words(a[0]);
	if (name == "words")
		return std::to_string(ws.size());
	if (name == "firstword" || name == "lastword")
		return ws.empty() ? "" : name == "firstword" ? ws.front() : ws.back();
	if (name == "dir")
		return each_word(a[0], dir_of);
	if (name == "notdir")
		return each_word(a[0], [](const std::string &w) { return w.substr(w.rfind('/') + 1); });
	if (name == "suffix")
		return each_word(a[0], suffix_at);
	if (name == "basename")
		return each_word(a[0], [](const std::string &w) { return w.substr(0, w.size() - suffix_at(w).size()); });
	if (name == "addsuffix")
		return each_word(a[1], [&](const std::string &w) { return w + trim(a[0]); });
	if (name == "addprefix")
		return each_word(a[1], [&](const std::string &w) { return trim(a[0]) + w; });
	if (name == "wildcard")
		return wildcard(st.cwd, a[0]);
	if (name == "abspath" || name == "realpath")
		return each_word(a[0], [&](const std::string &w) {
			fs::path p = fs::path(w).is_absolute() ? fs::path(w) : st.cwd / w;
			if (name == "abspath")
				return p.lexically_normal().string();
			std::error_code ec;
			auto r = fs::canonical(p, ec);
			return ec ? std::string() : r.string();
		});
	if (name == "shell")
		return run_shell(st.cwd, a[0]);
	if (name == "error")
		st.fail(a[0]);
	if (name == "warning")
		fmt::print(stderr, "{}:{}: {}\n", st.file, st.line, a[0]);
	else
		fmt::print("{}\n", a[0]);
	return "";
}

bool is_function(std::string_view name)
{
	static const std::set<std::string, std::less<>> known = {
		"if", "foreach", "subst", "patsubst", "strip", "findstring", "filter", "filter-out", "sort",
		"word", "words", "firstword", "lastword", "dir", "notdir", "suffix", "basename", "addsuffix",
		"addprefix", "wildcard", "abspath", "realpath", "shell", "info", "warning", "error"};
	return known.count(name) > 0;
}

// Functions GNU make has that kbuild Makefiles seldom use: named, so the error says so.
bool unsupported_function(std::string_view name)
{
	static const std::set<std::string, std::less<>> others = {
		"call", "eval", "value", "origin", "flavor", "or", "and", "wordlist", "join", "file", "guile"};
	return others.count(name) > 0;
}

} // namespace

std::string state::expand(std::string_view s)
{
	if (++depth > max_depth)
		fail("variable references nest too deeply");
	std::string out;
	for (std::size_t i = 0; i < s.size(); i++) {
		if (s[i] != '$' || i + 1 == s.size()) {
			out += s[i] == '$' ? "" : std::string(1, s[i]);
			continue;
		}
		char c = s[++i];
		if (c == '$') {
			out += '$';
			continue;
		}
		if (c != '(' && c != '{') {
			out += value(std::string(1, c));
			continue;
		}
		std::size_t end = closing(s, i);
		if (end == std::string_view::npos)
			fail(fmt::format("unterminated variable reference"));
		std::string_view ref = s.substr(i + 1, end - i - 1);
		i = end;
		std::size_t sp = ref.find_first_of(" \t");
		std::string head(ref.substr(0, sp));
		if (sp != std::string_view::npos && is_function(head)) {
			out += call(*this, head, ref.substr(sp + 1));
			continue;
		}
		if (sp != std::string_view::npos && unsupported_function(head))
			fail(fmt::format("make function '{}' is not supported by slabsim's kbuild", head));
		std::string name = expand(ref);
		auto colon = name.find(':');
		auto eq = colon == std::string::npos ? colon : name.find('=', colon);
		if (eq == std::string::npos) {
			out += value(name);
			continue;
		}
		// A substitution reference, $(var:a=b): patsubst with an implied '%' when there is none.
		std::string from = name.substr(colon + 1, eq - colon - 1), to = name.substr(eq + 1);
		if (from.find('%') == std::string::npos)
			from = "%" + from, to = "%" + to;
		out += patsubst(from, to, value(name.substr(0, colon)));
	}
	depth--;
	return out;
}

} // namespace sim::make
