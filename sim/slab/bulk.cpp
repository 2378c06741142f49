// SPDX-License-Identifier: GPL-2.0-only
// Bulk allocation and free: one interrupt-off section and one set of checks for many objects
// (mm/slab.c kmem_cache_alloc_bulk, kmem_cache_free_bulk). All or nothing: a failed bulk
// allocation gives back what it took and returns 0.
#include "sim/slab/fastpath.h"

#include "linux/irqflags.h"

#include <cstring>

// The common case: the whole request from this CPU's array, in the order one-by-one pops
// would give.
static __always_inline bool alloc_bulk_fast(struct kmem_cache *s, gfp_t flags, size_t size, void **p)
{
	struct array_cache *ac = cpu_cache_get(s);

	if (unlikely(!slab_alloc_plain(s, flags) || !size || ac->avail < size))
		return false;
	for (size_t i = 0; i < size; i++)
		p[i] = ac->entry[--ac->avail];
	ac->touched = 1;
	return true;
}

int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t flags, size_t size, void **p)
{
	size_t i;

	if (likely(alloc_bulk_fast(s, flags, size, p)))
		return (int)size;

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

// The common case: as many of the objects as are good ones of s onto this CPU's array, when
// it has room for all; returns how many. The rest take the full path, with its reports.
static __always_inline size_t free_bulk_fast(struct kmem_cache *s, size_t size, void **p)
{
	size_t i = 0;

	if (unlikely(!s || !slab_quiet() || (s->flags & SLAB_DEBUG_FLAGS)))
		return 0;

	struct array_cache *ac = cpu_cache_get(s);

	if (unlikely(ac->limit - ac->avail < size))
		return 0;
	while (i < size && is_plain_obj_of(s, p[i]))
		ac->entry[ac->avail++] = p[i++];
	return i;
}

// With s NULL (kfree_bulk) each object's cache comes from its page.
void kmem_cache_free_bulk(struct kmem_cache *orig_s, size_t size, void **p)
{
	size_t i = free_bulk_fast(orig_s, size, p);

	if (likely(i == size))
		return;
	local_irq_disable();
	for (; i < size; i++) {
		struct kmem_cache *s = cache_from_obj(orig_s, p[i], __func__);

		if (s)
			__cache_free(s, p[i], _RET_IP_);
	}
	local_irq_enable();
}
