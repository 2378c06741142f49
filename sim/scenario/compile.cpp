// SPDX-License-Identifier: GPL-2.0-only
// The compiler's pass over the tree: the top level, then each block; names and emitted code.
#include "sim/scenario/compile.h"

#include "sim/scenario/check.h"
#include "sim/scenario/parser.h"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <type_traits>
#include <variant>

namespace sim::scenario {

template <typename T> void compiler::top_node(const stmt &st, const T &n)
{
	after_machine();
	if (actors_since_run_ && (std::is_same_v<T, expect_stmt> || std::is_same_v<T, print_stmt>))
		fail(st.loc, "this would run before the tasks, interrupts, 'at' blocks, insmods and rmmods "
			     "above start: "
			     "write 'run' before it, or move it into a task or an 'at' block");
	inner(st);
	// insmod and rmmod start a task, as a shell starts the tool: it runs at the next `run`.
	if (std::is_same_v<T, insmod_stmt> || std::is_same_v<T, rmmod_stmt>)
		actors_since_run_ = true;
}

template <typename T> void compiler::node(const stmt &st, const T &)
{
	fail(st.loc, "this statement belongs at the top level");
}

compiler::compiler(const script &s) : s_(s)
{
	p_.file = s.file;
	p_.teaches = s.teaches;
	p_.lines = s.lines;
}

program compiler::run()
{
	for (const stmt &st : s_.body)
		if (std::holds_alternative<when_stmt>(st.node))
			whens_.push_back(&st);
	p_.actors.push_back({actor_def::top, "", {}, 0, 0, 0, 0});
	for (const stmt &st : s_.body)
		top(st);
	after_machine(); // a file of machine lines alone still boots its machine
	if (actors_since_run_)
		emit({opcode::run, run_stmt::until_idle, {}});
	emit({opcode::ret});
	p_.actors[0].counters = counters_;
	place_actors();
	for (const stmt *w : whens_)
		if (!used_whens_.count(w))
			when_target_missing(*w);
	finish_objects();
	return std::move(p_);
}

void compiler::fail(source_loc at, const std::string &msg) const
{
	throw scenario_error(s_.file, at, msg);
}

const char *compiler::symbol_kind(symbol::kind_t k)
{
	static const char *names[] = {"a constant", "a cache", "a pool", "a task",
				      "a hog",      "an object", "a loop counter"};
	return names[k];
}

void compiler::declare(const name_ref &n, symbol sym)
{
	if (auto it = names_.find(n.name); it != names_.end())
		fail(n.loc, fmt::format("'{}' is already {} (declared at {}:{})", n.name,
					symbol_kind(it->second.kind), it->second.loc.line,
					it->second.loc.col));
	sym.loc = n.loc;
	names_.emplace(n.name, sym);
}

const compiler::symbol &compiler::lookup(const std::string &name, source_loc at, symbol::kind_t want, const char *what)
{
	auto it = names_.find(name);
	if (it == names_.end())
		fail(at, fmt::format("undefined name '{}': expected {}", name, what));
	if (it->second.kind != want)
		fail(at, fmt::format("'{}' is {} (declared at {}:{}), not {}", name,
				     symbol_kind(it->second.kind), it->second.loc.line,
				     it->second.loc.col, what));
	return it->second;
}

std::uint32_t compiler::emit(op o)
{
	p_.code.push_back(o);
	return static_cast<std::uint32_t>(p_.code.size() - 1);
}

std::uint32_t compiler::string(std::string s)
{
	p_.strings.push_back(std::move(s));
	return static_cast<std::uint32_t>(p_.strings.size() - 1);
}

std::string compiler::source_text(source_loc at) const
{
	if (at.line == 0 || at.line > s_.lines.size())
		return "";
	std::string_view l = s_.lines[at.line - 1];
	l.remove_prefix(std::min<std::size_t>(at.col - 1, l.size()));
	if (std::size_t hash = l.find('#'); hash != std::string_view::npos && l.find('"') == l.npos)
		l = l.substr(0, hash);
	while (!l.empty() && (l.back() == ' ' || l.back() == '\t' || l.back() == '\r'))
		l.remove_suffix(1);
	return std::string(l);
}

void compiler::top(const stmt &st)
{
	std::visit([&](const auto &n) { top_node(st, n); }, st.node);
}

void compiler::after_machine()
{
	if (!booted_) {
		booted_ = true;
		try {
			sim::validate(p_.config);
		} catch (const std::invalid_argument &e) {
			fail(machine_loc_, fmt::format("impossible machine: {}", e.what()));
		}
	}
}

// Statements inside actors (and the anywhere-statements at the top level).
void compiler::inner(const stmt &st)
{
	if (in_actor_ == 1)
		for (const stmt *w : whens_) {
			const auto &ws = std::get<when_stmt>(w->node);
			if (ws.task.name == current_task_ && ws.line == st.loc.line && !used_whens_.count(w)) {
				used_whens_.insert(w);
				actor_def d{actor_def::when, "", w->loc, 0, 0};
				std::uint32_t a = actor(d, ws.body, 4);
				emit({opcode::hook, 0, st.loc, a});
			}
		}
	std::visit([&](const auto &n) { node(st, n); }, st.node);
}

program check(const script &s) { return compiler(s).run(); }

program compile(const std::string &file, std::string_view source) { return check(parse(file, source)); }

program compile_file(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	if (!in)
		throw scenario_error(path, {}, "cannot open the file");
	std::ostringstream text;
	text << in.rdbuf();
	return compile(path, text.str());
}

} // namespace sim::scenario
