// SPDX-License-Identifier: GPL-2.0-only
// What tasks wait on, and the hung-task report (kernel/hung_task.c check_hung_task()).
#include "linux/jiffies.h"
#include "linux/printk.h"
#include "sim/sched/internal.h"
#include "sim/sched/sched.h"

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

void hung_task_report(std::uint64_t now)
{
	for (unsigned long pid = 1; task_struct *tp = find_task_by_pid(static_cast<pid_t>(pid)); pid++) {
		task *t = to_task(tp);
		if (t->exited || t->state != TASK_UNINTERRUPTIBLE)
			continue;
		pr_err("INFO: task %s:%d blocked for more than %llu seconds.\n", t->comm, t->pid,
		       static_cast<unsigned long long>((now - t->sleep_start_ns) / 1000000000ULL));
		pr_err("      Not tainted 5.4.0-slabsim #1\n");
		pr_err("\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.\n");
		pr_info("%-15.15s D    0 %5d      2 0x%08x\n", t->comm, t->pid, t->flags);
		pr_info(" waits on %s\n", describe_wait(t).c_str());
	}
	pr_err("sim: every task is asleep and nothing is pending that could wake one: stopping\n");
}

} // namespace sim
