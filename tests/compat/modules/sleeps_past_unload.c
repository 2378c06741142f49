// SPDX-License-Identifier: GPL-2.0-only
/*
 * A kthread in a long msleep() that module_exit does not stop: it wakes after rmmod, in code
 * the kernel has freed.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/delay.h>

MODULE_LICENSE("GPL");

static int long_nap(void *data)
{
	msleep(10000);
	pr_info("sleeps_past_unload: this line runs freed code\n");
	return 0;
}

static int __init sleeps_past_unload_init(void)
{
	kthread_run(long_nap, NULL, "long_nap");
	return 0;
}

static void __exit sleeps_past_unload_exit(void)
{
	pr_info("sleeps_past_unload: unloading while long_nap sleeps\n");
}

module_init(sleeps_past_unload_init);
module_exit(sleeps_past_unload_exit);
