// SPDX-License-Identifier: GPL-2.0-only
/* A NULL dereference in module_exit: rmmod dies in the oops and the module stays GOING. */
#include <linux/module.h>

MODULE_LICENSE("GPL");

static int *state;

static int __init oops_in_exit_init(void)
{
	return 0;
}

static void __exit oops_in_exit_exit(void)
{
	*state = 0;
}

module_init(oops_in_exit_init);
module_exit(oops_in_exit_exit);
