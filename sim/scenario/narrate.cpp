// SPDX-License-Identifier: GPL-2.0-only
#include "sim/scenario/narrate.h"

#include "linux/sched.h"
#include "sim/sched/clock.h"
#include "sim/trace/trace.h"

#include <fmt/format.h>

namespace sim::scenario {

narrator::narrator(const program &p, std::ostream *out) : p_(p), out_(out)
{
	if (on())
		trace_start();
}

narrator::~narrator()
{
	if (on())
		trace_stop();
}

void narrator::before(const op &o, const mempool_t *pool)
{
	if (pool)
		before_[get_current()] = pool->sim_stats;
}

namespace {

std::string plural(unsigned long n, const char *one, const char *many)
{
	return fmt::format("{} {}", n, n == 1 ? one : many);
}

} // namespace

void narrator::after(const op &o, const mempool_t *pool)
{
	if (o.code == opcode::ret || o.code == opcode::loop_next || o.code == opcode::hook ||
	    o.code == opcode::expect || o.code == opcode::run)
		return;
	const task_struct *t = get_current();
	std::string who = t->pid ? fmt::format("{}/cpu{}", t->comm, t->cpu) : "top level";
	std::string line = o.loc.line && o.loc.line <= p_.lines.size() ? p_.lines[o.loc.line - 1] : "";
	line.erase(0, line.find_first_not_of(" \t"));
	*out_ << fmt::format("[{:>5}.{:06}] {} line {}: {}\n", now_ns / 1000000000, now_ns / 1000 % 1000000, who,
			     o.loc.line, line);
	kernel_events();
	auto say = [&](const std::string &s) { *out_ << "    -> " << s << '\n'; };
	if (o.code == opcode::insmod || o.code == opcode::rmmod)
		say(fmt::format("started a task named {0} on CPU 0, as the shell starts the tool; when it runs, "
				"its system call {1}", o.code == opcode::insmod ? "insmod" : "rmmod",
				o.code == opcode::insmod ? "loads the module and calls its module_init"
							 : "calls the module's module_exit and unloads it"));
	if (!pool)
		return;
	const mempool_stats &a = before_[t], &b = pool->sim_stats;
	if (o.code == opcode::alloc) {
		if (b.sleeps > a.sleeps)
			say(fmt::format("mempool_alloc found the allocator failing and the reserve empty, so the task "
					"slept in io_schedule_timeout(5*HZ) on pool->wait until a mempool_free or the "
					"timeout woke it (meanwhile the pool counted {}, {} and {}, over all its "
					"waiters)", plural(b.sleeps - a.sleeps, "sleep", "sleeps"),
					plural(b.wakeups - a.wakeups, "wake-up by mempool_free", "wake-ups by mempool_free"),
					plural(b.timeouts - a.timeouts, "5-second timeout", "5-second timeouts")));
		if (b.alloc_backing > a.alloc_backing)
			say("pool->alloc, the backing allocator, gave the element: the reserve was not touched");
		else if (b.alloc_reserve > a.alloc_reserve)
			say(fmt::format("the backing allocator failed, so the element came from the reserve "
					"(curr_nr is now {} of min_nr {})", pool->curr_nr, pool->min_nr));
		else if (b.alloc_fail > a.alloc_fail)
			say("NULL: the backing allocator failed, the reserve is empty, and these GFP flags do not "
			    "allow sleeping (no __GFP_DIRECT_RECLAIM)");
	} else if (o.code == opcode::free) {
		if (b.free_reserve > a.free_reserve)
			say(fmt::format("the reserve was below min_nr, so mempool_free kept the element (curr_nr {} "
					"of {}) and woke any waiter", pool->curr_nr, pool->min_nr));
		else if (b.free_backing > a.free_backing)
			say("the reserve was full, so mempool_free gave the element back to pool->free");
	}
}

// The kernel's own account of the statement: the trace events it emitted, which name the
// refills, grows, flushes and sleeps behind it.
void narrator::kernel_events()
{
	trace_for_each([&](const trace_entry_view &e) {
		std::string l;
		trace_format_line(l, e);
		*out_ << "    kernel: " << l;
		if (l.empty() || l.back() != '\n')
			*out_ << '\n';
	});
	trace_clear();
}

void narrator::ran(const std::string &why)
{
	kernel_events();
	*out_ << "run: " << why << '\n';
}

void narrator::expected(const expectation &r)
{
	kernel_events();
	*out_ << fmt::format("line {}: {} -- {}\n", r.loc.line, r.text,
			     r.passed ? "holds" : fmt::format("FAILS: expected {}, actual {}", r.expected, r.actual));
}

} // namespace sim::scenario
