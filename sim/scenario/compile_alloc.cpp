// SPDX-License-Identifier: GPL-2.0-only
// What tasks and interrupts do: allocations, frees, loops, sleeps, moves, writes.
#include "sim/scenario/compile.h"

#include <algorithm>

namespace sim::scenario {

void compiler::node(const stmt &st, const alloc_stmt &a)
{
	op o{opcode::alloc, static_cast<std::uint8_t>(a.fn), st.loc};
	obj_kind kind = obj_kind::kmalloc;
	switch (a.fn) {
	case alloc_fn::kmem_cache_alloc:
	case alloc_fn::kmem_cache_zalloc:
		kind = obj_kind::cache;
		o.b = lookup(a.from.name, a.from.loc, symbol::cache, "a cache").index;
		break;
	case alloc_fn::mempool_alloc:
		kind = obj_kind::pool;
		o.b = lookup(a.from.name, a.from.loc, symbol::pool, "a pool").index;
		break;
	case alloc_fn::kmalloc:
	case alloc_fn::kzalloc:
		o.y = value(a.arg);
		break;
	case alloc_fn::alloc_pages:
		kind = obj_kind::pages;
		o.y = order(a.arg);
		break;
	}
	o.c = gfp(a.gfp);
	assign(a.target, kind, o.a);
	o.x = index(a.target);
	emit(o);
}

void compiler::node(const stmt &st, const free_stmt &f)
{
	op o{opcode::free, static_cast<std::uint8_t>(f.fn), st.loc};
	switch (f.fn) {
	case free_fn::kmem_cache_free:
		o.b = lookup(f.from.name, f.from.loc, symbol::cache, "a cache").index;
		used(f.object, o.a, {obj_kind::cache}, "kmem_cache_free takes an object of a cache");
		break;
	case free_fn::kfree:
		used(f.object, o.a, {obj_kind::kmalloc, obj_kind::cache},
		     "kfree takes kmalloc memory or a slab object");
		break;
	case free_fn::mempool_free:
		o.b = lookup(f.from.name, f.from.loc, symbol::pool, "a pool").index;
		used(f.object, o.a, {obj_kind::pool}, "mempool_free takes a mempool element");
		break;
	case free_fn::free_pages:
		used(f.object, o.a, {obj_kind::pages}, "__free_pages takes pages from alloc_pages");
		o.y = order(f.order);
		break;
	}
	o.x = index(f.object);
	emit(o);
}

void compiler::node(const stmt &st, const repeat_stmt &r)
{
	op begin{opcode::loop_begin, 0, st.loc};
	begin.x = value(r.count);
	if (range(r.count).lo < 0)
		fail(r.count.loc, "a repeat count is never negative");
	begin.a = counters_;
	counters_ += 2;
	std::int64_t max = std::max<std::int64_t>(range(r.count).hi - 1, 0);
	counter_max_[begin.a] = max;
	if (r.counter)
		declare(*r.counter, {symbol::counter, begin.a, {}});
	std::uint32_t at = emit(begin);
	for (const stmt &s : r.body)
		inner(s);
	emit({opcode::loop_next, 0, st.loc, begin.a, at + 1});
	p_.code[at].b = here();
	if (r.counter)
		names_.erase(r.counter->name);
}

void compiler::node(const stmt &st, const sleep_stmt &s)
{
	op o{opcode::sleep, 0, st.loc};
	o.x.value = static_cast<std::int64_t>(nanoseconds(s.time));
	emit(o);
}

void compiler::node(const stmt &st, const yield_stmt &) { emit({opcode::yield, 0, st.loc}); }

void compiler::node(const stmt &st, const migrate_stmt &m)
{
	op o{opcode::migrate, 0, st.loc};
	o.x.value = cpu(m.cpu);
	emit(o);
}

void compiler::node(const stmt &st, const fill_stmt &f)
{
	op o{opcode::fill, 0, st.loc};
	used(f.object, o.a, {}, "");
	o.x = index(f.object);
	o.c = f.byte;
	emit(o);
}

} // namespace sim::scenario
