// SPDX-License-Identifier: GPL-2.0-only
// Shared between the engine's files: CPUs, the event queue, the switch primitives.
#pragma once

#include "linux/bug.h"
#include "linux/spinlock_types.h"
#include "linux/timer.h"
#include "sim/sched/task.h"

#include <boost/intrusive/rbtree.hpp>
#include <boost/intrusive/trivial_value_traits.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sim {

struct cpu {
	sim_cpu_ctx ctx{};
	task idle;            // swapper/N, pid 0: current in interrupt context and between tasks
	task *shown = nullptr;// the task the trace last showed switching in (idle or a task)
	run_queue rq;
	u64 irq_entered_ns = 0;      // when the interrupt handler running now began
	bool irq_slept = false;      // it called schedule(): reported once, then it busy-waits
};

extern std::vector<std::unique_ptr<cpu>> cpus;

inline cpu &cpu_of(unsigned n) { return *cpus[n]; }
// The running task, or nullptr in host context (boot code, interrupt and timer context).
inline task *running_task()
{
	task *p = to_task(__sim_current);
	return p->on_cpu ? p : nullptr;
}

// A task that exists but is not runnable until woken (kthread_create).
task *create_task(unsigned cpu, const char *comm, std::function<int()> body);
int try_to_wake_up(task *p, unsigned state); // 1 if it woke

// Gives up the CPU: the task sleeps unless its state is TASK_RUNNING, in which case it goes
// to the back of its run queue. `preempted` marks an involuntary switch in the trace.
void switch_out(task *prev, bool preempted);
// True if anything else could run now: another runnable task or a due event.
bool others_waiting();

// Events that run at an exact virtual time: interrupts and high-resolution (usleep_range)
// wakeups, by (due time, arming order), in an intrusive red-black tree (the kernel's rb_node
// layout, colour in the parent pointer's low bit) over nodes their owners embed, so queueing
// and cancelling allocate nothing. timer_list timers are on the timer wheel (timer.cpp).
struct __sim_event {
	unsigned long __rb_parent_color; // 0 while not queued
	__sim_event *__rb_right;
	__sim_event *__rb_left;
	u64 when_ns;                     // virtual time due
	u64 seq;                         // arming order
};
struct event_node_traits {
	using node = __sim_event;
	using node_ptr = __sim_event *;
	using const_node_ptr = const __sim_event *;
	using color = unsigned long;
	static node_ptr get_parent(const_node_ptr n) { return reinterpret_cast<node_ptr>(n->__rb_parent_color & ~1UL); }
	static void set_parent(node_ptr n, node_ptr p)
	{
		n->__rb_parent_color = reinterpret_cast<unsigned long>(p) | (n->__rb_parent_color & 1UL);
	}
	static node_ptr get_left(const_node_ptr n) { return n->__rb_left; }
	static void set_left(node_ptr n, node_ptr l) { n->__rb_left = l; }
	static node_ptr get_right(const_node_ptr n) { return n->__rb_right; }
	static void set_right(node_ptr n, node_ptr r) { n->__rb_right = r; }
	static color get_color(const_node_ptr n) { return n->__rb_parent_color & 1UL; }
	static void set_color(node_ptr n, color c) { n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | c; }
	static color red() { return 0; } // the kernel's RB_RED and RB_BLACK
	static color black() { return 1; }
};
struct event_before {
	bool operator()(const __sim_event &a, const __sim_event &b) const
	{
		return a.when_ns < b.when_ns || (a.when_ns == b.when_ns && a.seq < b.seq);
	}
};
using event_queue = boost::intrusive::rbtree<
	__sim_event,
	boost::intrusive::value_traits<
		boost::intrusive::trivial_value_traits<event_node_traits, boost::intrusive::normal_link>>,
	boost::intrusive::compare<event_before>, boost::intrusive::constant_time_size<false>>;
extern event_queue events;

// A simulated interrupt or an hrtimer wakeup, run in `context`.
enum class event_context { softirq, hardirq };
struct call_event : __sim_event {
	unsigned cpu;
	event_context context;
	bool owned;                 // allocated by the engine: freed once fired or dropped
	std::function<void()> call;
	call_event(unsigned cpu_nr, event_context ctx, bool heap, std::function<void()> fn)
		: __sim_event{}, cpu(cpu_nr), context(ctx), owned(heap), call(std::move(fn)) {}
};

// Queues `e` at `when_ns` (now, if that has passed) after every event already due then.
void queue_event(__sim_event *e, std::uint64_t when_ns);
void dequeue_event(__sim_event *e); // a queued event
inline bool event_queued(const __sim_event *e) { return e->__rb_parent_color != 0; }
// The jiffy at which the timer wheel's first pending bucket runs; ULONG_MAX when none is.
extern unsigned long timers_next;
// When the first exact-time event or timer bucket is due; ~0 if none. Kept up to date by
// both, so a task switch asks with one compare.
extern std::uint64_t next_event_ns;
inline bool event_due(std::uint64_t now) { return now >= next_event_ns; }
bool wakeful_event_pending(); // one that keeps an idle machine running (not deferrable)
void fire_first_event();        // the event due first, or one pass over the due timer buckets
void timers_boot(unsigned nr_cpus);
void timers_teardown();
void for_each_pending_timer(const std::function<void(timer_list *)> &fn);

// Runs fn on `c` in interrupt context with `offset` added to its preempt count.
void in_interrupt_context(cpu &c, unsigned long offset, const std::function<void()> &fn);

void workqueue_boot(unsigned nr_cpus);
void workqueue_teardown();
void report_reset();        // debug_locks back on, might_sleep ratelimit reset

// The run in progress ends when the clock reaches this (its limits, the machine's, the next
// khungtaskd scan); 0 outside run().
extern std::uint64_t time_barrier_ns;
std::uint64_t run_end_ns(); // the run's own time limit or the machine's, whichever is first
// Ends the run in progress with run_status::lockup, saying `why`.
void stop_run_on_lockup(std::string why);
unsigned long nr_running(); // tasks running or on a run queue
void for_each_task(const std::function<void(task *)> &fn); // by pid
void schedule_bug(const task_struct *prev); // "BUG: scheduling while atomic"

// khungtaskd (hung_task.cpp): its next scan, and the scan; returns how many hung tasks it found.
extern std::uint64_t next_hung_scan_ns;
void hung_task_boot();
unsigned check_hung_uninterruptible_tasks();

// The soft-lockup watchdog's view of spinning (lockup.cpp). spin_wait() returns once `lock`
// is free: the task spins by yielding its CPU; when only spinners are left, the clock moves to
// the next event or watchdog report; when nothing can ever release their locks, the run ends.
void spin_wait(task *p, const spinlock_t *lock);
// A handler that sleeps (schedule() in interrupt context) cannot: the CPU busy-waits until
// `wake_ns` instead, reported once; a handler stuck for the soft-lockup threshold is reported
// and abandoned (its waits unhooked, then unwound), and the run ends.
void sleep_in_interrupt(std::uint64_t wake_ns);
// Wait-queue entries a handler queued (on its stack, which abandoning it unwinds).
void irq_wait_queued(wait_queue_head *wq_head, wait_queue_entry *wq_entry);
void irq_wait_done(wait_queue_entry *wq_entry);
void irq_waits_abandon(); // unhooks them all
struct irq_abandoned {};  // thrown to unwind an abandoned handler

// Seeded preemption.
extern unsigned preempt_percent;
bool preempt_roll(); // the PRNG's verdict at a preemption point

} // namespace sim
