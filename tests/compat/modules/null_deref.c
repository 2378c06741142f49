// SPDX-License-Identifier: GPL-2.0-only
// A module whose init dereferences NULL, as a mempool lab does when its pool creation fails:
// the kernel oopses in insmod, the module stays "coming", and the machine goes on.
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

struct pool_lab {
	int nr_elements;
};

static struct pool_lab *lab; /* never set: the init forgot to check its allocation */

static noinline void fill_pool(struct pool_lab *p)
{
	p->nr_elements = 16;
}

static int __init null_deref_init(void)
{
	pr_info("null_deref: filling the pool\n");
	fill_pool(lab);
	pr_info("null_deref: not reached\n");
	return 0;
}

static void __exit null_deref_exit(void)
{
	pr_info("null_deref: exit\n");
}

module_init(null_deref_init);
module_exit(null_deref_exit);
MODULE_LICENSE("GPL");
