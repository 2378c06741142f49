// SPDX-License-Identifier: GPL-2.0-only
// Freeing: push onto this CPU's array cache; when it is full, first move its oldest
// batchcount objects to the shared array or back into their slabs (mm/slab.c ___cache_free,
// cache_flusharray, free_block, kmem_cache_free, kfree).
#include "sim/slab/fastpath.h"
#include "sim/slab/trace_events.h"

#include "linux/bug.h"
#include "linux/irqflags.h"
#include "linux/mm.h"
#include "linux/page-flags.h"
#include "linux/printk.h"

#include <cstring>

// Puts objects back into their slabs, with the node's lock held. Slabs that become free go
// to the head of slabs_free; others to the tail of slabs_partial, giving their remaining
// objects the longest time to come back too. Free slabs beyond free_limit objects move to
// `list` for the caller to destroy once the lock is dropped.
void free_block(struct kmem_cache *cachep, void **objpp, int nr_objects, int node, page_list &list)
{
	struct kmem_cache_node *n = get_node(cachep, node);

	for (int i = 0; i < nr_objects; i++) {
		void *objp = objpp[i];
		struct page *page = virt_to_head_page(objp);

		if (!slab_put_obj(cachep, page, objp))
			continue;
		n->free_objects++;
		slab_list_del(page);
		STATS_DEC_ACTIVE(cachep);
		if (page->active == 0) {
			n->slabs_free.push_front(*page);
			n->free_slabs++;
		} else {
			n->slabs_partial.push_back(*page);
		}
	}
	while (n->free_objects > n->free_limit && !n->slabs_free.empty()) {
		struct page &page = n->slabs_free.back();

		n->free_objects -= cachep->num;
		n->slabs_free.pop_back();
		list.push_back(page);
		n->free_slabs--;
		n->total_slabs--;
	}
}

static void cache_flusharray(struct kmem_cache *cachep, struct array_cache *ac)
{
	int batchcount = (int)ac->batchcount;
	int node = numa_mem_id();
	struct kmem_cache_node *n = get_node(cachep, node);
	struct array_cache *shared_array = n->shared;
	page_list list;

	spin_lock(&n->list_lock);
	int max = shared_array ? (int)(shared_array->limit - shared_array->avail) : 0;
	if (max) {
		if (batchcount > max)
			batchcount = max;
		memcpy(&shared_array->entry[shared_array->avail], ac->entry, sizeof(void *) * batchcount);
		shared_array->avail += batchcount;
	} else {
		free_block(cachep, ac->entry, batchcount, node, list);
	}
	SLAB_STAT({
		unsigned long i = 0;
		for (auto it = n->slabs_free.begin(); it != n->slabs_free.end(); ++it)
			i++;
		STATS_SET_FREEABLE(cachep, i);
	});
	spin_unlock(&n->list_lock);
	slabs_destroy(cachep, list);
	ac->avail -= batchcount;
	memmove(ac->entry, &ac->entry[batchcount], sizeof(void *) * ac->avail);
	trace_slab_flush(cachep, batchcount, max != 0);
}

__attribute__((noinline)) void ___cache_free(struct kmem_cache *cachep, void *objp, unsigned long caller)
{
	struct array_cache *ac = cpu_cache_get(cachep);

	if (unlikely(cachep->flags & SLAB_DEBUG_FLAGS)) {
		objp = cache_free_debugcheck(cachep, objp, caller);
		if (!objp)
			return;
	}
	if (likely(ac->avail < ac->limit)) {
		STATS_INC_FREEHIT(cachep);
	} else {
		STATS_INC_FREEMISS(cachep);
		cache_flusharray(cachep, ac);
	}
	ac->entry[ac->avail++] = objp;
}

// Checked in full once the inline test in cache_from_obj has failed. v5.4 looks only at
// the page (virt_to_cache); the object-start test is the simulator's, so that a bad free is
// refused before anything changes (in the kernel only CONFIG_DEBUG_SLAB catches it).
__attribute__((noinline, cold)) struct kmem_cache *cache_from_bad_obj(struct kmem_cache *s,
								      const void *x, const char *func)
{
	struct page *page = slab_virt_to_page(x);
	if (unlikely(!page)) {
		pr_err("kfree_debugcheck: out of range ptr %lxh\n", (unsigned long)sim::kernel_address(x));
		dump_stack();
		return nullptr;
	}
	page = compound_head(page);
	if (WARN(!PageSlab(page), "%s: Object is not a Slab page!\n", func))
		return nullptr;
	struct kmem_cache *cachep = page->slab_cache;
	WARN(s && cachep != s, "%s: Wrong slab cache. %s but object is from %s\n", func,
	     s ? s->name : "", cachep->name);
	if (unlikely(obj_start_index(cachep, page, x) >= cachep->num)) {
		pr_err("slab error in %s(): cache `%s': %px is not the start of an object\n", func,
		       cachep->name, x);
		dump_stack();
		return nullptr;
	}
	return cachep;
}

// Everything the fast paths leave out: the checks with their reports, interrupts off around
// the array, the flush, debug checks and the tracepoint. kfree has no cache to pass: the
// object's page names it. A NULL cache given to kmem_cache_free is treated the same way
// (v5.4 would oops on it).
__attribute__((noinline)) void slab_free(struct kmem_cache *s, void *objp, unsigned long caller,
					 bool is_kfree)
{
	unsigned long flags;

	if (is_kfree) {
		trace_kfree(caller, objp);
		if (unlikely(ZERO_OR_NULL_PTR(objp)))
			return;
	}
	struct kmem_cache *cachep = cache_from_obj(s, objp, is_kfree ? "kfree" : "kmem_cache_free");
	if (!cachep)
		return;
	local_irq_save(flags);
	__cache_free(cachep, objp, caller);
	local_irq_restore(flags);
	if (!is_kfree)
		trace_kmem_cache_free(caller, objp);
}

__fastpath_entry void kmem_cache_free(struct kmem_cache *cachep, void *objp)
{
	if (likely(slab_free_fast(cachep, objp)))
		return;
	slab_free(cachep, objp, _RET_IP_, false);
}

__fastpath_entry void kfree(const void *objp)
{
	void *x = const_cast<void *>(objp);

	if (likely(kfree_fast(x)))
		return;
	slab_free(nullptr, x, _RET_IP_, true);
}

void kzfree(const void *p)
{
	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return;
	size_t ks = ksize(p);
	memset(const_cast<void *>(p), 0, ks);
	kfree(p);
}
