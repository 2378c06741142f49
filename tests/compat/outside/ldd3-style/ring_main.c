// SPDX-License-Identifier: GPL-2.0-only
/*
 * ring_main.c - ring-buf's entry points: a cache, a ring of objects from it, gone at exit.
 */
#include <linux/module.h>
#include <ring.h>

#ifdef RING_DEBUG
#define PDEBUG(fmt, args...) printk(KERN_DEBUG "ring: " fmt, ##args)
#else
#define PDEBUG(fmt, args...)
#endif

static struct ring ring;

static int __init ring_init(void)
{
	int err;

	ring.cache = kmem_cache_create("ring_slot", 64, 0, SLAB_HWCACHE_ALIGN, NULL);
	if (!ring.cache)
		return -ENOMEM;
	err = ring_fill(&ring);
	if (err) {
		kmem_cache_destroy(ring.cache);
		return err;
	}
	PDEBUG("%u slots filled by %s in %s\n", ring.head, "ring_ops.c", KBUILD_MODNAME);
	return 0;
}

static void __exit ring_exit(void)
{
	ring_drain(&ring);
	kmem_cache_destroy(ring.cache);
	PDEBUG("drained\n");
}

module_init(ring_init);
module_exit(ring_exit);
MODULE_LICENSE("Dual BSD/GPL");
