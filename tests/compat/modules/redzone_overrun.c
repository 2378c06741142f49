// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writes one byte past a 32-byte object of its own cache, then frees it. Slab debugging's
 * red zone catches the write at the free; without it v5.4 notices nothing.
 */
#include <linux/module.h>
#include <linux/slab.h>

MODULE_LICENSE("GPL");

static int __init redzone_overrun_init(void)
{
	struct kmem_cache *cache = kmem_cache_create("overrun", 32, 0, 0, NULL);
	char *obj;

	if (!cache)
		return -ENOMEM;
	obj = kmem_cache_alloc(cache, GFP_KERNEL);
	if (obj) {
		obj[32] = 0x42;
		kmem_cache_free(cache, obj);
	}
	kmem_cache_destroy(cache);
	return 0;
}

static void __exit redzone_overrun_exit(void) {}

module_init(redzone_overrun_init);
module_exit(redzone_overrun_exit);
