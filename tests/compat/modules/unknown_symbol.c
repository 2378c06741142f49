// SPDX-License-Identifier: GPL-2.0-only
/* Declares and calls a function the simulated kernel does not export. */
#include <linux/module.h>

MODULE_LICENSE("GPL");

extern int register_chrdev_region_nonexistent(int);

static int __init unknown_symbol_init(void)
{
	return register_chrdev_region_nonexistent(1);
}
module_init(unknown_symbol_init);
