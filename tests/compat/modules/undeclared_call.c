// SPDX-License-Identifier: GPL-2.0-only
/* Calls a kernel function that kernel_compat does not declare: the build must fail. */
#include <linux/module.h>

MODULE_LICENSE("GPL");

static int __init undeclared_call_init(void)
{
	return vmalloc_user_nonexistent(4096) ? 0 : -ENOMEM;
}
module_init(undeclared_call_init);
