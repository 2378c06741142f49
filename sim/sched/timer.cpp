// SPDX-License-Identifier: GPL-2.0-only
// The event queue, timers, schedule_timeout() and friends (kernel/time/timer.c),
// and simulated interrupts.
#include "linux/delay.h"
#include "linux/printk.h"
#include "linux/timer.h"
#include "sim/sched/clock.h"
#include "sim/sched/cost.h"
#include "sim/sched/internal.h"
#include "sim/sched/sched.h"
#include "sim/trace/sched_events.h"

#include <fmt/format.h>
#include <stdexcept>

namespace sim {

event_queue events;

namespace {
std::uint64_t event_seq = 0;
unsigned nr_wakeful = 0; // queued events that are not deferrable timers

timer_list *timer_of(__sim_event *e) { return container_of(e, timer_list, __sim_ev); }
unsigned timer_cpu(const timer_list *t) { return t->flags & TIMER_CPUMASK; }
bool deferrable(__sim_event *e) { return e->is_timer && (timer_of(e)->flags & TIMER_DEFERRABLE); }

void trace_timer(trace_event<timer_fields> &ev, const timer_list *t)
{
	if (tracing_on)
		ev({t});
}

void arm(timer_list *t, unsigned long expires, unsigned cpu_nr)
{
	t->expires = expires;
	t->flags = (t->flags & ~TIMER_BASEMASK) | cpu_nr;
	t->__sim_ev.is_timer = 1;
	queue_event(&t->__sim_ev, jiffy_start_ns(expires));
	t->entry.pprev = &t->entry.next; // pending
	if (tracing_on)
		trace_timer_start({t, reinterpret_cast<const void *>(t->function), expires, jiffies, t->flags});
}

bool detach(timer_list *t)
{
	if (!timer_pending(t))
		return false;
	dequeue_event(&t->__sim_ev);
	t->entry.pprev = nullptr;
	return true;
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

void fire_timer(timer_list *t)
{
	t->entry.pprev = nullptr; // detached before the call, so it may re-arm itself
	charge(cost::timer_expiry);
	in_interrupt_context(cpu_of(timer_cpu(t)), SOFTIRQ_OFFSET, [t] {
		if (tracing_on)
			trace_timer_expire_entry({t, jiffies, reinterpret_cast<const void *>(t->function), jiffies});
		t->function(t);
		trace_timer(trace_timer_expire_exit, t);
	});
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
	e->seq = ++event_seq;
	events.insert_equal(events.end(), *e); // the newest goes last among equal times: hint the end
	nr_wakeful += !deferrable(e);
}

void dequeue_event(__sim_event *e)
{
	events.erase(events.iterator_to(*e));
	e->__rb_parent_color = 0;
	nr_wakeful -= !deferrable(e);
}

bool wakeful_event_pending() { return nr_wakeful != 0; }

void in_interrupt_context(cpu &c, unsigned long offset, const std::function<void()> &fn)
{
	sim_cpu_ctx *saved_cpu = __sim_this_cpu;
	task_struct *saved_current = __sim_current;
	__sim_this_cpu = &c.ctx;
	__sim_current = &c.idle;
	c.ctx.preempt_count += static_cast<int>(offset);
	unsigned long flags = c.ctx.flags;
	if (offset == HARDIRQ_OFFSET)
		c.ctx.flags = 0;
	fn();
	c.ctx.flags = flags;
	c.ctx.preempt_count -= static_cast<int>(offset);
	__sim_this_cpu = saved_cpu;
	__sim_current = saved_current;
}

void fire_first_event()
{
	__sim_event *e = &*events.begin();
	dequeue_event(e);
	if (e->is_timer)
		fire_timer(timer_of(e));
	else
		fire_call(static_cast<call_event *>(e));
}

// Drops every pending event. Timers stop being pending (they may outlive the machine, as a
// module's static data does); the engine's own events are freed.
void timers_teardown()
{
	while (!events.empty()) {
		__sim_event *e = &*events.begin();
		dequeue_event(e);
		if (e->is_timer)
			timer_of(e)->entry.pprev = nullptr;
		else if (static_cast<call_event *>(e)->owned)
			delete static_cast<call_event *>(e);
	}
}

void raise_irq(unsigned cpu_nr, std::uint64_t at_ns, std::function<void()> handler)
{
	if (cpu_nr >= cpus.size())
		throw std::invalid_argument(
			fmt::format("interrupt on CPU {}: no such CPU (the machine has {})", cpu_nr, cpus.size()));
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
	timer->flags = flags & ~TIMER_BASEMASK;
	timer->__sim_ev = {};
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
	process_timer pt;
	pt.task = current;
	timer_setup(&pt.timer, process_timeout, 0);
	mod_timer(&pt.timer, expire);
	if (task *p = running_task()) {
		p->has_deadline = true;
		p->wake_deadline = expire;
		if (p->waiting == wait_kind::none)
			p->waiting = wait_kind::timeout;
	}
	(schedule)();
	del_timer_sync(&pt.timer);
	if (task *p = running_task())
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
