// SPDX-License-Identifier: GPL-2.0-only
// The per-CPU fast path, inline in every caller (kmem_cache_alloc/free, kmalloc/kfree, the
// bulk calls) as mm/slab.c's __always_inline helpers are: a pointer pop or push on this
// CPU's array_cache, a few loads to find and check an object's slab page, and one
// predictable branch each for debugging, statistics, fault injection and tracing. Refill,
// flush, debug checks and reports are out of line.
#pragma once

#include "sim/slab/slab.h"

#include "linux/gfp.h"
#include "linux/sched.h"

// What every allocation checks before it touches the array (mm/slab.h): false when
// failslab says this allocation fails. (v5.4 returns the cache, which memcg may change.)
static __always_inline bool slab_pre_alloc_hook(struct kmem_cache *s, gfp_t flags)
{
	might_sleep_if(gfpflags_allow_blocking(flags));
	return !should_failslab(s, flags);
}

// The slow path, with interrupts off: one trip to the node lists brings back a batch.
void *cache_alloc_refill(struct kmem_cache *cachep, gfp_t flags);

// With interrupts off: a pointer pop from this CPU's array.
static __always_inline void *____cache_alloc(struct kmem_cache *cachep, gfp_t flags)
{
	struct array_cache *ac = cpu_cache_get(cachep);

	if (likely(ac->avail)) {
		ac->touched = 1;
		STATS_INC_ALLOCHIT(cachep);
		return ac->entry[--ac->avail];
	}
	STATS_INC_ALLOCMISS(cachep);
	return cache_alloc_refill(cachep, flags);
}

// One node: no node to choose (v5.4 without CONFIG_NUMA).
static __always_inline void *__do_cache_alloc(struct kmem_cache *cachep, gfp_t flags)
{
	return ____cache_alloc(cachep, flags);
}

// The out-of-line half of cache_from_obj: reports what is wrong with x and returns the
// cache to free it to, or NULL to refuse the free.
struct kmem_cache *cache_from_bad_obj(struct kmem_cache *s, const void *x, const char *func);

// The cache a freed pointer belongs to: s (or, when s is NULL as for kfree, the cache of
// x's slab page), after one mem_map lookup, a PG_slab test, a compare with
// page->slab_cache and an object-start test (one multiply and rotate, see exact_divide).
// Anything else goes to cache_from_bad_obj for a kernel-style report.
static __always_inline struct kmem_cache *cache_from_obj(struct kmem_cache *s, const void *x,
							 const char *func)
{
	if (likely(sim::phys_addr_valid(x))) {
		struct page *page = compound_head(sim::phys_to_page(x));
		struct kmem_cache *cachep = page->slab_cache;

		if (likely(PageSlab(page) && (cachep == s || !s) &&
			   obj_start_index(cachep, page, x) < cachep->num))
			return cachep;
	}
	return cache_from_bad_obj(s, x, func);
}

// With interrupts off: the whole of v5.4's ___cache_free (debug checks, statistics, the
// flush of a full array, then the push), out of line.
void ___cache_free(struct kmem_cache *cachep, void *objp, unsigned long caller);

// With interrupts off: the common case, a push onto this CPU's array with room, inline;
// anything else (a debug cache, statistics on, a full array) through ___cache_free.
// A constructed object must be back in its constructed state.
static __always_inline void __cache_free(struct kmem_cache *cachep, void *objp, unsigned long caller)
{
	struct array_cache *ac = cpu_cache_get(cachep);

	if (likely(!(cachep->flags & SLAB_DEBUG_FLAGS) && !sim::slab_stats && ac->avail < ac->limit))
		ac->entry[ac->avail++] = objp;
	else
		___cache_free(cachep, objp, caller);
}
