// SPDX-License-Identifier: GPL-2.0-only
/* Creates a pool and never destroys it: unloading reports the leak. */
#include <linux/module.h>
#include <linux/mempool.h>

MODULE_LICENSE("GPL");

static mempool_t *pool;

static int __init leaky_init(void)
{
	pool = mempool_create_kmalloc_pool(4, 128);
	return pool ? 0 : -ENOMEM;
}

static void __exit leaky_exit(void)
{
	pr_info("leaky: forgetting to destroy the pool\n");
}

module_init(leaky_init);
module_exit(leaky_exit);
