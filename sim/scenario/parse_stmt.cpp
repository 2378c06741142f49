// SPDX-License-Identifier: GPL-2.0-only
// One function per statement: the statement's keyword decides, and where it stands decides
// whether it may. The top level's declarations (machine, cache, pool) are here too.
#include "sim/scenario/parse.h"

#include "sim/scenario/words.h"

#include <array>
#include <fmt/format.h>

namespace sim::scenario {

const char *where_name(where w)
{
	switch (w) {
	case where::top:
		return "at the top level";
	case where::task:
		return "in a task";
	case where::interrupt:
		return "in an interrupt";
	case where::at:
		return "in an 'at' block";
	case where::when:
		break;
	}
	return "in a 'when' block";
}


stmt parser::statement(where w)
{
	stmt s;
	s.loc = cur().loc;
	const token &t = cur();
	if (t.kind != tok::word)
		expected("a statement");
	const std::string &k = t.text;
	auto top_only = [&] {
		if (w != where::top)
			fail(t.loc, fmt::format("'{}' belongs at the top level, not {}", k, where_name(w)));
		++i_;
	};
	auto user_only = [&] {
		if (w == where::task || w == where::interrupt)
			fail(t.loc, fmt::format("'{}' is something a user does, not kernel code: write it at the "
						"top level or in an 'at' or 'when' block, not {}", k, where_name(w)));
		++i_;
	};
	auto actor_only = [&] {
		if (w != where::task && w != where::interrupt)
			fail(t.loc, fmt::format("'{}' is something a task or an interrupt does; it cannot "
						"stand {}", k, where_name(w)));
	};
	if (k == "machine") {
		top_only();
		s.node = machine();
	} else if (k == "let") {
		top_only();
		let_stmt l;
		l.name = name("a constant's name");
		punct("=");
		l.value = sum(units::size);
		s.node = std::move(l);
	} else if (k == "cache") {
		top_only();
		s.node = cache();
	} else if (k == "pool") {
		top_only();
		s.node = pool();
	} else if (k == "task") {
		top_only();
		task_stmt ts;
		ts.name = name("a task name");
		word("on");
		word("cpu");
		ts.cpu = sum(units::none);
		if (accept_word("at"))
			ts.start = time();
		ts.body = body(where::task, fmt::format("'task {}'", ts.name.name), s.loc);
		s.node = std::move(ts);
		return s;
	} else if (k == "interrupt") {
		top_only();
		interrupt_stmt is;
		word("on");
		word("cpu");
		is.cpu = sum(units::none);
		word("at");
		is.at = time();
		is.body = body(where::interrupt, "'interrupt'", s.loc);
		s.node = std::move(is);
		return s;
	} else if (k == "at") {
		top_only();
		at_stmt as;
		as.at = time();
		as.body = body(where::at, "'at'", s.loc);
		s.node = std::move(as);
		return s;
	} else if (k == "when") {
		top_only();
		when_stmt ws;
		ws.task = name("a task name");
		word("reaches");
		word("line");
		ws.line_loc = cur().loc;
		std::uint64_t line = plain_number("a line number");
		if (line == 0 || line > UINT32_MAX)
			fail(ws.line_loc, "line numbers start at 1");
		ws.line = static_cast<std::uint32_t>(line);
		ws.body = body(where::when, "'when'", s.loc);
		s.node = std::move(ws);
		return s;
	} else if (k == "run") {
		top_only();
		run_stmt r;
		if (accept_word("for"))
			r.mode = run_stmt::for_time, r.time = time();
		else if (accept_word("until"))
			r.mode = run_stmt::until_time, r.time = time();
		s.node = r;
	} else if (k == "repeat") {
		actor_only();
		++i_;
		repeat_stmt r;
		r.count = sum(units::none);
		accept_word("times");
		if (accept_word("as"))
			r.counter = name("a counter name");
		r.body = body(w, "'repeat'", s.loc);
		s.node = std::move(r);
		return s;
	} else if (k == "sleep") {
		if (w != where::task)
			fail(t.loc, fmt::format("only a task can sleep, not code {}", where_name(w)));
		++i_;
		s.node = sleep_stmt{time()};
	} else if (k == "yield") {
		if (w != where::task)
			fail(t.loc, fmt::format("only a task can yield, not code {}", where_name(w)));
		++i_;
		s.node = yield_stmt{};
	} else if (k == "migrate") {
		if (w != where::task)
			fail(t.loc, fmt::format("only a task can migrate, not code {}", where_name(w)));
		++i_;
		word("to");
		word("cpu");
		s.node = migrate_stmt{sum(units::none)};
	} else if (k == "fill") {
		actor_only();
		++i_;
		fill_stmt f;
		f.object = object();
		word("with");
		f.byte = byte_value();
		s.node = std::move(f);
	} else if (k == "hog") {
		++i_;
		s.node = hog();
	} else if (k == "release") {
		++i_;
		s.node = release_stmt{name("the name of a hog")};
	} else if (k == "fragment") {
		++i_;
		word("memory");
		word("as");
		s.node = fragment_stmt{name("a name for the pinned pages")};
	} else if (k == "fail_page_alloc" || k == "failslab") {
		++i_;
		s.node = fault({k, t.loc});
	} else if (k == "tune") {
		++i_;
		tune_stmt ts;
		ts.cache = name("a cache name");
		word("limit");
		ts.limit = sum(units::none);
		word("batchcount");
		ts.batchcount = sum(units::none);
		word("shared");
		ts.shared = sum(units::none);
		s.node = std::move(ts);
	} else if (k == "insmod") {
		user_only();
		insmod_stmt m;
		do {
			if (cur().kind != tok::string)
				expected("the module's file, such as mymod.c");
			m.paths.push_back({cur().text, cur().loc});
			++i_;
		} while (cur().kind != tok::newline);
		s.node = std::move(m);
	} else if (k == "rmmod") {
		user_only();
		s.node = rmmod_stmt{name("a module name")};
	} else if (k == "dmesg") {
		++i_;
		print_stmt p;
		p.what = {k, t.loc};
		if (accept_punct("-")) {
			if (!accept_word("c"))
				expected("'-c'");
			p.clear = true;
		}
		s.node = std::move(p);
	} else if (k == "print") {
		++i_;
		s.node = print();
	} else if (k == "say") {
		++i_;
		if (cur().kind != tok::string)
			expected("a quoted sentence");
		s.node = say_stmt{take().text};
	} else if (k == "expect") {
		++i_;
		s.node = expect();
	} else if (k == "end") {
		fail(t.loc, "'end' without a block to close");
	} else if (next().is_punct("=") || next().is_punct("[")) {
		actor_only();
		s.node = alloc();
	} else if (next().is_punct("(")) {
		s.node = call(w);
	} else {
		fail(t.loc, fmt::format("unknown statement '{}'; see docs/scenarios.md for the list", k));
	}
	end_of_line();
	return s;
}

machine_stmt parser::machine()
{
	static constexpr std::array keys = {"cpus", "memory", "hz", "seed", "min_free_kbytes", "slab_debug"};
	machine_stmt m;
	do {
		if (cur().kind != tok::word || !one_of(keys, cur().text))
			expected("a machine setting (cpus, memory, hz, seed, min_free_kbytes, slab_debug)");
		const token &k = take();
		machine_stmt::setting set{{k.text, k.loc}, 0, cur().loc};
		if (k.text == "slab_debug") {
			if (accept_word("on"))
				set.value = 1;
			else if (!accept_word("off"))
				expected("'on' or 'off'");
		} else if (k.text == "memory") {
			if (cur().kind != tok::number)
				expected("a memory size such as 64M");
			set.value = scaled(take(), units::size);
		} else {
			set.value = plain_number("a number");
		}
		m.settings.push_back(set);
	} while (cur().kind != tok::newline);
	return m;
}

cache_stmt parser::cache()
{
	cache_stmt c;
	c.name = name("a cache name");
	word("size");
	c.size = sum(units::size);
	while (cur().kind != tok::newline) {
		if (accept_word("align")) {
			c.align = sum(units::size);
		} else if (accept_word("flags")) {
			do
				c.flags.push_back(name("a slab flag such as HWCACHE_ALIGN"));
			while (accept_punct("|"));
		} else if (accept_word("ctor")) {
			if (accept_word("zero")) {
				c.ctor = ctor_kind::zero;
			} else if (accept_word("pattern")) {
				c.ctor = ctor_kind::pattern;
				c.pattern = byte_value();
			} else {
				expected("a constructor: 'zero' or 'pattern BYTE'");
			}
		} else {
			expected("'align', 'flags', 'ctor' or end of line");
		}
	}
	return c;
}

pool_stmt parser::pool()
{
	pool_stmt p;
	p.name = name("a pool name");
	word("min");
	p.min_nr = sum(units::none);
	word("over");
	if (accept_word("cache")) {
		p.backend = pool_backend::slab;
		p.cache = name("a cache name");
	} else if (accept_word("kmalloc")) {
		p.backend = pool_backend::kmalloc;
		p.arg = sum(units::size);
	} else if (accept_word("pages")) {
		p.backend = pool_backend::pages;
		word("order");
		p.arg = sum(units::none);
	} else if (accept_word("kzalloc")) {
		p.backend = pool_backend::kzalloc;
		p.arg = sum(units::size);
	} else {
		expected("'cache NAME', 'kmalloc SIZE', 'pages order N' or 'kzalloc SIZE'");
	}
	return p;
}

} // namespace sim::scenario
