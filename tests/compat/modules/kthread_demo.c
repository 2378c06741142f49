// SPDX-License-Identifier: GPL-2.0-only
/*
 * A module with a kernel thread: the thread ticks three times with msleep(), then sleeps
 * until module_exit() stops it. Shows virtual time (jiffies) moving under a module.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/sched.h>

MODULE_LICENSE("GPL");

static struct task_struct *worker;
static DECLARE_COMPLETION(started);
static unsigned long start;

static int worker_fn(void *data)
{
	int tick;

	complete(&started);
	for (tick = 1; tick <= 3; tick++) {
		msleep(100);
		pr_info("kthread_demo: tick %d after %u ms in %s\n", tick,
			jiffies_to_msecs(jiffies - start), current->comm);
	}
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 42;
}

static int __init kthread_demo_init(void)
{
	start = jiffies;
	pr_info("kthread_demo: init in %s\n", current->comm);
	worker = kthread_run(worker_fn, NULL, "demo_worker");
	if (!worker)
		return -ENOMEM;
	wait_for_completion(&started);
	return 0;
}

static void __exit kthread_demo_exit(void)
{
	pr_info("kthread_demo: worker returned %d\n", kthread_stop(worker));
}

module_init(kthread_demo_init);
module_exit(kthread_demo_exit);
