// SPDX-License-Identifier: GPL-2.0-only
/*
 * LDD3 chapter 8's scullc in miniature: scull's data lives in "quanta", and scullc takes
 * them from a lookaside cache of its own (kmem_cache_create with SLAB_HWCACHE_ALIGN) rather
 * than from kmalloc. The module writes a message across a few quanta, reads it back, and on
 * unload returns every quantum before destroying the cache (a cache destroyed with objects
 * still allocated would be reported as a leak).
 *
 *   slabsim insmod scenarios/modules/scullc.c
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

MODULE_LICENSE("Dual BSD/GPL");
MODULE_DESCRIPTION("LDD3 scullc: scull quanta from a lookaside cache");

#define SCULLC_QUANTUM 4000 /* LDD3's default quantum */
#define SCULLC_QSET 8

static struct kmem_cache *scullc_cache;
static void *data[SCULLC_QSET];

static int __init scullc_init(void)
{
	int i;

	scullc_cache = kmem_cache_create("scullc", SCULLC_QUANTUM, 0, SLAB_HWCACHE_ALIGN, NULL);
	if (!scullc_cache)
		return -ENOMEM;
	for (i = 0; i < SCULLC_QSET; i++) {
		data[i] = kmem_cache_alloc(scullc_cache, GFP_KERNEL);
		if (!data[i])
			goto fail;
		snprintf(data[i], SCULLC_QUANTUM, "quantum %d of scullc", i);
	}
	for (i = 0; i < SCULLC_QSET; i++)
		printk(KERN_INFO "scullc: read back \"%s\"\n", (char *)data[i]);
	printk(KERN_INFO "scullc: %d quanta of %u bytes from cache %s\n", SCULLC_QSET,
	       kmem_cache_size(scullc_cache), "scullc");
	return 0;

fail:
	while (i--)
		kmem_cache_free(scullc_cache, data[i]);
	kmem_cache_destroy(scullc_cache);
	return -ENOMEM;
}

static void __exit scullc_cleanup(void)
{
	int i;

	for (i = 0; i < SCULLC_QSET; i++)
		kmem_cache_free(scullc_cache, data[i]);
	kmem_cache_destroy(scullc_cache);
	printk(KERN_INFO "scullc: cache destroyed\n");
}

module_init(scullc_init);
module_exit(scullc_cleanup);
