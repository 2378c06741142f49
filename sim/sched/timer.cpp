// SPDX-License-Identifier: GPL-2.0-only
// The event queue, timers, schedule_timeout() and friends (kernel/time/timer.c),
// and simulated interrupts.
#include "linux/delay.h"
#include "linux/list.h"
#include "linux/printk.h"
#include "linux/timer.h"
#include "sim/sched/clock.h"
#include "sim/sched/cost.h"
#include "sim/sched/internal.h"
#include "sim/sched/sched.h"
#include "sim/sched/trace_events.h"

#include <bit>
#include <climits>
#include <fmt/format.h>
#include <stdexcept>

namespace sim {

namespace {

/*
 * The timer wheel of kernel/time/timer.c (v5.4): each CPU has a base for its timers and
 * one for its deferrable timers. A base has lvl_depth levels of 64 buckets; a level-n
 * bucket spans 8^n jiffies. A timer goes into the level its distance from the base clock
 * selects, rounded up to that level's granularity, so it never fires early but may fire
 * up to one granularity late: the far a timer, the coarser. Arming and cancelling are O(1).
 */
constexpr unsigned LVL_CLK_SHIFT = 3;
constexpr unsigned long LVL_CLK_MASK = (1UL << LVL_CLK_SHIFT) - 1;
constexpr unsigned long LVL_MASK = LVL_SIZE - 1;

constexpr unsigned lvl_shift(unsigned n) { return n * LVL_CLK_SHIFT; }
constexpr unsigned long lvl_gran(unsigned n) { return 1UL << lvl_shift(n); }
// The smallest distance a level takes: one granularity is added when a timer is queued.
constexpr unsigned long lvl_start(unsigned n) { return (LVL_SIZE - 1) << lvl_shift(n - 1); }

void update_next_event()
{
	sched_state &s = sched_globals;
	s.next_event_ns = s.timers_next == ULONG_MAX ? ~0ULL : jiffy_start_ns(s.timers_next);
	if (!s.events.empty())
		s.next_event_ns = std::min(s.next_event_ns, s.events.begin()->when_ns);
}

unsigned timer_cpu(const timer_list *t) { return t->flags & TIMER_CPUMASK; }
unsigned timer_get_idx(const timer_list *t) { return (t->flags & TIMER_ARRAYMASK) >> TIMER_ARRAYSHIFT; }
timer_base &base_of(const timer_list *t)
{
	return sched_globals.timer_bases[timer_cpu(t) * 2 + !!(t->flags & TIMER_DEFERRABLE)];
}

// calc_wheel_index(): the bucket for `expires` seen from `clk`, and the jiffy it runs at.
unsigned calc_wheel_index(unsigned long expires, unsigned long clk, unsigned long &bucket_expiry)
{
	long delta = static_cast<long>(expires - clk);
	unsigned lvl = 0;

	if (delta < 0) { // already due: the next bucket to run
		bucket_expiry = clk;
		return clk & LVL_MASK;
	}
	if (static_cast<unsigned long>(delta) >= lvl_start(sched_globals.lvl_depth)) {
		// Past the wheel's range: capped at its last level's reach, as v5.4 does.
		lvl = sched_globals.lvl_depth - 1;
		expires = clk + lvl_start(sched_globals.lvl_depth) - lvl_gran(lvl);
	} else {
		// The first level that holds delta: delta >> lvl_shift(lvl) below LVL_SIZE - 1.
		// Shifting delta down to LVL_BITS bits finds it, or the level below it.
		unsigned width = std::bit_width(static_cast<unsigned long>(delta));
		if (width > LVL_BITS)
			lvl = (width - LVL_BITS + LVL_CLK_SHIFT - 1) / LVL_CLK_SHIFT;
		lvl += (static_cast<unsigned long>(delta) >> lvl_shift(lvl)) == LVL_SIZE - 1;
	}
	unsigned long slot = (expires + lvl_gran(lvl)) >> lvl_shift(lvl);
	bucket_expiry = slot << lvl_shift(lvl);
	return lvl * LVL_SIZE + (slot & LVL_MASK);
}

// __next_timer_interrupt(): the jiffy of the base's first pending bucket. Level n's next
// bucket to run is clk / 8^n rounded up; its pending buckets lie within the 64 from there.
void update_base_next(timer_base &b)
{
	unsigned long next = ULONG_MAX;
	for (unsigned m = b.levels; m; m &= m - 1) {
		unsigned lvl = std::countr_zero(m);
		unsigned long pos = (b.clk + lvl_gran(lvl) - 1) >> lvl_shift(lvl);
		unsigned ahead = std::countr_zero(std::rotr(b.pending_map[lvl], static_cast<int>(pos & LVL_MASK)));
		next = std::min(next, (pos + ahead) << lvl_shift(lvl));
	}
	b.next_expiry = next;
}

// The first base to run, by the jiffy of its first bucket, then CPU, then standard first.
void update_next_timer()
{
	sched_globals.timers_next = ULONG_MAX;
	sched_globals.next_base = nullptr;
	for (timer_base &b : sched_globals.timer_bases) {
		if (b.levels && b.next_expiry < sched_globals.timers_next) {
			sched_globals.timers_next = b.next_expiry;
			sched_globals.next_base = &b;
		}
	}
	update_next_event();
}

// forward_timer_base(): a base whose buckets are all ahead moves its clock to the jiffy
// after this one, as the tick of a CPU that is running (it is: it arms a timer) keeps it.
void forward_timer_base(timer_base &b)
{
	unsigned long now = jiffies; // volatile: one load

	if (b.clk <= now && (!b.levels || b.next_expiry > now))
		b.clk = now + 1;
}

void enqueue_timer(timer_list *t)
{
	timer_base &b = base_of(t);
	unsigned long bucket_expiry;

	forward_timer_base(b);
	unsigned idx = calc_wheel_index(t->expires, b.clk, bucket_expiry);
	unsigned lvl = idx / LVL_SIZE;
	hlist_add_head(&t->entry, &b.vectors[idx]);
	b.pending_map[lvl] |= 1ULL << (idx & LVL_MASK);
	t->flags = (t->flags & ~TIMER_ARRAYMASK) | (idx << TIMER_ARRAYSHIFT);
	if (!b.levels || bucket_expiry < b.next_expiry)
		b.next_expiry = bucket_expiry;
	b.levels |= 1U << lvl;
	sched_state &s = sched_globals;
	if (b.next_expiry < s.timers_next || (b.next_expiry == s.timers_next && &b < s.next_base)) {
		s.timers_next = b.next_expiry;
		s.next_base = &b;
		update_next_event();
	}
}

// Takes a pending timer off the wheel (or off the list of expired timers being run). The
// bucket's bit goes only when the timer was alone in it, as v5.4's detach_if_pending.
void detach_timer(timer_list *t)
{
	timer_base &b = base_of(t);
	unsigned idx = timer_get_idx(t);
	bool last = t->entry.pprev == &b.vectors[idx].first && !t->entry.next;

	hlist_del_init(&t->entry);
	if (!last)
		return;
	unsigned lvl = idx / LVL_SIZE;
	b.pending_map[lvl] &= ~(1ULL << (idx & LVL_MASK));
	if (!b.pending_map[lvl])
		b.levels &= ~(1U << lvl);
	update_base_next(b);
	if (&b == sched_globals.next_base)
		update_next_timer();
}

// Out of line, so an untraced arm needs no stack frame for the event.
[[gnu::noinline]] void trace_arm(timer_list *t)
{
	trace_timer_start({t, reinterpret_cast<const void *>(t->function), t->expires, jiffies, t->flags});
}

void arm(timer_list *t, unsigned long expires, unsigned cpu_nr)
{
	t->expires = expires;
	t->flags = (t->flags & ~TIMER_BASEMASK) | cpu_nr;
	enqueue_timer(t);
	if (tracing_on)
		trace_arm(t);
}

bool detach(timer_list *t)
{
	if (!timer_pending(t))
		return false;
	detach_timer(t);
	return true;
}

void trace_timer(trace_event<timer_fields> &ev, const timer_list *t)
{
	if (tracing_on)
		ev({t});
}

void process_timeout(timer_list *t);

struct process_timer {
	timer_list timer;
	task_struct *task;
};

void process_timeout(timer_list *t)
{
	process_timer *pt = from_timer(pt, t, timer);
	wake_up_process(pt->task);
}

// `baseclk` is the jiffy whose buckets are being run (earlier than jiffies when late).
void call_timer_fn(timer_list *t, unsigned long baseclk)
{
	charge(cost::timer_expiry);
	in_interrupt_context(cpu_of(timer_cpu(t)), SOFTIRQ_OFFSET, [t, baseclk] {
		if (tracing_on)
			trace_timer_expire_entry({t, jiffies, reinterpret_cast<const void *>(t->function), baseclk});
		t->function(t);
		trace_timer(trace_timer_expire_exit, t);
	});
}

// One pass of __run_timers() over the first due base: skip straight to its first pending
// bucket (as v5.4 does after an idle spell), take every bucket that runs at that jiffy,
// level by level, and run their timers, higher levels first and each bucket newest first.
void run_timers()
{
	timer_base &b = *sched_globals.next_base;
	hlist_head heads[MAX_LVL_DEPTH];
	unsigned levels = 0;
	unsigned long baseclk = b.next_expiry, clk = baseclk;

	b.clk = clk + 1;
	for (unsigned lvl = 0; lvl < sched_globals.lvl_depth; lvl++) {
		unsigned long bit = 1ULL << (clk & LVL_MASK);
		if (b.pending_map[lvl] & bit) {
			hlist_head *vec = &b.vectors[(clk & LVL_MASK) + lvl * LVL_SIZE];
			b.pending_map[lvl] &= ~bit;
			if (!b.pending_map[lvl])
				b.levels &= ~(1U << lvl);
			heads[levels].first = vec->first; // hlist_move_list
			heads[levels].first->pprev = &heads[levels].first;
			vec->first = nullptr;
			levels++;
		}
		if (clk & LVL_CLK_MASK)
			break;
		clk >>= LVL_CLK_SHIFT;
	}
	update_base_next(b);
	update_next_timer();
	// A callback may cancel or re-arm a timer still on these lists: detach handles both.
	while (levels--) {
		while (hlist_node *n = heads[levels].first) {
			timer_list *t = container_of(n, timer_list, entry);
			hlist_del_init(n); // detached before the call, so it may re-arm itself
			call_timer_fn(t, baseclk);
		}
	}
}

void fire_call(call_event *e)
{
	cpu &c = cpu_of(e->cpu);
	if (e->context == event_context::hardirq) {
		charge(cost::irq_entry);
		in_interrupt_context(c, HARDIRQ_OFFSET, e->call);
	} else {
		in_interrupt_context(c, SOFTIRQ_OFFSET, e->call);
	}
	if (e->owned)
		delete e;
}
} // namespace

void queue_event(__sim_event *e, std::uint64_t when_ns)
{
	e->when_ns = std::max(when_ns, now_ns);
	e->seq = ++sched_globals.event_seq;
	// The newest goes last among equal times: hint the end.
	sched_globals.events.insert_equal(sched_globals.events.end(), *e);
	sched_globals.next_event_ns = std::min(sched_globals.next_event_ns, e->when_ns);
}

void dequeue_event(__sim_event *e)
{
	sched_globals.events.erase(sched_globals.events.iterator_to(*e));
	e->__rb_parent_color = 0;
	update_next_event();
}

bool wakeful_event_pending()
{
	if (!sched_globals.events.empty())
		return true;
	for (std::size_t n = 0; n < sched_globals.timer_bases.size(); n += 2) // the standard bases
		if (sched_globals.timer_bases[n].levels)
			return true;
	return false;
}

// A handler abandoned by sleep_in_interrupt() leaves as an exception, with its preempt count
// as it entered (the locks it took stay held, as after an oops).
void in_interrupt_context(cpu &c, unsigned long offset, const std::function<void()> &fn)
{
	sim_cpu_ctx *saved_cpu = __sim_this_cpu;
	task_struct *saved_current = __sim_current;
	__sim_this_cpu = &c.ctx;
	__sim_current = &c.idle;
	int count = c.ctx.preempt_count += static_cast<int>(offset);
	unsigned long flags = c.ctx.flags;
	if (offset == HARDIRQ_OFFSET)
		c.ctx.flags = 0;
	c.irq_entered_ns = now_ns;
	try {
		fn();
	} catch (const irq_abandoned &) {
		c.ctx.preempt_count = count;
	}
	irq_waits_abandon(); // what a handler left queued on its stack is gone with it
	c.irq_slept = false;
	c.idle.state = TASK_RUNNING; // a handler that tried to sleep set it
	c.ctx.flags = flags;
	c.ctx.preempt_count -= static_cast<int>(offset);
	__sim_this_cpu = saved_cpu;
	__sim_current = saved_current;
}

// The earliest due: an interrupt or hrtimer wakeup before the timers of the same moment,
// as hardirqs run before the softirq that expires timers.
void fire_first_event()
{
	sched_state &s = sched_globals;
	if (!s.events.empty() && (jiffies < s.timers_next || s.events.begin()->when_ns <= jiffy_start_ns(s.timers_next))) {
		__sim_event *e = &*s.events.begin();
		dequeue_event(e);
		fire_call(static_cast<call_event *>(e));
	} else {
		run_timers();
	}
}

void timers_boot(unsigned nr_cpus)
{
	sched_globals.lvl_depth = HZ > 100 ? 9 : 8;
	sched_globals.timer_bases.assign(nr_cpus * 2, timer_base{});
	for (timer_base &b : sched_globals.timer_bases)
		b.clk = jiffies;
	update_next_timer();
}

void for_each_pending_timer(const std::function<void(timer_list *)> &fn)
{
	for (timer_base &b : sched_globals.timer_bases)
		for (hlist_head &vec : b.vectors)
			for (hlist_node *n = vec.first; n; n = n->next)
				fn(container_of(n, timer_list, entry));
}

// Drops every pending event. Timers stop being pending (they may outlive the machine, as a
// module's static data does); the engine's own events are freed.
void timers_teardown()
{
	for (timer_base &b : sched_globals.timer_bases)
		for (hlist_head &vec : b.vectors)
			while (vec.first)
				hlist_del_init(vec.first);
	sched_globals.timer_bases.clear();
	update_next_timer();
	while (!sched_globals.events.empty()) {
		auto *e = static_cast<call_event *>(&*sched_globals.events.begin());
		dequeue_event(e);
		if (e->owned)
			delete e;
	}
}

void raise_irq(unsigned cpu_nr, std::uint64_t at_ns, std::function<void()> handler)
{
	if (cpu_nr >= sched_globals.cpus.size())
		throw std::invalid_argument(
			fmt::format("interrupt on CPU {}: no such CPU (the machine has {})", cpu_nr, sched_globals.cpus.size()));
	queue_event(new call_event(cpu_nr, event_context::hardirq, true, std::move(handler)), at_ns);
}

} // namespace sim

using namespace sim;

extern "C" {

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	timer->entry.next = nullptr;
	timer->entry.pprev = nullptr;
	timer->function = func;
	timer->flags = flags & ~(TIMER_BASEMASK | TIMER_ARRAYMASK);
	trace_timer(trace_timer_init, timer);
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	if (timer_pending(timer) && timer->expires == expires)
		return 1;
	bool was = detach(timer);
	// A timer runs on the CPU that armed it, unless pinned elsewhere by add_timer_on().
	unsigned cpu_nr = (timer->flags & TIMER_PINNED) ? timer_cpu(timer) : __sim_this_cpu->cpu;
	arm(timer, expires, cpu_nr);
	return was;
}

void add_timer(struct timer_list *timer)
{
	if (timer_pending(timer)) {
		WARN(1, "add_timer: timer is already pending\n");
		return;
	}
	mod_timer(timer, timer->expires);
}

void add_timer_on(struct timer_list *timer, int cpu_nr)
{
	if (cpu_nr < 0 || static_cast<unsigned>(cpu_nr) >= nr_cpu_ids) {
		WARN(1, "add_timer_on: CPU %d does not exist\n", cpu_nr);
		return;
	}
	if (timer_pending(timer)) {
		WARN(1, "add_timer_on: timer is already pending\n");
		return;
	}
	arm(timer, timer->expires, static_cast<unsigned>(cpu_nr));
}

int del_timer(struct timer_list *timer)
{
	if (!detach(timer))
		return 0;
	trace_timer(trace_timer_cancel, timer);
	return 1;
}

// Timers run between task slices, never alongside one, so there is no running callback to wait for.
int del_timer_sync(struct timer_list *timer) { return del_timer(timer); }

long(schedule_timeout)(long timeout)
{
	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		(schedule)();
		return timeout;
	}
	if (timeout < 0) {
		printk(KERN_ERR "schedule_timeout: wrong timeout value %lx\n", timeout);
		dump_stack();
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	unsigned long expire = timeout + jiffies;
	task *p = running_task();
	if (!p && in_interrupt()) { // a handler cannot sleep: its CPU busy-waits instead
		sleep_in_interrupt(jiffy_start_ns(expire));
		__set_current_state(TASK_RUNNING);
		timeout = static_cast<long>(expire - jiffies);
		return timeout < 0 ? 0 : timeout;
	}
	process_timer pt;
	pt.task = current;
	timer_setup(&pt.timer, process_timeout, 0);
	arm(&pt.timer, expire, __sim_this_cpu->cpu); // mod_timer, less its checks for a pending timer
	if (p) {
		p->has_deadline = true;
		p->wake_deadline = expire;
		if (p->waiting == wait_kind::none)
			p->waiting = wait_kind::timeout;
	}
	(schedule)();
	del_timer_sync(&pt.timer);
	if (p)
		p->has_deadline = false;
	timeout = static_cast<long>(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

long(schedule_timeout_interruptible)(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return (schedule_timeout)(timeout);
}

long(schedule_timeout_uninterruptible)(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return (schedule_timeout)(timeout);
}

long schedule_timeout_idle(long timeout)
{
	__set_current_state(TASK_IDLE);
	return (schedule_timeout)(timeout);
}

long(io_schedule_timeout)(long timeout)
{
	current->in_iowait = 1;
	long ret = (schedule_timeout)(timeout);
	current->in_iowait = 0;
	return ret;
}

void(io_schedule)(void) { (io_schedule_timeout)(MAX_SCHEDULE_TIMEOUT); }

void(msleep)(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;
	while (timeout)
		timeout = (schedule_timeout_uninterruptible)(timeout);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;
	while (timeout)
		timeout = (schedule_timeout_interruptible)(timeout);
	return jiffies_to_msecs(timeout);
}

void usleep_range(unsigned long min, unsigned long max)
{
	// An hrtimer sleep: wake at exactly min microseconds from now.
	task *p = running_task();
	if (!p) {
		if (in_interrupt())
			sleep_in_interrupt(now_ns + min * 1000);
		else
			ndelay(min * 1000);
		return;
	}
	__set_current_state(TASK_UNINTERRUPTIBLE);
	p->waiting = wait_kind::timeout;
	call_event wakeup(p->cpu, event_context::hardirq, false, [p] { wake_up_process(p); });
	queue_event(&wakeup, now_ns + min * 1000);
	(schedule)();
	if (event_queued(&wakeup))
		dequeue_event(&wakeup);
}

void ndelay(unsigned long nsecs) { charge(nsecs); }

} // extern "C"
