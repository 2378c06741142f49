// SPDX-License-Identifier: GPL-2.0-only
/* WARN_ON() in module_exit: the warning's module list shows the module going (-). */
#include <linux/module.h>
#include <linux/bug.h>

MODULE_LICENSE("GPL");

static int leftovers = 1;

static int __init warn_in_exit_init(void)
{
	return 0;
}

static void __exit warn_in_exit_exit(void)
{
	WARN_ON(leftovers);
}

module_init(warn_in_exit_init);
module_exit(warn_in_exit_exit);
