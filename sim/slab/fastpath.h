// SPDX-License-Identifier: GPL-2.0-only
// The per-CPU fast path, inline in every caller (kmem_cache_alloc/free, kmalloc/kfree, the
// bulk calls) as mm/slab.c's __always_inline helpers are. The common case costs what a
// pointer pop or push costs: one early test that nothing special is going on (the kernel
// patches its tracepoint, failslab and statistics branches out with static keys; we test
// the switches once), then the array. Everything else (refill, flush, debug checks,
// tracing, reports) takes the full path, out of line.
#pragma once

#include "sim/slab/slab.h"
#include "sim/slab/trace_events.h"

#include "linux/gfp.h"
#include "linux/sched.h"

// On the entry points of the fast paths (kmem_cache_alloc, kfree, ...): each starts a
// 64-byte block, so that its few instructions come in one fetch (about 15% on the G1 pair
// here).
#define __fastpath_entry __attribute__((aligned(64)))

// Nothing machine-wide watches or alters slab calls: tracing, the STATS counters and
// failslab are all off (one compare: see fast_path_clear).
static __always_inline bool slab_quiet(void)
{
	return sim::fast_path_clear();
}

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

// Nothing about this allocation needs the full path: a quiet machine, a cache without
// debugging, no zeroing, not in atomic context (so no might_sleep report can be due; an
// atomic caller takes the full path, whatever its flags).
static __always_inline bool slab_alloc_plain(struct kmem_cache *cachep, gfp_t flags)
{
	return likely(slab_quiet() && !(cachep->flags & SLAB_DEBUG_FLAGS) && !(flags & __GFP_ZERO) &&
		      !__sim_might_be_atomic());
}

// The common case of slab_alloc, without a stack frame: slab_alloc_plain, and an object in
// this CPU's array. Interrupts stay on around the pop: nothing else runs on a simulated CPU
// between two scheduling points, which is what disabling them buys the kernel. NULL sends
// the caller to the full path (slab_alloc), which decides for itself.
static __always_inline void *slab_alloc_fast(struct kmem_cache *cachep, gfp_t flags)
{
	if (unlikely(!slab_alloc_plain(cachep, flags)))
		return nullptr;

	struct array_cache *ac = cpu_cache_get(cachep);

	if (unlikely(!ac->avail))
		return nullptr;
	ac->touched = 1;
	void *objp = ac->entry[--ac->avail];
	if (!objp)
		__builtin_unreachable(); // arrays hold objects: lets callers test the result for free
	return objp;
}

// The full allocation path, out of line (alloc.cpp), ending with the entry point's
// tracepoint: `event` with bytes_req and node, as kmem_cache_alloc and kmalloc fire them.
void *slab_alloc(struct kmem_cache *cachep, gfp_t flags, unsigned long caller,
		 sim::trace_event<kmem_alloc_fields> &event, size_t bytes_req, int node);

// The out-of-line half of cache_from_obj: reports what is wrong with x and returns the
// cache to free it to, or NULL to refuse the free.
struct kmem_cache *cache_from_bad_obj(struct kmem_cache *s, const void *x, const char *func);

// The head page of the slab x points into, or NULL when x is not slab memory: one mem_map
// lookup and a PG_slab test. compound_head by a predicted branch rather than the
// conditional move the compiler would choose: for kfree the page leads to the cache and its
// array, and a cmov would make that chain wait for one more load.
static __always_inline struct page *obj_slab_page(const void *x)
{
	if (unlikely(!sim::phys_addr_valid(x)))
		return nullptr;

	struct page *page = sim::phys_to_page(x);

	if (unlikely(PageTail(page))) {
		asm volatile("" ::: "memory"); // keeps the branch a branch, the test a test of memory
		page = compound_head(page);
	}
	return likely(PageSlab(page)) ? page : nullptr;
}

// x is the start of one of cachep's objects in page: one multiply and rotate (exact_divide).
static __always_inline bool is_obj_start(const struct kmem_cache *cachep, const struct page *page,
					 const void *x)
{
	return obj_start_index(cachep, page, x) < cachep->num;
}

// The same for a cache without debugging, whose objects start their buffers (obj_offset 0).
static __always_inline bool is_plain_obj_start(const struct kmem_cache *cachep,
					       const struct page *page, const void *x)
{
	return buffer_index(cachep, page, x) < cachep->num;
}

// The cache a freed pointer belongs to: s (or, when s is NULL as for kfree, the cache of x's
// slab page) if x is the start of one of its objects; anything else goes to
// cache_from_bad_obj for a kernel-style report.
static __always_inline struct kmem_cache *cache_from_obj(struct kmem_cache *s, const void *x,
							 const char *func)
{
	struct page *page = obj_slab_page(x);

	if (likely(page && (!s || page->slab_cache == s) && is_obj_start(page->slab_cache, page, x)))
		return page->slab_cache;
	return cache_from_bad_obj(s, x, func);
}

// With interrupts off: the whole of v5.4's ___cache_free (debug checks, statistics, the
// flush of a full array, then the push), out of line.
void ___cache_free(struct kmem_cache *cachep, void *objp, unsigned long caller);

// A push onto this CPU's array if it has room.
static __always_inline bool ac_put_fast(struct kmem_cache *cachep, void *objp)
{
	struct array_cache *ac = cpu_cache_get(cachep);

	if (unlikely(ac->avail >= ac->limit))
		return false;
	ac->entry[ac->avail++] = objp;
	return true;
}

// With interrupts off, for the full and bulk paths: the push, inline, when the cache has no
// debugging, statistics are off and the array has room; anything else through
// ___cache_free. A constructed object must be back in its constructed state.
static __always_inline void __cache_free(struct kmem_cache *cachep, void *objp, unsigned long caller)
{
	if (likely(!(cachep->flags & SLAB_DEBUG_FLAGS) && !sim::slab_stats && ac_put_fast(cachep, objp)))
		return;
	___cache_free(cachep, objp, caller);
}

// The cache x is an object of, when that cache has no debugging and x is the start of one
// of its objects (whose buffers start at their objects: obj_offset 0); else NULL.
static __always_inline struct kmem_cache *plain_obj_cache(const void *x)
{
	struct page *page = obj_slab_page(x);

	if (unlikely(!page))
		return nullptr;

	struct kmem_cache *cachep = page->slab_cache;

	if (unlikely((cachep->flags & SLAB_DEBUG_FLAGS) || !is_plain_obj_start(cachep, page, x)))
		return nullptr;
	return cachep;
}

// x is the start of one of s's objects, s a cache without debugging. Unlike
// plain_obj_cache, everything but the page comes from s: the caller's array and a loop's
// tests need not wait for the page's loads.
static __always_inline bool is_plain_obj_of(struct kmem_cache *s, const void *x)
{
	struct page *page = obj_slab_page(x);

	return likely(page && page->slab_cache == s && is_plain_obj_start(s, page, x));
}

// The common case of kmem_cache_free, without a stack frame: a quiet machine, x a good
// object of s, s without debugging, room in this CPU's array. False sends the caller to the
// full path (slab_free), which reports whatever is wrong (a NULL s included: s is read only
// once it has matched the page's cache).
static __always_inline bool slab_free_fast(struct kmem_cache *s, void *x)
{
	if (unlikely(!slab_quiet() || !is_plain_obj_of(s, x) || (s->flags & SLAB_DEBUG_FLAGS)))
		return false;
	return ac_put_fast(s, x);
}

// The same for kfree, the cache coming from the object's page.
static __always_inline bool kfree_fast(void *x)
{
	struct kmem_cache *cachep;

	if (unlikely(!slab_quiet() || !(cachep = plain_obj_cache(x))))
		return false;
	return ac_put_fast(cachep, x);
}

// The full free path, out of line (free.cpp), with the entry point's tracepoint: kfree's
// (fired first, even for NULL) when `is_kfree`, else kmem_cache_free's (fired after).
void slab_free(struct kmem_cache *s, void *objp, unsigned long caller, bool is_kfree);
