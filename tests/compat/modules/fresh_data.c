// SPDX-License-Identifier: GPL-2.0-only
/* Counts its loads in a static: each load of a module starts with fresh data. */
#include <linux/module.h>

MODULE_LICENSE("GPL");

static int loads;

static int __init fresh_data_init(void)
{
	pr_info("fresh_data: load number %d\n", ++loads);
	return 0;
}

static void __exit fresh_data_exit(void) {}

module_init(fresh_data_init);
module_exit(fresh_data_exit);
