// SPDX-License-Identifier: GPL-2.0-only
/*
 * Starts two kthreads that wait for an event nobody signals, one in wait_event() and one in
 * wait_for_completion(), and unloads without stopping them: a module thread asleep at unload.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <linux/completion.h>

MODULE_LICENSE("GPL");

static DECLARE_WAIT_QUEUE_HEAD(never_signalled);
static DECLARE_COMPLETION(never_completed);
static int event;

static int waits_on_queue(void *data)
{
	wait_event(never_signalled, event);
	return 0;
}

static int waits_for_completion(void *data)
{
	wait_for_completion(&never_completed);
	return 0;
}

static int __init asleep_at_unload_init(void)
{
	kthread_run(waits_on_queue, NULL, "queue_waiter");
	kthread_run(waits_for_completion, NULL, "completion_wait");
	return 0;
}

static void __exit asleep_at_unload_exit(void)
{
	pr_info("asleep_at_unload: leaving without stopping my threads\n");
}

module_init(asleep_at_unload_init);
module_exit(asleep_at_unload_exit);
