// SPDX-License-Identifier: GPL-2.0-only
// The stock element allocators of mm/mempool.c: a slab cache, kmalloc of a fixed size, and
// blocks of pages. pool_data carries the cache, the size or the order.
#include "sim/slab/slab_def.h"

#include "linux/bug.h"
#include "linux/gfp.h"
#include "linux/mempool.h"
#include "linux/slab.h"

// VM_BUG_ON in the kernel: poisoning in the reserve would undo what a constructor did. Out
// of line, so the allocation itself stays a test and a tail call.
[[gnu::cold, gnu::noinline]] static void *mempool_alloc_slab_ctor(gfp_t gfp_mask, struct kmem_cache *mem)
{
	WARN_ON_ONCE(mem->ctor);
	return kmem_cache_alloc(mem, gfp_mask);
}

void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data)
{
	auto *mem = static_cast<struct kmem_cache *>(pool_data);

	if (unlikely(mem->ctor))
		return mempool_alloc_slab_ctor(gfp_mask, mem);
	return kmem_cache_alloc(mem, gfp_mask);
}

void mempool_free_slab(void *element, void *pool_data)
{
	kmem_cache_free(static_cast<struct kmem_cache *>(pool_data), element);
}

void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data)
{
	return kmalloc(reinterpret_cast<size_t>(pool_data), gfp_mask);
}

void mempool_kfree(void *element, void *pool_data)
{
	kfree(element);
}

void *mempool_alloc_pages(gfp_t gfp_mask, void *pool_data)
{
	return alloc_pages(gfp_mask, static_cast<unsigned int>(reinterpret_cast<long>(pool_data)));
}

void mempool_free_pages(void *element, void *pool_data)
{
	__free_pages(static_cast<struct page *>(element),
		     static_cast<unsigned int>(reinterpret_cast<long>(pool_data)));
}
