// SPDX-License-Identifier: GPL-2.0-only
// Allocation: pop from this CPU's array cache; when it is empty, refill it with up to
// batchcount objects from the shared array, then from partial and free slabs, then from a
// newly grown slab (mm/slab.c ____cache_alloc, cache_alloc_refill, slab_alloc).
#include "sim/slab/fastpath.h"
#include "sim/slab/trace_events.h"

#include "linux/irqflags.h"
#include "linux/sched.h"

#include <cstring>

// Moves up to max pointers from the top of `from` onto `to`; returns how many moved.
static int transfer_objects(struct array_cache *to, struct array_cache *from, unsigned int max)
{
	unsigned int nr = from->avail;

	if (nr > max)
		nr = max;
	if (nr > to->limit - to->avail)
		nr = to->limit - to->avail;
	if (!nr)
		return 0;
	memcpy(to->entry + to->avail, from->entry + from->avail - nr, sizeof(void *) * nr);
	from->avail -= nr;
	to->avail += nr;
	return (int)nr;
}

// Takes objects from one slab into the array until the slab is empty or batchcount is
// spent; returns what is left of batchcount. The caller re-files the slab.
static int alloc_block(struct kmem_cache *cachep, struct array_cache *ac, struct page *page,
		       int batchcount)
{
	while (page->active < cachep->num && batchcount--) {
		STATS_INC_ALLOCED(cachep);
		STATS_INC_ACTIVE(cachep);
		STATS_SET_HIGH(cachep);
		ac->entry[ac->avail++] = slab_get_obj(cachep, page);
	}
	return batchcount;
}

// The node's lock is taken at most once per batchcount allocations. Out of line, so that the
// fast path stays small (and `break cache_alloc_refill` works in gdb).
__attribute__((noinline)) void *cache_alloc_refill(struct kmem_cache *cachep, gfp_t flags)
{
	int node = numa_mem_id();
	struct array_cache *ac = cpu_cache_get(cachep);
	int batchcount = (int)ac->batchcount;
	struct kmem_cache_node *n = get_node(cachep, node);
	void *list = nullptr;

	// Little recent use: refill only partly, or arrays ping-pong objects with the lists.
	if (!ac->touched && batchcount > BATCHREFILL_LIMIT)
		batchcount = BATCHREFILL_LIMIT;

	struct array_cache *shared = n->shared;
	if (n->free_objects || (shared && shared->avail)) {
		spin_lock(&n->list_lock);
		shared = n->shared;
		if (shared && transfer_objects(ac, shared, (unsigned int)batchcount)) {
			// Shared-array objects were never counted in free_objects.
			shared->touched = 1;
		} else {
			while (batchcount > 0) {
				struct page *page = get_first_slab(n);

				if (!page)
					break;
				batchcount = alloc_block(cachep, ac, page, batchcount);
				fixup_slab_list(cachep, n, page, &list);
			}
			n->free_objects -= ac->avail;
		}
		spin_unlock(&n->list_lock);
		if (list)
			fixup_objfreelist_debug(cachep, &list);
		trace_slab_refill(cachep, ac->avail);
	}

	if (unlikely(!ac->avail)) {
		struct page *page = cache_grow_begin(cachep, flags & ~__GFP_NOFAIL, node);

		// cache_grow_begin may have enabled interrupts: look at the array again.
		ac = cpu_cache_get(cachep);
		if (!ac->avail && page)
			alloc_block(cachep, ac, page, batchcount);
		cache_grow_end(cachep, page);
		if (!ac->avail)
			return nullptr;
	}
	ac->touched = 1;
	return ac->entry[--ac->avail];
}

// Everything slab_alloc_fast leaves out: might_sleep, failslab, interrupts off around the
// array, the refill, debug checks, zeroing and the tracepoint.
__attribute__((noinline)) void *slab_alloc(struct kmem_cache *cachep, gfp_t flags, unsigned long caller,
					  sim::trace_event<kmem_alloc_fields> &event, size_t bytes_req, int node)
{
	unsigned long save_flags;
	void *objp = nullptr;

	if (likely(slab_pre_alloc_hook(cachep, flags))) {
		local_irq_save(save_flags);
		objp = __do_cache_alloc(cachep, flags);
		local_irq_restore(save_flags);
		if (unlikely(cachep->flags & SLAB_DEBUG_FLAGS))
			objp = cache_alloc_debugcheck_after(cachep, flags, objp, caller);
		if (unlikely(flags & __GFP_ZERO) && objp)
			memset(objp, 0, cachep->object_size);
	}
	if (unlikely(sim::tracing_on))
		slab_trace_record(event, sim::effective_caller(caller), objp, bytes_req, cachep->size, flags, node);
	return objp;
}

// Each entry point: the fast path, else the full one with the entry's own tracepoint.
__fastpath_entry void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags)
{
	void *ret = slab_alloc_fast(cachep, flags);

	if (likely(ret))
		return ret;
	return slab_alloc(cachep, flags, _RET_IP_, trace_kmem_cache_alloc_event, cachep->object_size, NUMA_NO_NODE);
}

// One node: a node-specific request is an ordinary one (see docs/slab.md).
void *kmem_cache_alloc_node(struct kmem_cache *cachep, gfp_t flags, int nodeid)
{
	void *ret = slab_alloc_fast(cachep, flags);

	if (likely(ret))
		return ret;
	return slab_alloc(cachep, flags, _RET_IP_, trace_kmem_cache_alloc_node_event, cachep->object_size, nodeid);
}

// kmalloc of a size known at compile time lands here, with the requested size for tracing.
__fastpath_entry void *kmem_cache_alloc_trace(struct kmem_cache *cachep, gfp_t flags, size_t size)
{
	void *ret = slab_alloc_fast(cachep, flags);

	if (likely(ret))
		return ret;
	return slab_alloc(cachep, flags, _RET_IP_, trace_kmalloc_event, size, NUMA_NO_NODE);
}

void *kmem_cache_alloc_node_trace(struct kmem_cache *cachep, gfp_t flags, int nodeid, size_t size)
{
	void *ret = slab_alloc_fast(cachep, flags);

	if (likely(ret))
		return ret;
	return slab_alloc(cachep, flags, _RET_IP_, trace_kmalloc_node_event, size, nodeid);
}
