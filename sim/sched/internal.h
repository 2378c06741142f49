// SPDX-License-Identifier: GPL-2.0-only
// Shared between the engine's files: CPUs, the event queue, the switch primitives.
#pragma once

#include "linux/bug.h"
#include "linux/timer.h"
#include "sim/sched/task.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace sim {

struct cpu {
	sim_cpu_ctx ctx{};
	task idle;            // swapper/N, pid 0: current in interrupt context and between tasks
	task *curr = nullptr; // the task running on this CPU, if any
	task *shown = nullptr;// the task the trace last showed switching in (idle or a task)
	run_queue rq;
};

extern std::vector<std::unique_ptr<cpu>> cpus;

inline cpu &cpu_of(unsigned n) { return *cpus[n]; }
// The running task, or nullptr in host context (boot code, interrupt and timer context).
task *running_task();

// A task that exists but is not runnable until woken (kthread_create).
task *create_task(unsigned cpu, const char *comm, std::function<int()> body);
void enqueue(task *p);                       // at the tail of its CPU's run queue
int try_to_wake_up(task *p, unsigned state); // 1 if it woke

// Gives up the CPU: the task sleeps unless its state is TASK_RUNNING, in which case it goes
// to the back of its run queue. `preempted` marks an involuntary switch in the trace.
void switch_out(task *prev, bool preempted);
// True if anything else could run now: another runnable task or a due event.
bool others_waiting();

// The event queue: timers, interrupts, high-resolution wakeups, by (time, arming order).
enum class event_context { softirq, hardirq };
struct event {
	unsigned cpu;
	bool deferrable;
	event_context context;
	timer_list *timer;          // a timer, or
	std::function<void()> call; // anything else
};
using event_key = std::pair<std::uint64_t, std::uint64_t>;
extern std::map<event_key, event> events;
event_key add_event(std::uint64_t when_ns, event e);
void fire_event(std::map<event_key, event>::iterator it);
void timers_teardown();

// Runs fn on `c` in interrupt context with `offset` added to its preempt count.
void in_interrupt_context(cpu &c, unsigned long offset, const std::function<void()> &fn);

void workqueue_boot(unsigned nr_cpus);
void workqueue_teardown();
void report_reset();        // debug_locks back on, might_sleep ratelimit reset
void hung_task_report(std::uint64_t now);
extern bool lockup_detected; // a spinner that nothing can release: stop the run

// Seeded preemption.
extern unsigned preempt_percent;
bool preempt_roll(); // the PRNG's verdict at a preemption point

} // namespace sim
