// SPDX-License-Identifier: GPL-2.0-only
/* A module whose init fails: the load fails and its exit must never run. */
#include <linux/module.h>

MODULE_LICENSE("GPL");

static int __init fails_init(void)
{
	pr_info("fails_init: refusing to load\n");
	return -ENOMEM;
}

static void __exit fails_exit(void)
{
	pr_info("fails_init: exit must not run\n");
}

module_init(fails_init);
module_exit(fails_exit);
