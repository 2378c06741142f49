// SPDX-License-Identifier: GPL-2.0-only
// The top level's own statements: the machine, constants, caches, pools, the actors (tasks,
// interrupts, 'at' and 'when' blocks) and run.
#include "sim/scenario/compile.h"

#include "sim/slab/flags.h"

#include <fmt/format.h>
#include <stdexcept>
#include <variant>

namespace sim::scenario {

void compiler::top_node(const stmt &st, const machine_stmt &m)
{
	if (booted_)
		fail(st.loc, "'machine' settings come first, before anything uses the machine");
	if (machine_loc_.line == 0)
		machine_loc_ = st.loc;
	for (const auto &set : m.settings) {
		const std::string &k = set.key.name;
		auto narrow = [&](std::uint64_t max) {
			if (set.value > max)
				fail(set.value_loc, fmt::format("{} must be at most {}, got {}", k, max, set.value));
			return set.value;
		};
		if (k == "cpus")
			p_.config.nr_cpus = static_cast<unsigned>(narrow(64));
		else if (k == "memory")
			p_.config.memory_bytes = set.value;
		else if (k == "hz")
			p_.config.hz = static_cast<unsigned>(narrow(1000000));
		else if (k == "seed")
			p_.config.seed = set.value;
		else if (k == "min_free_kbytes")
			p_.config.min_free_kbytes = static_cast<long>(narrow(1ull << 40));
		else
			p_.config.slab_debug = set.value != 0;
	}
}

void compiler::top_node(const stmt &st, const let_stmt &l)
{
	std::int64_t v = constant(l.value, "a constant");
	declare(l.name, {symbol::constant, 0, {}, v});
}

void compiler::top_node(const stmt &st, const cache_stmt &c)
{
	after_machine();
	cache_def d{c.name.name, c.name.loc, 0, 0, 0, c.ctor, c.pattern};
	d.size = static_cast<std::uint32_t>(constant_in(c.size, "an object size", 1, 4 << 20));
	d.align = c.align ? static_cast<std::uint32_t>(constant_in(*c.align, "an alignment", 0, 4096)) : 0;
	if (d.align & (d.align - 1))
		fail(c.align->loc, fmt::format("an alignment is a power of two, got {}", d.align));
	for (const name_ref &f : c.flags) {
		auto bits = slab_create_flag(f.name);
		if (!bits)
			fail(f.loc, fmt::format("unknown slab flag '{}': expected one of {}", f.name,
						slab_create_flag_list()));
		d.flags |= *bits;
	}
	declare(c.name, {symbol::cache, static_cast<std::uint32_t>(p_.caches.size()), {}});
	p_.caches.push_back(d);
	emit({opcode::create_cache, 0, st.loc, static_cast<std::uint32_t>(p_.caches.size() - 1)});
}

void compiler::top_node(const stmt &st, const pool_stmt &ps)
{
	after_machine();
	pool_def d{ps.name.name, ps.name.loc, 0, ps.backend, 0, 0};
	d.min_nr = static_cast<int>(constant_in(ps.min_nr, "min_nr", 0, 1 << 20));
	switch (ps.backend) {
	case pool_backend::slab:
		d.cache = lookup(ps.cache.name, ps.cache.loc, symbol::cache, "a cache").index;
		break;
	case pool_backend::kmalloc:
	case pool_backend::kzalloc:
		d.arg = static_cast<std::uint64_t>(constant_in(ps.arg, "an element size", 1, 4 << 20));
		break;
	case pool_backend::pages:
		d.arg = static_cast<std::uint64_t>(constant_in(ps.arg, "a page order", 0, 10));
		break;
	}
	declare(ps.name, {symbol::pool, static_cast<std::uint32_t>(p_.pools.size()), {}});
	p_.pools.push_back(d);
	emit({opcode::create_pool, 0, st.loc, static_cast<std::uint32_t>(p_.pools.size() - 1)});
}

// Compiles a block as a new actor; returns its index. Its code is kept aside and appended
// after the top level's when the whole file has been read (see place_actors).
std::uint32_t compiler::actor(actor_def d, const block &body, std::uint32_t kind)
{
	std::vector<op> code;
	std::swap(code, p_.code);
	std::uint32_t saved_counters = counters_, saved_kind = in_actor_;
	std::string saved_task = current_task_;
	counters_ = 0;
	in_actor_ = kind;
	if (d.kind == actor_def::task)
		current_task_ = d.name;
	for (const stmt &st : body)
		inner(st);
	emit({opcode::ret});
	d.counters = counters_;
	counters_ = saved_counters;
	in_actor_ = saved_kind;
	current_task_ = saved_task;
	std::swap(code, p_.code);
	p_.actors.push_back(d);
	pending_.push_back({static_cast<std::uint32_t>(p_.actors.size() - 1), std::move(code)});
	return static_cast<std::uint32_t>(p_.actors.size() - 1);
}

void compiler::place_actors()
{
	for (auto &[actor, code] : pending_) {
		std::uint32_t base = here();
		p_.actors[actor].entry = base;
		for (op &o : code) {
			if (o.code == opcode::loop_begin || o.code == opcode::loop_next)
				o.b += base;
			p_.code.push_back(o);
		}
	}
}

void compiler::top_node(const stmt &st, const task_stmt &t)
{
	after_machine();
	actor_def d{actor_def::task, t.name.name, t.name.loc, cpu(t.cpu), t.start ? nanoseconds(*t.start) : 0};
	declare(t.name, {symbol::task, static_cast<std::uint32_t>(p_.actors.size()), {}});
	start(st, actor(d, t.body, 1));
}

void compiler::top_node(const stmt &st, const interrupt_stmt &i)
{
	after_machine();
	actor_def d{actor_def::interrupt, "", st.loc, cpu(i.cpu), nanoseconds(i.at)};
	start(st, actor(d, i.body, 2));
}

void compiler::top_node(const stmt &st, const at_stmt &a)
{
	after_machine();
	actor_def d{actor_def::at, "", st.loc, 0, nanoseconds(a.at)};
	start(st, actor(d, a.body, 3));
}

void compiler::start(const stmt &st, std::uint32_t actor)
{
	emit({opcode::start_actor, 0, st.loc, actor});
	actors_since_run_ = true;
}

void compiler::top_node(const stmt &st, const when_stmt &w)
{
	// Compiled where its task reaches the line; here only the task's existence is checked.
	lookup(w.task.name, w.task.loc, symbol::task, "a task");
}

void compiler::when_target_missing(const stmt &st) const
{
	const auto &w = std::get<when_stmt>(st.node);
	fail(w.line_loc, fmt::format("task '{}' has no statement on line {}", w.task.name, w.line));
}

void compiler::top_node(const stmt &st, const run_stmt &r)
{
	after_machine();
	op o{opcode::run, static_cast<std::uint8_t>(r.mode), st.loc};
	o.x.value = static_cast<std::int64_t>(r.mode == run_stmt::until_idle ? 0 : nanoseconds(r.time));
	emit(o);
	actors_since_run_ = false;
}

} // namespace sim::scenario
