// SPDX-License-Identifier: GPL-2.0-only
/* Creates a cache, names it with kstrdup, and never destroys it: unloading reports the leak. */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

MODULE_LICENSE("GPL");

static struct kmem_cache *cache;
static char *label;

static int __init leaky_cache_init(void)
{
	label = kstrdup("leaky_cache's label", GFP_KERNEL);
	cache = kmem_cache_create("leaky_cache", 96, 0, 0, NULL);
	pr_info("leaky_cache: %s\n", label);
	kfree(label);
	return cache ? 0 : -ENOMEM;
}

static void __exit leaky_cache_exit(void) {}

module_init(leaky_cache_init);
module_exit(leaky_cache_exit);
