// SPDX-License-Identifier: GPL-2.0-only
// What tasks wait on, and khungtaskd (kernel/hung_task.c): every hung_task_timeout_secs of
// virtual time, the report for each task blocked in D state since the previous scan or longer.
#include "linux/jiffies.h"
#include "linux/kernel.h"
#include "linux/printk.h"
#include "sim/sched/clock.h"
#include "sim/sched/internal.h"
#include "sim/sched/oops.h"
#include "sim/sched/sched.h"
#include "sim/trace/report.h"

#include <fmt/format.h>

namespace sim {

std::string describe_wait(const task_struct *tp)
{
	const task *p = static_cast<const task *>(tp);
	if (p->exited || p->state == TASK_RUNNING)
		return {};
	std::string what;
	switch (p->waiting) {
	case wait_kind::wait_queue: {
		auto *wq = static_cast<const wait_queue_head *>(p->wait_obj);
		what = fmt::format("wait queue {}", wq->lock.name ? wq->lock.name : "?");
		break;
	}
	case wait_kind::timeout: what = "a timeout"; break;
	case wait_kind::start: return "not started: created by kthread_create() and never woken";
	case wait_kind::other:
	case wait_kind::none: what = "a wake_up_process()"; break;
	}
	if (p->has_deadline)
		what += fmt::format(" (timeout at jiffies {})", p->wake_deadline);
	if (p->sleep_file)
		what += fmt::format(", in {} at {}:{}", p->sleep_func, p->sleep_file, p->sleep_line);
	return what;
}

unsigned long hung_task_timeout_secs = 120;
int hung_task_warnings = 10;

namespace {

void schedule_next_scan()
{
	sched_globals.next_hung_scan_ns = hung_task_timeout_secs ? now_ns + hung_task_timeout_secs * NSEC_PER_SEC : ~0ULL;
}

// sched_show_task(): state, free stack (0 without DEBUG_STACK_USAGE), pid, the parent (every
// simulated task is a kernel thread, a child of kthreadd, pid 2) and the thread_info flags a
// kernel thread switched out has in v5.4 (TIF_FSCHECK, TIF_NEED_FPU_LOAD).
void sched_show_task(const task *t)
{
	pr_info("%-15.15s %c%5lu %5d %6d 0x%08lx\n", t->comm, task_state_char(t), 0UL, t->pid, 2, 0x80004000UL);
	show_task_stack(t);
	pr_info("sim: %s/%d waits on %s\n", t->comm, t->pid, describe_wait(t).c_str());
}

void hung_task_report(const task *t)
{
	std::string headline = fmt::format("INFO: task {}:{} blocked for more than {} seconds.", t->comm, t->pid,
					   (jiffies - t->last_switch_time) / HZ);
	report_note(report_kind::hung_task, headline);
	pr_err("%s\n", headline.c_str());
	pr_err("      %s 5.4.0-slabsim #1\n", print_tainted());
	pr_err("\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.\n");
	sched_show_task(t);
}

// check_hung_task(): hung if its switch count has not moved since the scan that last saw it
// move, hung_task_timeout_secs or more ago. A kthread never woken has switched once, in kthread().
bool check_hung_task(task *t)
{
	unsigned long switch_count = t->nvcsw + t->nivcsw + (t->waiting == wait_kind::start);
	if (!switch_count)
		return false;
	if (switch_count != t->last_switch_count) {
		t->last_switch_count = switch_count;
		t->last_switch_time = jiffies;
		return false;
	}
	if (time_is_after_jiffies(t->last_switch_time + hung_task_timeout_secs * HZ))
		return false;
	// After an oops all bets are off: v5.4 reports no more hung tasks.
	if (hung_task_warnings && !test_taint(TAINT_DIE)) {
		if (hung_task_warnings > 0)
			hung_task_warnings--;
		hung_task_report(t);
	}
	return true;
}

} // namespace

void hung_task_boot()
{
	hung_task_warnings = 10;
	schedule_next_scan();
}

unsigned check_hung_uninterruptible_tasks()
{
	unsigned hung = 0;
	for_each_task([&hung](task *t) {
		if (!t->exited && t->state == TASK_UNINTERRUPTIBLE)
			hung += check_hung_task(t);
	});
	schedule_next_scan();
	return hung;
}

} // namespace sim
