// SPDX-License-Identifier: GPL-2.0-only
// A recursive-descent parser, one function per statement. Every function either consumes a
// whole statement or throws scenario_error naming what it expected where it stopped.
#include "sim/scenario/parser.h"

#include "sim/scenario/lexer.h"
#include "sim/scenario/words.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace sim::scenario {

namespace {

// Where a statement stands decides which statements it may contain.
enum class where { top, task, interrupt, at, when };

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

constexpr std::array keywords = {"machine", "let",  "cache",  "pool",   "task",    "interrupt", "at",
				 "when",    "run",  "repeat", "sleep",  "yield",   "migrate",   "fill",
				 "hog",     "release", "fragment", "print", "say", "expect", "end", "tune",
				 "insmod",  "rmmod", "dmesg"};

constexpr std::array task_states = {"running",      "runnable",        "sleeping",
				    "interruptible", "uninterruptible", "done",
				    "TASK_RUNNING", "TASK_INTERRUPTIBLE", "TASK_UNINTERRUPTIBLE"};

enum class units { none, size };

class parser {
public:
	parser(const std::string &file, std::vector<token> toks) : file_(file), t_(std::move(toks)) {}

	block top()
	{
		block out;
		for (;;) {
			skip_newlines();
			if (at_eof())
				return out;
			out.push_back(statement(where::top));
		}
	}

private:
	// ---- token plumbing ----
	const token &cur() const { return t_[i_]; }
	const token &next() const { return t_[std::min(i_ + 1, t_.size() - 1)]; }
	bool at_eof() const { return cur().kind == tok::eof; }
	const token &take() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
	void skip_newlines()
	{
		while (cur().kind == tok::newline)
			++i_;
	}

	[[noreturn]] void fail(source_loc at, const std::string &msg) const
	{
		throw scenario_error(file_, at, msg);
	}
	[[noreturn]] void expected(const std::string &what) const
	{
		fail(cur().loc, fmt::format("expected {}, got {}", what, describe(cur())));
	}

	bool accept_word(std::string_view w)
	{
		if (!cur().is_word(w))
			return false;
		++i_;
		return true;
	}
	bool accept_punct(std::string_view p)
	{
		if (!cur().is_punct(p))
			return false;
		++i_;
		return true;
	}
	void word(std::string_view w)
	{
		if (!accept_word(w))
			expected(fmt::format("'{}'", w));
	}
	void punct(std::string_view p)
	{
		if (!accept_punct(p))
			expected(fmt::format("'{}'", p));
	}
	void end_of_line()
	{
		if (cur().kind != tok::newline)
			expected("end of line");
		++i_;
	}

	name_ref name(const char *what)
	{
		if (cur().kind != tok::word)
			expected(what);
		if (one_of(keywords, cur().text))
			fail(cur().loc, fmt::format("expected {}, got the keyword '{}'", what, cur().text));
		const token &t = take();
		return {t.text, t.loc};
	}

	std::uint64_t plain_number(const char *what)
	{
		if (cur().kind != tok::number || !cur().text.empty())
			expected(what);
		return take().value;
	}

	std::uint8_t byte_value()
	{
		source_loc at = cur().loc;
		std::uint64_t v = plain_number("a byte value such as 0x5a");
		if (v > 0xff)
			fail(at, fmt::format("a byte value is 0 to 255 (0xff), got {}", v));
		return static_cast<std::uint8_t>(v);
	}

	// ---- numbers with units, expressions ----
	std::uint64_t scaled(const token &t, units u)
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

	expr primary(units u)
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

	expr product(units u)
	{
		expr e = primary(u);
		while (cur().is_punct("*") || cur().is_punct("/")) {
			char op = take().text[0];
			e = binary(std::move(e), op, primary(units::none));
		}
		return e;
	}

	expr sum(units u)
	{
		expr e = product(u);
		while (cur().is_punct("+") || cur().is_punct("-")) {
			char op = take().text[0];
			e = binary(std::move(e), op, product(u));
		}
		return e;
	}

	static expr binary(expr l, char op, expr r)
	{
		expr e;
		e.kind = expr::binary;
		e.loc = l.loc;
		e.op = op;
		e.lhs = std::make_shared<expr>(std::move(l));
		e.rhs = std::make_shared<expr>(std::move(r));
		return e;
	}

	duration time()
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

	objref object()
	{
		name_ref n = name("an object name");
		objref o{n.name, std::nullopt, n.loc};
		if (accept_punct("[")) {
			o.index = sum(units::none);
			punct("]");
		}
		return o;
	}

	gfp_spec gfp()
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

	block body(where w, const std::string &opener, source_loc opened)
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

	// ---- statements ----
	stmt statement(where w)
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

	machine_stmt machine()
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

	cache_stmt cache()
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

	pool_stmt pool()
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

	hog_stmt hog()
	{
		hog_stmt h;
		if (accept_word("all")) {
			h.mode = hog_stmt::all_but;
			if (accept_word("but")) {
				h.amount = sum(units::none);
				word("pages");
			}
		} else if (cur().kind == tok::number && cur().text == "%") {
			h.mode = hog_stmt::percent;
			h.amount.loc = cur().loc;
			h.amount.value = take().value;
		} else {
			h.mode = hog_stmt::pages;
			h.amount = sum(units::none);
			word("pages");
		}
		word("as");
		h.name = name("a name for the hogged pages");
		return h;
	}

	fault_stmt fault(name_ref knob)
	{
		static constexpr std::array attrs = {"probability", "interval", "times", "space", "min_order"};
		fault_stmt f;
		f.knob = std::move(knob);
		if (accept_word("off")) {
			f.on = false;
			return f;
		}
		word("on");
		while (cur().kind != tok::newline) {
			if (accept_word("ignore_gfp_wait")) {
				f.ignore_gfp_wait = true;
				continue;
			}
			if (cur().kind != tok::word || !one_of(attrs, cur().text))
				expected("a fault attribute (probability, interval, times, space, min_order, "
					 "ignore_gfp_wait)");
			const token &k = take();
			machine_stmt::setting set{{k.text, k.loc}, 0, cur().loc};
			if (k.text == "probability" && cur().kind == tok::number && cur().text == "%")
				set.value = take().value;
			else
				set.value = plain_number("a number");
			f.attrs.push_back(set);
		}
		return f;
	}

	print_stmt print()
	{
		static constexpr std::array views = {"slabinfo", "buddyinfo", "meminfo", "zoneinfo", "mempools",
						     "dmesg", "task"};
		print_stmt p;
		if (cur().kind != tok::word || !one_of(views, cur().text))
			expected("what to print (slabinfo, buddyinfo, meminfo, zoneinfo, mempools, dmesg, "
				 "task NAME)");
		const token &w = take();
		p.what = {w.text, w.loc};
		if (w.text == "task")
			p.task = name("a task name");
		return p;
	}

	expect_stmt expect()
	{
		expect_stmt e;
		if (accept_word("dmesg")) {
			e.kind = expect_stmt::dmesg_has;
			word("contains");
			if (cur().kind != tok::string)
				expected("a quoted text");
			e.text = take().text;
			return e;
		}
		if (cur().is_word("insmod") || cur().is_word("rmmod")) {
			e.kind = expect_stmt::module_result;
			e.word = {cur().text, cur().loc};
			++i_;
			name_ref m = name("a module name");
			e.object = {m.name, std::nullopt, m.loc};
			if (accept_word("succeeded")) {
				e.succeeded = true;
			} else if (accept_word("failed")) {
				if (accept_word("with")) {
					if (!accept_punct("-") || cur().kind != tok::word)
						expected("an error code such as -ENOMEM");
					e.error = name_ref{cur().text, cur().loc};
					++i_;
				}
			} else {
				expected("'succeeded' or 'failed'");
			}
			return e;
		}
		e.object = object();
		if (accept_word("is")) {
			if (accept_word("NULL")) {
				e.kind = expect_stmt::is_null;
			} else if (accept_word("not")) {
				word("NULL");
				e.kind = expect_stmt::not_null;
			} else if (cur().kind == tok::word && one_of(task_states, cur().text)) {
				e.kind = expect_stmt::task_state;
				e.word = {cur().text, cur().loc};
				++i_;
			} else if (cur().kind == tok::word) {
				e.kind = expect_stmt::same_as;
				e.other = object();
			} else {
				expected("'NULL', 'not NULL', a task state or an object name");
			}
		} else if (accept_word("from")) {
			if (accept_word("reserve"))
				e.kind = expect_stmt::from_reserve;
			else if (accept_word("backing"))
				e.kind = expect_stmt::from_backing;
			else
				expected("'reserve' or 'backing'");
		} else if (accept_word("holds")) {
			e.kind = expect_stmt::holds;
			e.value.loc = cur().loc;
			e.value.value = byte_value();
		} else {
			e.kind = expect_stmt::compare;
			if (accept_punct(".")) {
				if (cur().kind != tok::word)
					expected("a field name");
				e.word = {cur().text, cur().loc};
				++i_;
			}
			static constexpr std::array ops = {"==", "!=", "<", "<=", ">", ">="};
			if (cur().kind != tok::punct || !one_of(ops, cur().text))
				expected("a comparison (==, !=, <, <=, >, >=), 'is', 'from' or 'holds'");
			e.op = take().text;
			e.value = sum(units::size);
		}
		return e;
	}

	alloc_stmt alloc()
	{
		alloc_stmt a;
		a.target = object();
		punct("=");
		if (cur().kind != tok::word)
			expected("an allocation call");
		const token &fn = take();
		punct("(");
		if (fn.text == "kmem_cache_alloc" || fn.text == "kmem_cache_zalloc") {
			a.fn = fn.text == "kmem_cache_alloc" ? alloc_fn::kmem_cache_alloc : alloc_fn::kmem_cache_zalloc;
			a.from = name("a cache name");
			punct(",");
			a.gfp = gfp();
		} else if (fn.text == "kmalloc" || fn.text == "kzalloc") {
			a.fn = fn.text == "kmalloc" ? alloc_fn::kmalloc : alloc_fn::kzalloc;
			a.arg = sum(units::size);
			punct(",");
			a.gfp = gfp();
		} else if (fn.text == "mempool_alloc") {
			a.fn = alloc_fn::mempool_alloc;
			a.from = name("a pool name");
			punct(",");
			a.gfp = gfp();
		} else if (fn.text == "alloc_pages") {
			a.fn = alloc_fn::alloc_pages;
			a.gfp = gfp();
			punct(",");
			a.arg = sum(units::none);
		} else {
			fail(fn.loc, fmt::format("expected an allocation call (kmem_cache_alloc, kmem_cache_zalloc, "
						 "kmalloc, kzalloc, mempool_alloc, alloc_pages), got '{}'",
						 fn.text));
		}
		punct(")");
		return a;
	}

	decltype(stmt::node) call(where w)
	{
		const token &fn = take();
		++i_; // '('
		auto freeing = [&](free_fn f) {
			if (w != where::task && w != where::interrupt)
				fail(fn.loc, fmt::format("'{}' is something a task or an interrupt does; it cannot "
							 "stand {}", fn.text, where_name(w)));
			free_stmt s;
			s.fn = f;
			return s;
		};
		decltype(stmt::node) out;
		if (fn.text == "kmem_cache_free") {
			free_stmt s = freeing(free_fn::kmem_cache_free);
			s.from = name("a cache name");
			punct(",");
			s.object = object();
			out = std::move(s);
		} else if (fn.text == "kfree") {
			free_stmt s = freeing(free_fn::kfree);
			s.object = object();
			out = std::move(s);
		} else if (fn.text == "mempool_free") {
			free_stmt s = freeing(free_fn::mempool_free);
			s.object = object();
			punct(",");
			s.from = name("a pool name");
			out = std::move(s);
		} else if (fn.text == "__free_pages") {
			free_stmt s = freeing(free_fn::free_pages);
			s.object = object();
			punct(",");
			s.order = sum(units::none);
			out = std::move(s);
		} else if (fn.text == "kmem_cache_shrink") {
			out = shrink_stmt{name("a cache name")};
		} else if (fn.text == "kmem_cache_destroy") {
			out = destroy_stmt{false, name("a cache name")};
		} else if (fn.text == "mempool_destroy") {
			out = destroy_stmt{true, name("a pool name")};
		} else if (fn.text == "mempool_resize") {
			resize_stmt r;
			r.pool = name("a pool name");
			punct(",");
			r.new_min = sum(units::none);
			out = std::move(r);
		} else if (fn.text == "kmem_cache_alloc" || fn.text == "kmalloc" || fn.text == "kzalloc" ||
			   fn.text == "mempool_alloc" || fn.text == "alloc_pages" || fn.text == "kmem_cache_zalloc") {
			fail(fn.loc, fmt::format("the result of {}() needs a name: write 'x = {}(...)'", fn.text,
						 fn.text));
		} else {
			fail(fn.loc, fmt::format("unknown call '{}'; expected kmem_cache_free, kfree, mempool_free, "
						 "__free_pages, kmem_cache_shrink, kmem_cache_destroy, mempool_resize "
						 "or mempool_destroy", fn.text));
		}
		punct(")");
		return out;
	}

	const std::string &file_;
	std::vector<token> t_;
	std::size_t i_ = 0;
};

} // namespace

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
