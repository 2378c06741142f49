// SPDX-License-Identifier: GPL-2.0-only
/* BUG_ON() in module_init: the init task dies in the oops and the module stays COMING. */
#include <linux/module.h>
#include <linux/bug.h>

MODULE_LICENSE("GPL");

static int ready;

static int __init bug_in_init_init(void)
{
	BUG_ON(!ready);
	return 0;
}

static void __exit bug_in_init_exit(void)
{
	pr_info("bug_in_init: exit must not run\n");
}

module_init(bug_in_init_init);
module_exit(bug_in_init_exit);
