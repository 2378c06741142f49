// SPDX-License-Identifier: GPL-2.0-only
// The interpreter: one switch over pre-resolved ops. A task's loop over kmalloc/kfree costs
// an operand read, the kernel call and a slot store per statement (tools/bench/scenario.cpp).
#include "sim/scenario/runner.h"
#include "sim/trace/kallsyms.h"

#include "kernel_compat/insmod.h"
#include "linux/delay.h"
#include "linux/gfp.h"
#include "linux/jiffies.h"
#include "linux/mempool.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/check.h"
#include "sim/machine.h"
#include "sim/mempool/mempool.h"
#include "sim/mm/fail_page_alloc.h"
#include "sim/mm/hog.h"
#include "sim/mm/proc.h"
#include "sim/scenario/ctor.h"
#include "sim/scenario/flags.h"
#include "sim/scenario/narrate.h"
#include "sim/scenario/reports.h"
#include "sim/sched/clock.h"
#include "sim/sched/sched.h"
#include "sim/slab/failslab.h"
#include "sim/slab/slabinfo.h"
#include "sim/trace/printk.h"
#include "sim/trace/trace.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <filesystem>
#include <fmt/format.h>
#include <sstream>
#include <unordered_set>

namespace sim::scenario {

namespace {

// What a name holds at run time.
struct slot {
	enum state_t : std::uint8_t { empty, live, freed } state = empty;
	bool from_reserve = false;
	bool page = false;      // ptr is a struct page (alloc_pages, a page pool)
	source_loc where;       // the allocation or the free that set the state
	void *ptr = nullptr;    // the object, or the struct page for pages
	std::size_t bytes = 0;  // what fill and holds cover
};

struct hog_rec {
	unsigned long pages = 0;         // taken through the MM hog
	std::vector<struct page *> kept; // fragment: the order-0 pages pinned between holes
};

// A pool and the elements the scenario has seen enter its reserve (prefill, resize and
// mempool_free while curr_nr < min_nr), so "from reserve" is exact even after a sleep.
struct pool_rec {
	mempool_t *pool = nullptr;   // null once destroyed
	source_loc destroyed;
	std::size_t elem_bytes = 0;
	std::size_t kzalloc_size = 0; // pool_data of a kzalloc pool
	std::unordered_set<void *> in_reserve;

	void resync()
	{
		in_reserve.clear();
		for (int i = 0; i < pool->curr_nr; ++i)
			in_reserve.insert(pool->elements[i]);
	}
};

// What an insmod or rmmod the scenario started has come to.
struct tool_result {
	enum state_t : std::uint8_t { not_run, running, finished } state = not_run;
	int err = 0;
};

struct module_rec {
	tool_result insmod, rmmod;
};

// The r1bio-style element: its size lives in pool_data, as raid1's pool_info holds raid_disks.
void *kzalloc_element(gfp_t gfp, void *pool_data)
{
	return kzalloc(*static_cast<std::size_t *>(pool_data), gfp);
}
void kfree_element(void *element, void *) { kfree(element); }

class interp {
public:
	interp(const program &p, const run_options &o)
		: p_(p), o_(o), slots_(p.object_slots), modules_(p.modules.size())
	{
	}

	outcome go()
	{
		machine_config cfg = p_.config;
		if (o_.seed)
			cfg.seed = *o_.seed;
		if (o_.time_limit_ns)
			cfg.time_limit_ns = *o_.time_limit_ns;
		if (o_.caps.until_ns)
			cfg.time_limit_ns = std::min(cfg.time_limit_ns, o_.caps.until_ns);
		if (o_.caps.memory_bytes)
			cfg.memory_bytes = std::min(cfg.memory_bytes, o_.caps.memory_bytes);
		if (o_.caps.ops)
			next_poll_ = std::min(next_poll_, o_.caps.ops);
		outcome out;
		out.file = p_.file;
		out_ = &out;
		{
			sim::machine m(cfg);
			sim::invariant_checking checking(o_.check);
			script_site_scope sites(this);
			if (o_.trace)
				trace_start();
			narrator_.emplace(p_, o_.narrate ? o_.out : nullptr);
			std::vector<std::int64_t> frame(p_.actors[0].counters);
			exec(p_.actors[0].entry, frame.data());
			capture(out);
			narrator_.reset();
			release_all();
			if (o_.trace) {
				trace_stop();
				out.trace = trace_text();
			}
		}
		ctor_reset();
		if (error_)
			throw *error_;
		out.unexpected_reports = claims_.unexpected();
		return out;
	}

private:
	// ---- script callers ----
	// Allocations made for a script line record that line as their caller (SLAB_STORE_USER,
	// call_site= in traces): the line each task last executed, by pid.
	static inline interp *active_ = nullptr;
	std::vector<unsigned> line_by_pid_;
	std::string file_name_;

	struct script_site_scope {
		explicit script_site_scope(interp *in)
		{
			active_ = in;
			in->file_name_ = std::filesystem::path(in->p_.file).filename().string();
			set_script_site_hook(&interp::script_site);
		}
		~script_site_scope()
		{
			set_script_site_hook(nullptr);
			active_ = nullptr;
		}
	};

	static bool script_site(const char **file, unsigned *line)
	{
		auto pid = static_cast<std::size_t>(get_current()->pid);
		if (!active_ || pid >= active_->line_by_pid_.size() || !active_->line_by_pid_[pid])
			return false;
		*file = active_->file_name_.c_str();
		*line = active_->line_by_pid_[pid];
		return true;
	}

	void note_line(const op &o)
	{
		auto pid = static_cast<std::size_t>(get_current()->pid);
		if (pid >= line_by_pid_.size())
			line_by_pid_.resize(pid + 1);
		line_by_pid_[pid] = o.loc.line;
	}

	// ---- errors ----
	// Inside a task the error cannot unwind across the fiber: it is kept, the run stopped,
	// and go() throws it once the machine is torn down.
	void fail(source_loc at, const std::string &msg)
	{
		if (!error_)
			error_.emplace(p_.file, at, msg);
		halt_ = true;
		if (under_scheduler())
			stop_run();
		else
			throw *error_;
	}

	// A cap of run_options ended the scenario: what is left of it does not run.
	void capped(run_status why, std::string msg)
	{
		if (!out_->capped) {
			out_->capped = why;
			out_->capped_message = std::move(msg);
		}
		halt_ = true;
		if (under_scheduler())
			stop_run();
	}

	// Every 2^20 statements: the progress line, and the statement cap.
	void poll()
	{
		if (o_.caps.ops && ops_ >= o_.caps.ops) {
			next_poll_ = UINT64_MAX;
			return capped(run_status::stopped, fmt::format("{}: stopped after {} statements, the limit", p_.file, ops_));
		}
		if ((ops_ & 0xfffff) == 0 && o_.on_progress)
			o_.on_progress({ops_, now_ns});
		next_poll_ = (ops_ | 0xfffff) + 1;
		if (o_.caps.ops)
			next_poll_ = std::min(next_poll_, o_.caps.ops);
	}

	static bool under_scheduler() { return get_current()->pid != 0 || in_interrupt(); }

	// ---- operands and slots ----
	std::int64_t eval(const operand &x, const std::int64_t *frame, source_loc loc)
	{
		if (x.kind == operand::constant)
			return x.value;
		if (x.kind == operand::counter)
			return frame[x.index];
		return computed(p_.exprs[x.index], frame, loc);
	}

	// The checker bounds every expression by its counters' ranges, so these checks should
	// never fire; they keep an arithmetic slip a scenario error instead of undefined behaviour.
	std::int64_t computed(const std::vector<rpn_item> &rpn, const std::int64_t *frame, source_loc loc)
	{
		std::int64_t stack[32];
		int sp = 0;
		for (const rpn_item &it : rpn) {
			switch (it.kind) {
			case rpn_item::push:
				stack[sp++] = it.value;
				continue;
			case rpn_item::counter:
				stack[sp++] = frame[it.value];
				continue;
			default:
				break;
			}
			std::int64_t r = stack[--sp], &l = stack[sp - 1];
			bool bad = it.kind == rpn_item::add ? __builtin_add_overflow(l, r, &l)
				 : it.kind == rpn_item::sub ? __builtin_sub_overflow(l, r, &l)
				 : it.kind == rpn_item::mul ? __builtin_mul_overflow(l, r, &l)
				 : r == 0 || (r == -1 && l == INT64_MIN) || ((l /= r), false);
			if (bad) {
				fail(loc, r == 0 && it.kind == rpn_item::div ? "division by zero" : "arithmetic overflows 64 bits");
				return 0;
			}
		}
		return stack[0];
	}

	slot *at(std::uint32_t object, const operand &index, const std::int64_t *frame, source_loc loc)
	{
		const object_def &d = p_.objects[object];
		std::int64_t i = eval(index, frame, loc);
		if (halt_)
			return nullptr;
		if (i < 0 || i >= d.length) {
			fail(loc, fmt::format("index {} of '{}' is out of range (0 to {})", i, d.name, d.length - 1));
			return nullptr;
		}
		return &slots_[d.base + i];
	}

	slot *holding(const op &o, const std::int64_t *frame)
	{
		slot *s = at(o.a, o.x, frame, o.loc);
		if (s && s->state == slot::empty) {
			fail(o.loc, fmt::format("'{}' holds nothing yet: no allocation has been assigned to it",
						p_.objects[o.a].name));
			return nullptr;
		}
		return s;
	}

	// ---- the interpreter ----
	void exec(std::uint32_t pc, std::int64_t *frame)
	{
		for (;;) {
			const op &o = p_.code[pc++];
			if (__builtin_expect(++ops_ >= next_poll_, 0))
				poll();
			if (__builtin_expect(narrator_->on(), 0))
				narrator_->before(o, pool_of(o));
			switch (o.code) {
			case opcode::alloc:
				alloc(o, frame);
				break;
			case opcode::free:
				free(o, frame);
				break;
			case opcode::loop_begin:
				frame[o.a] = 0;
				frame[o.a + 1] = eval(o.x, frame, o.loc);
				if (frame[o.a + 1] <= 0)
					pc = o.b;
				break;
			case opcode::loop_next:
				if (++frame[o.a] < frame[o.a + 1])
					pc = o.b;
				break;
			case opcode::sleep:
				__sim_note_site("scenario", p_.file.c_str(), static_cast<int>(o.loc.line));
				schedule_timeout_uninterruptible(jiffies_for(o.x.value));
				break;
			case opcode::yield:
				yield();
				break;
			case opcode::migrate:
				sim::migrate(get_current(), static_cast<unsigned>(o.x.value));
				yield();
				break;
			case opcode::fill:
				if (slot *s = holding(o, frame); s && check_live(o.loc, o.a, *s))
					std::memset(bytes_of(*s), static_cast<int>(o.c), s->bytes);
				break;
			case opcode::hook: {
				std::vector<std::int64_t> f(p_.actors[o.a].counters);
				exec(p_.actors[o.a].entry, f.data());
				break;
			}
			case opcode::ret:
				return;
			default:
				machine_op(o, frame);
			}
			if (__builtin_expect(narrator_->on(), 0))
				narrator_->after(o, pool_of(o));
			if (__builtin_expect(halt_, 0))
				return;
		}
	}

	static void *bytes_of(const slot &s)
	{
		return s.page ? page_address(static_cast<struct page *>(s.ptr)) : s.ptr;
	}

	const mempool_t *pool_of(const op &o) const
	{
		bool pool_op = (o.code == opcode::alloc && o.sub == static_cast<std::uint8_t>(alloc_fn::mempool_alloc)) ||
			       (o.code == opcode::free && o.sub == static_cast<std::uint8_t>(free_fn::mempool_free));
		return pool_op ? pools_[o.b].pool : nullptr;
	}

	// A sleep of `ns`, rounded up to whole jiffies; a sleep past MAX_SCHEDULE_TIMEOUT is that.
	static long jiffies_for(std::int64_t ns)
	{
		unsigned __int128 j = (static_cast<unsigned __int128>(ns) * HZ + 999999999) / 1000000000;
		return j >= MAX_SCHEDULE_TIMEOUT ? MAX_SCHEDULE_TIMEOUT - 1 : static_cast<long>(j);
	}

	bool check_live(source_loc loc, std::uint32_t object, const slot &s)
	{
		if (s.state == slot::freed) {
			fail(loc, fmt::format("'{}' was freed at {}:{}", p_.objects[object].name, s.where.line, s.where.col));
			return false;
		}
		if (!s.ptr) {
			fail(loc, fmt::format("'{}' is NULL: its allocation at {}:{} failed", p_.objects[object].name,
						s.where.line, s.where.col));
			return false;
		}
		return true;
	}

	void alloc(const op &o, const std::int64_t *frame)
	{
		note_line(o);
		slot *s = at(o.a, o.x, frame, o.loc);
		if (!s)
			return;
		void *p = nullptr;
		std::size_t bytes = 0;
		bool reserve = false, page = false;
		switch (static_cast<alloc_fn>(o.sub)) {
		case alloc_fn::kmem_cache_alloc:
		case alloc_fn::kmem_cache_zalloc: {
			struct kmem_cache *c = live_cache(o.b, o.loc);
			if (!c)
				return;
			p = static_cast<alloc_fn>(o.sub) == alloc_fn::kmem_cache_alloc ? kmem_cache_alloc(c, o.c)
											: kmem_cache_zalloc(c, o.c);
			bytes = kmem_cache_size(c);
			break;
		}
		case alloc_fn::kmalloc:
		case alloc_fn::kzalloc: {
			std::int64_t size = eval(o.y, frame, o.loc);
			if (halt_)
				return;
			if (size < 0)
				return fail(o.loc, fmt::format("kmalloc size {} is negative", size));
			p = static_cast<alloc_fn>(o.sub) == alloc_fn::kmalloc ? kmalloc(size, o.c) : kzalloc(size, o.c);
			bytes = p == ZERO_SIZE_PTR ? 0 : size;
			break;
		}
		case alloc_fn::mempool_alloc: {
			pool_rec &r = pools_[o.b];
			if (!live_pool(o.b, o.loc))
				return;
			p = mempool_alloc(r.pool, o.c);
			reserve = p && r.in_reserve.erase(p);
			bytes = r.elem_bytes;
			page = p_.pools[o.b].backend == pool_backend::pages;
			break;
		}
		case alloc_fn::alloc_pages: {
			std::int64_t order = eval(o.y, frame, o.loc);
			if (halt_)
				return;
			struct page *pg = alloc_pages(o.c, static_cast<unsigned>(order)); // 0 to 10: checked
			p = pg;
			bytes = PAGE_SIZE << order;
			page = true;
			break;
		}
		}
		*s = {slot::live, reserve, page, o.loc, p, p ? bytes : 0};
	}

	void free(const op &o, const std::int64_t *frame)
	{
		note_line(o);
		slot *s = holding(o, frame);
		if (!s)
			return;
		if (s->state == slot::freed)
			return fail(o.loc, fmt::format("'{}' was already freed at {}:{}", p_.objects[o.a].name,
						       s->where.line, s->where.col));
		void *p = s->ptr;
		switch (static_cast<free_fn>(o.sub)) {
		case free_fn::kmem_cache_free:
			if (!p)
				return fail(o.loc, fmt::format("'{}' is NULL (its allocation at {}:{} failed): "
							       "kmem_cache_free(NULL) would oops; check it first",
							       p_.objects[o.a].name, s->where.line, s->where.col));
			if (!live_cache(o.b, o.loc))
				return;
			kmem_cache_free(caches_[o.b], p);
			break;
		case free_fn::kfree:
			kfree(p);
			break;
		case free_fn::mempool_free: {
			pool_rec &r = pools_[o.b];
			if (!live_pool(o.b, o.loc))
				return;
			// mempool_free refills the reserve under exactly this condition; it cannot
			// sleep, so nothing changes curr_nr between this test and its own.
			if (p && r.pool->curr_nr < r.pool->min_nr)
				r.in_reserve.insert(p);
			mempool_free(p, r.pool);
			break;
		}
		case free_fn::free_pages:
			if (!p)
				return fail(o.loc, fmt::format("'{}' is NULL (its allocation at {}:{} failed): "
							       "__free_pages(NULL) would oops; check it first",
							       p_.objects[o.a].name, s->where.line, s->where.col));
			std::int64_t order = eval(o.y, frame, o.loc); // 0 to 10: checked
			if (halt_)
				return;
			__free_pages(static_cast<struct page *>(p), static_cast<unsigned>(order));
			break;
		}
		s->state = slot::freed;
		s->where = o.loc;
	}

	// ---- statements that act on the machine: any context ----
	void machine_op(const op &o, const std::int64_t *frame)
	{
		switch (o.code) {
		case opcode::hog:
			hog(o);
			break;
		case opcode::release:
			release(hogs_[o.a]);
			break;
		case opcode::fragment:
			fragment(hogs_[o.a]);
			break;
		case opcode::fault:
			fault(p_.faults[o.a]);
			break;
		case opcode::shrink:
			if (live_cache(o.a, o.loc))
				kmem_cache_shrink(caches_[o.a]);
			break;
		case opcode::tune: {
			if (!live_cache(o.a, o.loc))
				break;
			std::string w = fmt::format("{} {} {} {}", p_.caches[o.a].name, o.x.value, o.y.value, o.c);
			if (slabinfo_write(w.c_str(), w.size()) < 0)
				fail(o.loc, fmt::format("/proc/slabinfo refused \"{}\" (batchcount must not exceed limit)", w));
			break;
		}
		case opcode::resize:
			if (!live_pool(o.a, o.loc))
				break;
			if (mempool_resize(pools_[o.a].pool, static_cast<int>(o.x.value)))
				fail(o.loc, "mempool_resize failed: not enough memory for the new reserve");
			pools_[o.a].resync();
			break;
		case opcode::print:
			print(o);
			break;
		case opcode::say:
			if (o_.out)
				*o_.out << p_.strings[o.a] << '\n';
			break;
		case opcode::expect:
			expect(o, p_.expects[o.a], frame);
			break;
		case opcode::create_cache:
			create_cache(o);
			break;
		case opcode::create_pool:
			create_pool(o);
			break;
		case opcode::destroy_cache:
			destroy_cache(o);
			break;
		case opcode::destroy_pool:
			destroy_pool(o);
			break;
		case opcode::insmod: {
			tool_result &t = modules_[o.a].insmod;
			t.state = tool_result::running;
			spawn_insmod(p_.builds[o.b], [this, &o, &t](int err) { finished(o, t, err); });
			break;
		}
		case opcode::rmmod: {
			tool_result &t = modules_[o.a].rmmod;
			t.state = tool_result::running;
			spawn_rmmod(p_.modules[o.a].name, [this, &o, &t](int err) { finished(o, t, err); });
			break;
		}
		case opcode::start_actor:
			start(o.a);
			break;
		case opcode::run:
			run_machine(o);
			break;
		default:
			break;
		}
	}

	void hog(const op &o)
	{
		unsigned long got = 0;
		switch (o.sub) {
		case hog_stmt::pages:
			got = hog_pages(static_cast<unsigned long>(o.x.value));
			break;
		case hog_stmt::percent:
			got = hog_fraction(static_cast<double>(o.x.value) / 100.0);
			break;
		default:
			got = hog_all_but(static_cast<unsigned long>(o.x.value));
		}
		hogs_[o.a].pages += got;
	}

	void release(hog_rec &h)
	{
		hog_release(h.pages);
		h.pages = 0;
		for (struct page *pg : h.kept)
			__free_pages(pg, 0);
		h.kept.clear();
	}

	// Takes every free page one at a time, then gives back every other one by frame number:
	// the holes cannot merge (their buddies are held), so no block above order 0 is left.
	void fragment(hog_rec &h)
	{
		std::vector<struct page *> all;
		while (struct page *pg = alloc_pages(GFP_ATOMIC | __GFP_MEMALLOC | __GFP_NOWARN, 0))
			all.push_back(pg);
		std::sort(all.begin(), all.end(), [](auto *a, auto *b) { return page_to_pfn(a) < page_to_pfn(b); });
		for (struct page *pg : all)
			if (page_to_pfn(pg) & 1)
				__free_pages(pg, 0);
			else
				h.kept.push_back(pg);
	}

	void fault(const fault_def &f)
	{
		auto set = [&](const char *knob, long v) {
			return f.failslab ? failslab_set(knob, v) : fail_page_alloc_set(knob, v);
		};
		if (!f.on) {
			set("probability", 0);
			return;
		}
		set("probability", f.probability);
		set("interval", f.interval);
		set("times", f.times);
		set("space", static_cast<long>(f.space));
		set("ignore-gfp-wait", f.ignore_gfp_wait);
		if (!f.failslab)
			set("min-order", f.min_order);
	}

	void create_cache(const op &o)
	{
		const cache_def &d = p_.caches[o.a];
		void (*ctor)(void *) = nullptr;
		if (d.ctor != ctor_kind::none) {
			ctor = ctor_register(d.size, d.ctor == ctor_kind::zero ? 0 : d.pattern);
			if (!ctor)
				return fail(o.loc, fmt::format("at most {} caches with constructors", ctor_slots));
			ctor_ids_.resize(o.a + 1, -1);
			ctor_ids_[o.a] = ctor_index(ctor);
		}
		struct kmem_cache *c = kmem_cache_create(d.name.c_str(), d.size, d.align, d.flags, ctor);
		if (!c)
			return fail(o.loc, fmt::format("kmem_cache_create(\"{}\") failed (see the kernel log)", d.name));
		caches_.push_back(c);
		cache_destroyed_.emplace_back();
	}

	// ---- destroying, and what a destroyed cache or pool still allows: nothing ----
	struct kmem_cache *live_cache(std::uint32_t c, source_loc at)
	{
		if (!caches_[c])
			fail(at, fmt::format("cache '{}' was destroyed at {}:{}", p_.caches[c].name,
					     cache_destroyed_[c].line, cache_destroyed_[c].col));
		return caches_[c];
	}

	mempool_t *live_pool(std::uint32_t p, source_loc at)
	{
		const pool_rec &r = pools_[p];
		if (!r.pool)
			fail(at, fmt::format("pool '{}' was destroyed at {}:{}", p_.pools[p].name, r.destroyed.line,
					     r.destroyed.col));
		return r.pool;
	}

	// The kernel reports a cache destroyed with objects still allocated and keeps it (it stays in
	// /proc/slabinfo); either way the scenario's name for it is gone. A pool still drawing on the
	// cache would use freed memory, so that is refused.
	void destroy_cache(const op &o)
	{
		if (!live_cache(o.a, o.loc))
			return;
		for (std::size_t i = 0; i < pools_.size(); ++i)
			if (pools_[i].pool && p_.pools[i].backend == pool_backend::slab && p_.pools[i].cache == o.a)
				return fail(o.loc, fmt::format("pool '{}' still allocates from cache '{}': "
							       "mempool_destroy({}) first", p_.pools[i].name,
							       p_.caches[o.a].name, p_.pools[i].name));
		kmem_cache_destroy(caches_[o.a]);
		caches_[o.a] = nullptr;
		cache_destroyed_[o.a] = o.loc;
	}

	// mempool_destroy reports elements still allocated (they are leaked); a task asleep in
	// mempool_alloc on the pool would wake on freed memory, so that is refused.
	void destroy_pool(const op &o)
	{
		mempool_t *m = live_pool(o.a, o.loc);
		if (!m)
			return;
		if (int n = m->sim_stats.nr_waiters)
			return fail(o.loc, fmt::format("{} task{} still wait{} in mempool_alloc on pool '{}': they would "
						       "wake on freed memory", n, n == 1 ? "" : "s", n == 1 ? "s" : "",
						       p_.pools[o.a].name));
		mempool_destroy(m);
		pools_[o.a].pool = nullptr;
		pools_[o.a].destroyed = o.loc;
		pools_[o.a].in_reserve.clear();
	}

	// ---- kernel modules ----
	// Called in the insmod or rmmod task when the system call returns. The tool's error line is
	// what a shell would show; a failure no `expect` looks at fails like an expectation.
	void finished(const op &o, tool_result &t, int err)
	{
		t = {tool_result::finished, err};
		if (!err)
			return;
		const module_def &m = p_.modules[o.a];
		bool insmod = o.code == opcode::insmod;
		std::string line = insmod ? insmod_error(m.name, err) : rmmod_error(m.name, err);
		if (o_.out)
			*o_.out << line << '\n';
		if (insmod ? m.insmod_checked : m.rmmod_checked)
			return;
		out_->expectations.push_back({o.loc, p_.strings[o.c], false,
					      insmod ? "the module to load" : "the module to unload",
					      fmt::format("{} ({})", errno_name(err), line)});
	}

	void create_pool(const op &o)
	{
		const pool_def &d = p_.pools[o.a];
		pool_rec &r = pools_.emplace_back();
		switch (d.backend) {
		case pool_backend::slab:
			if (!live_cache(d.cache, o.loc))
				return;
			r.pool = mempool_create_slab_pool(d.min_nr, caches_[d.cache]);
			r.elem_bytes = kmem_cache_size(caches_[d.cache]);
			break;
		case pool_backend::kmalloc:
			r.pool = mempool_create_kmalloc_pool(d.min_nr, d.arg);
			r.elem_bytes = d.arg;
			break;
		case pool_backend::pages:
			r.pool = mempool_create_page_pool(d.min_nr, static_cast<int>(d.arg));
			r.elem_bytes = PAGE_SIZE << d.arg;
			break;
		case pool_backend::kzalloc:
			r.kzalloc_size = d.arg;
			r.pool = mempool_create(d.min_nr, kzalloc_element, kfree_element, &r.kzalloc_size);
			r.elem_bytes = d.arg;
			break;
		}
		if (!r.pool)
			return fail(o.loc, fmt::format("mempool_create for '{}' failed: not enough memory for {} elements",
						       d.name, d.min_nr));
		mempool_set_name(r.pool, d.name);
		r.resync();
	}

	void start(std::uint32_t a)
	{
		const actor_def &d = p_.actors[a];
		auto body = [this, a] {
			std::vector<std::int64_t> frame(p_.actors[a].counters);
			exec(p_.actors[a].entry, frame.data());
		};
		switch (d.kind) {
		case actor_def::task:
			if (d.at_ns > now_ns)
				raise_irq(d.cpu, d.at_ns, [this, a, body] { tasks_[a] = spawn(p_.actors[a].cpu, p_.actors[a].name, body); });
			else
				tasks_[a] = spawn(d.cpu, d.name, body);
			break;
		default:
			raise_irq(d.cpu, std::max(d.at_ns, now_ns), body);
		}
	}

	void run_machine(const op &o)
	{
		run_limits lim;
		if (o.sub == run_stmt::for_time)
			lim.until_ns = now_ns + std::min(static_cast<std::uint64_t>(o.x.value), UINT64_MAX - now_ns);
		else if (o.sub == run_stmt::until_time)
			lim.until_ns = static_cast<std::uint64_t>(o.x.value);
		// A timed run lets time pass even when the machine is idle, so deferrable work such
		// as cache_reap keeps its schedule.
		lim.advance_idle = o.sub != run_stmt::until_idle;
		if (o_.caps.run_steps)
			lim.max_steps = o_.caps.run_steps;
		sim::run_result r = sim::run(lim);
		out_->runs.push_back(fmt::format("{}:{}: run: {}", p_.file, o.loc.line, r.message));
		if (narrator_->on())
			narrator_->ran(r.message);
		if (r.status == run_status::machine_time_limit || r.status == run_status::step_limit)
			capped(r.status, fmt::format("{}:{}: run: {}", p_.file, o.loc.line, r.message));
	}

	// ---- inspection ----
	task_struct *task_of(std::uint32_t actor) const
	{
		auto it = tasks_.find(actor);
		return it == tasks_.end() ? nullptr : it->second;
	}

	void print(const op &o)
	{
		if (!o_.out) {
			if (static_cast<view>(o.sub) == view::dmesg && o.b)
				log_clear(); // dmesg -c clears even when nothing is shown
			return;
		}
		std::ostream &out = *o_.out;
		switch (static_cast<view>(o.sub)) {
		case view::slabinfo:
			out << sim::slabinfo();
			break;
		case view::buddyinfo:
			out << proc_buddyinfo();
			break;
		case view::meminfo:
			out << proc_meminfo();
			break;
		case view::zoneinfo:
			out << proc_zoneinfo();
			break;
		case view::mempools:
			out << mempoolinfo();
			break;
		case view::dmesg:
			out << sim::dmesg(o.b);
			break;
		case view::task:
			out << task_line(o.a) << '\n';
			break;
		}
	}

	std::string task_line(std::uint32_t actor) const
	{
		const task_struct *t = task_of(actor);
		if (!t)
			return fmt::format("{}: not started", p_.actors[actor].name);
		std::string wait = describe_wait(t);
		return fmt::format("{} pid {} cpu {} state {}{}{}", t->comm, t->pid, t->cpu, task_state_char(t),
				   wait.empty() ? "" : ": ", wait);
	}

	void expect(const op &o, const expect_def &e, const std::int64_t *frame)
	{
		expectation r{o.loc, e.text, true, "", ""};
		auto object = [&](std::uint32_t obj, const operand &idx) -> const slot * {
			op fake = o;
			fake.a = obj;
			fake.x = idx;
			return holding(fake, frame);
		};
		switch (e.kind) {
		case expect_stmt::is_null:
		case expect_stmt::not_null: {
			const slot *s = object(e.object, e.index);
			if (!s)
				return;
			bool want_null = e.kind == expect_stmt::is_null;
			r.passed = (s->ptr == nullptr) == want_null;
			r.expected = want_null ? "NULL" : "memory";
			r.actual = s->ptr ? "memory" : "NULL";
			break;
		}
		case expect_stmt::from_reserve:
		case expect_stmt::from_backing: {
			const slot *s = object(e.object, e.index);
			if (!s)
				return;
			r.expected = e.kind == expect_stmt::from_reserve ? "from the reserve" : "from the backing allocator";
			r.actual = !s->ptr ? "NULL" : s->from_reserve ? "from the reserve" : "from the backing allocator";
			r.passed = r.expected == r.actual;
			break;
		}
		case expect_stmt::holds: {
			const slot *s = object(e.object, e.index);
			if (!s || !check_live(o.loc, e.object, *s))
				return;
			const auto *b = static_cast<const unsigned char *>(bytes_of(*s));
			std::size_t i = 0;
			while (i < s->bytes && b[i] == e.value)
				++i;
			r.passed = i == s->bytes;
			r.expected = fmt::format("all {} bytes 0x{:02x}", s->bytes, e.value);
			r.actual = r.passed ? r.expected : fmt::format("byte {} is 0x{:02x}", i, b[i]);
			break;
		}
		case expect_stmt::same_as: {
			const slot *a = object(e.object, e.index), *b = object(e.other, e.other_index);
			if (!a || !b)
				return;
			r.passed = a->ptr == b->ptr;
			r.expected = "the same address";
			r.actual = r.passed ? "the same address" : "different addresses";
			break;
		}
		case expect_stmt::task_state:
			task_state(e, r);
			break;
		case expect_stmt::compare:
			compare(o, e, r);
			break;
		case expect_stmt::module_result:
			module_result(e, r);
			break;
		case expect_stmt::dmesg_has: {
			std::string log = sim::dmesg();
			r.passed = log.find(e.text_arg) != std::string::npos;
			claims_.claim(e.text_arg);
			r.expected = fmt::format("\"{}\" in the kernel log", e.text_arg);
			r.actual = r.passed ? r.expected : "not there";
			break;
		}
		}
		if (narrator_->on())
			narrator_->expected(r);
		out_->expectations.push_back(std::move(r));
	}

	void module_result(const expect_def &e, expectation &r) const
	{
		const module_rec &m = modules_[e.target];
		bool insmod = e.name == "insmod";
		const tool_result &t = insmod ? m.insmod : m.rmmod;
		r.expected = e.value == 0 ? "succeeded" : e.value == 1 ? "failed" : "failed with " + errno_name(e.value);
		switch (t.state) {
		case tool_result::not_run:
			r.actual = "not run yet";
			break;
		case tool_result::running:
			r.actual = insmod ? "still running: module_init has not returned"
					  : "still running: module_exit has not returned";
			break;
		case tool_result::finished:
			r.actual = t.err ? "failed with " + errno_name(t.err) : "succeeded";
		}
		r.passed = t.state == tool_result::finished &&
			   (e.value == 0 ? t.err == 0 : e.value == 1 ? t.err != 0 : t.err == e.value);
	}

	void task_state(const expect_def &e, expectation &r) const
	{
		static const char *words[] = {"running", "sleeping", "interruptible", "uninterruptible", "done"};
		const task_struct *t = task_of(e.target);
		char c = t ? task_state_char(t) : '-';
		r.expected = words[e.value];
		r.actual = c == 'R' ? "running" : c == 'S' ? "interruptible" : c == 'D' ? "uninterruptible"
			 : c == 'X' ? "done" : "not started";
		switch (static_cast<want_state>(e.value)) {
		case want_state::sleeping:
			r.passed = c == 'S' || c == 'D';
			break;
		default:
			r.passed = r.expected == r.actual;
		}
		if (t && (c == 'S' || c == 'D'))
			r.actual += " (" + describe_wait(t) + ")";
	}

	std::optional<std::int64_t> field(const op &o, const expect_def &e)
	{
		switch (e.subject) {
		case expect_def::pool: {
			const mempool_t *m = live_pool(e.target, o.loc);
			if (!m)
				return std::nullopt;
			const mempool_stats &st = m->sim_stats;
			const std::pair<const char *, std::int64_t> fields[] = {
				{"min_nr", m->min_nr}, {"curr_nr", m->curr_nr}, {"alloc_backing", long(st.alloc_backing)},
				{"alloc_reserve", long(st.alloc_reserve)}, {"alloc_fail", long(st.alloc_fail)},
				{"free_reserve", long(st.free_reserve)}, {"free_backing", long(st.free_backing)},
				{"sleeps", long(st.sleeps)}, {"wakeups", long(st.wakeups)}, {"timeouts", long(st.timeouts)},
				{"lowest_nr", st.lowest_nr}, {"nr_waiters", st.nr_waiters}, {"max_waiters", st.max_waiters},
				{"outstanding", mempool_outstanding(m)}};
			for (auto &[name, v] : fields)
				if (e.field == name)
					return v;
			return std::nullopt;
		}
		case expect_def::cache:
			if (e.field == "ctor_calls")
				return static_cast<std::int64_t>(ctor_calls(ctor_ids_.size() > e.target ? ctor_ids_[e.target] : -1));
			if (!caches_[e.target]) // destroyed: only /proc/slabinfo can say whether it lingers
				return lingering(o, e);
			return slab_column(caches_[e.target], e.field);
		case expect_def::slabinfo_name: {
			struct kmem_cache *c = find_cache(e.name);
			if (!c) {
				fail(o.loc, fmt::format("no cache named '{}' in /proc/slabinfo", e.name));
				return std::nullopt;
			}
			return slab_column(c, e.field);
		}
		case expect_def::hog:
			return static_cast<std::int64_t>(hogs_[e.target].pages + hogs_[e.target].kept.size());
		case expect_def::task: {
			const task_struct *t = task_of(e.target);
			if (!t)
				return std::nullopt;
			return e.field == "cpu" ? std::int64_t(t->cpu) : std::int64_t(t->pid);
		}
		case expect_def::meminfo:
			return proc_value(proc_meminfo(), e.field + ":", 0);
		case expect_def::buddyinfo:
			return buddy_free(std::stoi(e.field.substr(5)));
		case expect_def::jiffies:
			return static_cast<std::int64_t>(jiffies - INITIAL_JIFFIES);
		}
		return std::nullopt;
	}

	// A cache kmem_cache_destroy refused to free (it still had objects) stays in /proc/slabinfo.
	std::optional<std::int64_t> lingering(const op &o, const expect_def &e)
	{
		const std::string &name = p_.caches[e.target].name;
		if (struct kmem_cache *c = find_cache(name))
			return slab_column(c, e.field);
		fail(o.loc, fmt::format("cache '{}' was destroyed at {}:{} and is gone from /proc/slabinfo", name,
					cache_destroyed_[e.target].line, cache_destroyed_[e.target].col));
		return std::nullopt;
	}

	static std::int64_t slab_column(struct kmem_cache *c, const std::string &col)
	{
		struct slabinfo si{};
		get_slabinfo(c, &si);
		const std::pair<const char *, std::int64_t> cols[] = {
			{"active_objs", long(si.active_objs)}, {"num_objs", long(si.num_objs)},
			{"objsize", kmem_cache_size(c)}, {"objperslab", si.objects_per_slab},
			{"pagesperslab", 1l << si.cache_order}, {"limit", si.limit}, {"batchcount", si.batchcount},
			{"sharedfactor", si.shared}, {"active_slabs", long(si.active_slabs)},
			{"num_slabs", long(si.num_slabs)}, {"sharedavail", long(si.shared_avail)}};
		for (auto &[name, v] : cols)
			if (col == name)
				return v;
		return 0;
	}

	// The number after `key` on its line of a /proc text.
	static std::optional<std::int64_t> proc_value(const std::string &text, const std::string &key, int skip)
	{
		std::istringstream in(text);
		for (std::string line; std::getline(in, line);) {
			std::istringstream words(line);
			std::string w;
			words >> w;
			if (w != key)
				continue;
			std::int64_t v = 0;
			while (skip-- >= 0)
				words >> v;
			return v;
		}
		return std::nullopt;
	}

	// Free blocks of `order` summed over the zones of /proc/buddyinfo.
	static std::int64_t buddy_free(int order)
	{
		std::istringstream in(proc_buddyinfo());
		std::int64_t sum = 0;
		for (std::string line; std::getline(in, line);) {
			std::istringstream words(line);
			std::string w;
			for (int i = 0; i < 4; ++i) // "Node 0, zone Normal"
				words >> w;
			std::int64_t v = 0;
			for (int i = 0; i <= order && words >> v;)
				++i;
			sum += v;
		}
		return sum;
	}

	void compare(const op &o, const expect_def &e, expectation &r)
	{
		std::optional<std::int64_t> v = field(o, e);
		if (error_)
			return;
		r.expected = fmt::format("{} {}", e.op, e.value);
		if (!v) {
			r.passed = false;
			r.actual = e.subject == expect_def::meminfo ? fmt::format("no '{}' line in /proc/meminfo", e.field)
								     : "not available";
			return;
		}
		r.actual = fmt::format("{}", *v);
		const std::string &op = e.op;
		r.passed = op == "==" ? *v == e.value : op == "!=" ? *v != e.value : op == "<" ? *v < e.value
			 : op == "<=" ? *v <= e.value : op == ">" ? *v > e.value : *v >= e.value;
	}

	void capture(outcome &out)
	{
		out.ops = ops_;
		out.end_ns = now_ns;
		out.slabinfo = sim::slabinfo();
		out.buddyinfo = proc_buddyinfo();
		out.meminfo = proc_meminfo();
		out.zoneinfo = proc_zoneinfo();
		out.mempools = mempoolinfo();
		for (std::size_t i = 0; i < pools_.size(); ++i)
			if (pools_[i].pool)
				out.pools.push_back({p_.pools[i].name, pools_[i].pool->min_nr,
						     pools_[i].pool->curr_nr, pools_[i].pool->sim_stats});
	}

	// Gives the hogs' pages back; the machine's teardown reclaims everything else.
	void release_all()
	{
		for (auto &[name, h] : hogs_)
			release(h);
	}

	const program &p_;
	const run_options &o_;
	outcome *out_ = nullptr;
	std::vector<slot> slots_;
	std::vector<struct kmem_cache *> caches_; // null once destroyed
	std::vector<source_loc> cache_destroyed_;
	std::vector<int> ctor_ids_;
	std::deque<pool_rec> pools_; // stable addresses: pool_data points into them
	std::map<std::uint32_t, hog_rec> hogs_;
	std::map<std::uint32_t, task_struct *> tasks_; // by actor, once spawned
	std::vector<module_rec> modules_;
	std::optional<scenario_error> error_;
	bool halt_ = false; // an error or a cap: the code still running returns
	std::optional<narrator> narrator_;
	std::uint64_t ops_ = 0;
	std::uint64_t next_poll_ = 1u << 20;
	report_claims claims_;
};

} // namespace

bool outcome::passed() const { return failures() == 0 && unexpected_reports.empty() && !capped; }

std::size_t outcome::failures() const
{
	return std::count_if(expectations.begin(), expectations.end(), [](auto &e) { return !e.passed; });
}

outcome run(const program &p, const run_options &opts) { return interp(p, opts).go(); }

std::string failure_line(const std::string &file, const expectation &e)
{
	return fmt::format("{}:{}:{}: expectation failed: {}: expected {}, actual {}", file, e.loc.line, e.loc.col,
			   e.text, e.expected, e.actual);
}

std::string failure_line(const std::string &file, const kernel_report &r)
{
	return fmt::format("{}: unexpected kernel report: {}", file, r.headline);
}

std::vector<std::string> outcome::failure_lines() const
{
	std::vector<std::string> lines;
	for (const expectation &e : expectations)
		if (!e.passed)
			lines.push_back(failure_line(file, e));
	for (const kernel_report &r : unexpected_reports)
		lines.push_back(failure_line(file, r));
	if (capped)
		lines.push_back(capped_message);
	return lines;
}

} // namespace sim::scenario
