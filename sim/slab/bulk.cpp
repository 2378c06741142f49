// SPDX-License-Identifier: GPL-2.0-only
// Bulk allocation and free: one interrupt-off section and one set of checks for many objects
// (mm/slab.c kmem_cache_alloc_bulk, kmem_cache_free_bulk). All or nothing: a failed bulk
// allocation gives back what it took and returns 0.
#include "sim/slab/fastpath.h"

#include "linux/irqflags.h"

#include <cstring>

int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t flags, size_t size, void **p)
{
	size_t i;

	if (unlikely(!slab_pre_alloc_hook(s, flags)))
		return 0;
	local_irq_disable();
	for (i = 0; i < size; i++) {
		p[i] = __do_cache_alloc(s, flags);
		if (unlikely(!p[i]))
			break;
	}
	local_irq_enable();
	if (unlikely(s->flags & SLAB_DEBUG_FLAGS))
		for (size_t j = 0; j < i; j++)
			p[j] = cache_alloc_debugcheck_after(s, flags, p[j], _RET_IP_);
	if (unlikely(i < size)) {
		kmem_cache_free_bulk(s, i, p);
		return 0;
	}
	if (unlikely(flags & __GFP_ZERO))
		for (i = 0; i < size; i++)
			memset(p[i], 0, s->object_size);
	return (int)size;
}

// With s NULL (kfree_bulk) each object's cache comes from its page.
void kmem_cache_free_bulk(struct kmem_cache *orig_s, size_t size, void **p)
{
	local_irq_disable();
	for (size_t i = 0; i < size; i++) {
		struct kmem_cache *s = cache_from_obj(orig_s, p[i], __func__);

		if (s)
			__cache_free(s, p[i], _RET_IP_);
	}
	local_irq_enable();
}
