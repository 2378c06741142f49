// SPDX-License-Identifier: GPL-2.0-only
/* Built by CMake's slabsim_add_module(), not by slabsim insmod. */
#include <linux/module.h>

MODULE_LICENSE("GPL");

static int __init cmake_hello_init(void)
{
	pr_info("%s: built by CMake\n", KBUILD_MODNAME);
	return 0;
}

static void __exit cmake_hello_exit(void) {}

module_init(cmake_hello_init);
module_exit(cmake_hello_exit);
