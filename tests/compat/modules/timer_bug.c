// SPDX-License-Identifier: GPL-2.0-only
/* BUG() in a timer callback: an oops in interrupt context, which panics the kernel. */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/bug.h>

MODULE_LICENSE("GPL");

static struct timer_list timer;

static void timer_fires(struct timer_list *t)
{
	BUG();
}

static int __init timer_bug_init(void)
{
	timer_setup(&timer, timer_fires, 0);
	mod_timer(&timer, jiffies + 10);
	return 0;
}

static void __exit timer_bug_exit(void)
{
	del_timer_sync(&timer);
}

module_init(timer_bug_init);
module_exit(timer_bug_exit);
