// SPDX-License-Identifier: GPL-2.0-only
/*
 * Seed 000 (../shared/seeds/000_*.txt, "创建内存池案例实战分析"): the mempooldemo module the
 * article builds, insmods and rmmods. The article shows only its dmesg output; this module
 * follows its steps: create a memory cache, create a pool of min_nr=10 elements over it,
 * allocate one object; on unload free the object, destroy the pool, destroy the cache.
 *
 *   slabsim insmod scenarios/modules/mempooldemo.c
 *
 * prints the article's "Prompt:" lines in the article's order.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mempool.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("create a kmem_cache, a mempool over it, and allocate one object");

#define MIN_NR 10

static struct kmem_cache *demo_cache;
static mempool_t *demo_pool;
static void *demo_object;

static int __init mempooldemo_init(void)
{
	demo_cache = kmem_cache_create("mempooldemo", 256, 0, SLAB_HWCACHE_ALIGN, NULL);
	if (!demo_cache) {
		printk("Prompt:Failed to create memory cache.\n");
		return -ENOMEM;
	}
	printk("Prompt:Successfully created memory cache.\n");

	demo_pool = mempool_create(MIN_NR, mempool_alloc_slab, mempool_free_slab, demo_cache);
	if (!demo_pool) {
		printk("Prompt:Failed to create memory pool.\n");
		kmem_cache_destroy(demo_cache);
		return -ENOMEM;
	}
	printk("Prompt:Successfully created memory pool.\n");
	printk("Prompt:call mempool_create() successfully,min_nr=%d\n", demo_pool->min_nr);

	demo_object = mempool_alloc(demo_pool, GFP_KERNEL);
	if (!demo_object) {
		printk("Prompt:Failed to allocate memory object.\n");
		mempool_destroy(demo_pool);
		kmem_cache_destroy(demo_cache);
		return -ENOMEM;
	}
	printk("Prompt:Successfully allocated memory object address , adress=0x%lx\n",
	       (unsigned long)demo_object);
	return 0;
}

static void __exit mempooldemo_exit(void)
{
	mempool_free(demo_object, demo_pool);
	printk("Prompt:Call mempool_free() successfully.\n");
	mempool_destroy(demo_pool);
	printk("Prompt:Call mempool_destroy() successfully.\n");
	kmem_cache_destroy(demo_cache);
	printk("Prompt:Call kmem_cache_destroy() successfully.\n");
	printk("Prompt:Normal exit of kernel module.\n");
}

module_init(mempooldemo_init);
module_exit(mempooldemo_exit);
