// SPDX-License-Identifier: GPL-2.0-only
// The simulator's task: the kernel-visible task_struct plus what the scheduler keeps.
#pragma once

#include "linux/sched.h"
#include "linux/wait.h"
#include "sim/sched/fiber.h"

#include <boost/intrusive/list.hpp>
#include <functional>

namespace sim {

// What a sleeping task waits for, for the hung-task report and task queries.
enum class wait_kind : unsigned char {
	none,
	wait_queue,  // prepare_to_wait*(): wait_obj is the wait_queue_head
	timeout,     // schedule_timeout() without a wait queue, msleep()
	start,       // a kthread created but not yet woken
	other,       // a bare schedule()
};

using rq_hook = boost::intrusive::list_member_hook<boost::intrusive::link_mode<boost::intrusive::normal_link>>;

struct task : task_struct {
	std::function<int()> body;      // the task's function; its value is the exit code
	fiber_stack stack;
	fcontext_t ctx = nullptr;       // where to resume it
	rq_hook run_list;               // on its CPU's run queue while runnable and not running
	bool on_rq = false;
	bool on_cpu = false;            // running right now
	bool exited = false;
	bool should_stop = false;       // kthread_stop() was called
	long exit_code = 0;
	wait_kind waiting = wait_kind::none;
	const void *wait_obj = nullptr;
	unsigned long wake_deadline = 0; // jiffies, when waiting with a timeout
	bool has_deadline = false;
	// Saved across a switch: a task that sleeps while atomic (a reported bug) gets its
	// count back when it runs again, and the CPU runs others with a clean state.
	int saved_preempt_count = 0;
	unsigned long saved_flags = X86_EFLAGS_IF;
	unsigned long nvcsw = 0, nivcsw = 0; // voluntary / involuntary switches
	// khungtaskd's memory of the task (kernel/hung_task.c): switch count and jiffies when it
	// last saw the count change.
	unsigned long last_switch_count = 0, last_switch_time = 0;
	// Spinning on a held lock (lockup.cpp): since when, and whether the watchdog reported it.
	const spinlock_t *spinning_on = nullptr;
	u64 spin_since_ns = 0;
	bool softlockup_reported = false;
	// Preempt count dropped by schedule() while atomic (schedule_debug), owed by the unlocks to come.
	int preempt_debt = 0;
	wait_queue_head exit_wait{};    // kthread_stop() waits here for the exit
};

using run_queue = boost::intrusive::list<
	task, boost::intrusive::member_hook<task, rq_hook, &task::run_list>,
	boost::intrusive::constant_time_size<true>>;

inline task *to_task(task_struct *p) { return static_cast<task *>(p); }

} // namespace sim
