// SPDX-License-Identifier: GPL-2.0-only
// Shared between the engine's files: CPUs, the event queue, the switch primitives.
#pragma once

#include "linux/bug.h"
#include "linux/spinlock_types.h"
#include "linux/timer.h"
#include "linux/wait.h"
#include "linux/workqueue.h"
#include "sim/sched/fiber.h"
#include "sim/sched/oops_regs.h"
#include "sim/sched/sched.h"
#include "sim/sched/task.h"

#include <boost/intrusive/rbtree.hpp>
#include <boost/intrusive/trivial_value_traits.hpp>
#include <climits>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
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

std::uint64_t run_end_ns(); // the run's own time limit or the machine's, whichever is first
// Ends the run in progress with run_status::lockup, saying `why`.
void stop_run_on_lockup(std::string why);
unsigned long nr_running(); // tasks running or on a run queue
void for_each_task(const std::function<void(task *)> &fn); // by pid
void schedule_bug(const task_struct *prev); // "BUG: scheduling while atomic"

// khungtaskd (hung_task.cpp): the scan; returns how many hung tasks it found.
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

bool preempt_roll(); // seeded preemption: the PRNG's verdict at a preemption point

// The timer wheel of kernel/time/timer.c (v5.4, timer.cpp): a base has lvl_depth levels of
// 64 buckets; a level-n bucket spans 8^n jiffies.
inline constexpr unsigned LVL_BITS = 6;
inline constexpr unsigned long LVL_SIZE = 1UL << LVL_BITS;
inline constexpr unsigned MAX_LVL_DEPTH = 9;
struct timer_base {
	unsigned long clk = 0;             // the next jiffy whose buckets have not run
	unsigned long next_expiry = 0;     // the jiffy of the first pending bucket, if levels
	unsigned levels = 0;               // bit n: level n has a pending bucket
	u64 pending_map[MAX_LVL_DEPTH] = {}; // bit b of word n: bucket b of level n is not empty
	hlist_head vectors[MAX_LVL_DEPTH * LVL_SIZE] = {};
};

// A CPU's kworker and its work list (workqueue.cpp).
struct worker_pool {
	task *worker = nullptr;
	struct list_head worklist;
	struct work_struct *current_work = nullptr;
	wait_queue_head done{}; // woken after each work item
};

/*
 * Everything the engine keeps for the booted machine, value-initialised by sched_boot() and
 * emptied by sched_teardown(); gdb's `ps` reads `tasks` (tools/gdb). Not here: what the
 * kernel itself has as globals and modules or inline fast paths read (jiffies, nr_cpu_ids,
 * __sim_this_cpu, __sim_current, __sim_preempt_armed, debug_locks), and the clock (now_ns,
 * next_tick_ns: sim/sched/clock.h, read inline by every layer).
 *
 * CPUs and tasks
 *   cpus            CPU n at index n; empty while no machine is booted.
 *   tasks           every task spawned since boot, by pid - 1; an exited task stays (state X)
 *                   until teardown, so pids are never reused and `ps` shows it.
 *   runnable_cpus   bit n set iff cpus[n]->rq is not empty (the pick needs no loop).
 *   last_cpu        the CPU the last slice ran on: the next pick starts after it (boot sets
 *                   the last CPU, so CPU 0 goes first).
 *   switches        task switches since boot (sim::context_switches()).
 *   host_ctx, host_stack  the run loop's fiber while a task runs, and its stack (for ASan).
 *
 * The run in progress (run()). A task that gives up its CPU switches straight to the task the
 * loop would pick next; it goes back to the loop only when steps reach step_limit or the clock
 * reaches time_barrier_ns, each one compare (at_limit()).
 *   limits          the run's own limits; machine_limit_ns is machine_config::time_limit_ns.
 *   steps           task slices and events since run() began.
 *   step_limit      the nearest step barrier: min(limits.max_steps, window_end); 0 outside
 *                   run() and once a stop is asked for (stop_requested, lockup_detected).
 *   time_barrier_ns min(limits.until_ns, machine_limit_ns, next_hung_scan_ns); 0 outside run().
 *   window_end, window_start_ns  the frozen-clock window: by step window_end the clock must
 *                   have moved past window_start_ns, or the run ends at the step limit.
 *   lockup_message  why the soft-lockup watchdog ended the run (with lockup_detected).
 *   abnormal_run    how the run ended when a task (not the loop) saw it end.
 *
 * Events and timers (timer.cpp)
 *   events          exact-time events (interrupts, hrtimer wakeups) by (when_ns, seq);
 *                   event_seq numbers them in arming order.
 *   timer_bases     two per CPU, the deferrable one second: [cpu * 2 + deferrable];
 *                   lvl_depth is 9 when HZ > 100, else 8, as in v5.4.
 *   timers_next     the jiffy at which the wheel's first pending bucket runs (ULONG_MAX: none),
 *                   in next_base.
 *   next_event_ns   when the first event or timer bucket is due (~0: none); kept up to date by
 *                   both, so a task switch asks with one compare (event_due()).
 *
 * Workers and watchdogs
 *   worker_pools    one per CPU; its kworker is created when work is first queued there.
 *   next_hung_scan_ns  khungtaskd's next scan (~0 when hung_task_timeout_secs is 0).
 *   spinners        tasks in spin_wait(), by when they began (lockup.cpp).
 *   irq_waits       wait-queue entries queued by the interrupt handler running now (wait.cpp).
 *   prev_jiffy      might_sleep()'s ratelimit: the jiffy of its last report.
 *
 * Oopses (oops.cpp, oops_regs.cpp)
 *   last_cr2        CR2: the address of the last page fault (set by the fault handler).
 *   die_counter     oopses since boot: the [#N] of the next die header is die_counter + 1.
 *   oops_id         the last end marker's id; 0 before the first, which derives from the
 *                   machine's seed (init_oops_id()).
 *   exec_summary    the first oops's registers, printed again after each report.
 *
 * Seeded preemption
 *   preempt_percent the chance of a switch at each preemption point; prng_state its PRNG,
 *                   derived from the machine's seed.
 */
struct sched_state {
	std::vector<std::unique_ptr<cpu>> cpus;
	std::vector<std::unique_ptr<task>> tasks;
	std::uint64_t runnable_cpus = 0;
	unsigned last_cpu = 0;
	std::uint64_t switches = 0;
	fcontext_t host_ctx = nullptr;
	fiber_stack host_stack;

	run_limits limits;
	std::uint64_t machine_limit_ns = 0;
	std::uint64_t steps = 0;
	std::uint64_t step_limit = 0;
	std::uint64_t time_barrier_ns = 0;
	std::uint64_t window_end = 0;
	std::uint64_t window_start_ns = 0;
	bool stop_requested = false;
	bool lockup_detected = false;
	std::string lockup_message;
	std::optional<run_result> abnormal_run;

	event_queue events;
	std::uint64_t event_seq = 0;
	std::vector<timer_base> timer_bases;
	unsigned lvl_depth = MAX_LVL_DEPTH;
	unsigned long timers_next = ULONG_MAX;
	timer_base *next_base = nullptr;
	std::uint64_t next_event_ns = ~0ULL;

	std::vector<std::unique_ptr<worker_pool>> worker_pools;
	std::uint64_t next_hung_scan_ns = ~0ULL;
	std::vector<task *> spinners;
	std::vector<wait_queue_entry *> irq_waits;
	unsigned long prev_jiffy = 0;

	std::uint64_t last_cr2 = 0;
	int die_counter = 0;
	std::uint64_t oops_id = 0;
	std::optional<pt_regs> exec_summary;

	unsigned preempt_percent = 0;
	std::uint64_t prng_state = 0;
};
extern sched_state sched_globals;

inline cpu &cpu_of(unsigned n) { return *sched_globals.cpus[n]; }
inline bool event_due(std::uint64_t now) { return now >= sched_globals.next_event_ns; }

} // namespace sim
