// SPDX-License-Identifier: GPL-2.0-only
// A slab's life: pages from the page allocator become a slab (cache_grow_begin/end), its
// objects come and go through the freelist, and an empty slab goes back (slab_destroy).
#include "sim/slab/slab.h"
#include "sim/slab/trace_events.h"

#include "linux/irqflags.h"
#include "linux/mm.h"
#include "linux/page-flags.h"
#include "linux/printk.h"
#include "sim/mm/internal.h"
#include "sim/mm/mmflags.h"
#include "sim/mm/vmstat.h"
#include "sim/trace/report.h"

#include <fmt/format.h>

static void slab_out_of_memory(struct kmem_cache *cachep, gfp_t gfpflags, int nodeid)
{
	if (!sim::slab_stats || (gfpflags & __GFP_NOWARN))
		return;
	pr_warn("SLAB: Unable to allocate memory on node %d, gfp=%#x(%s)\n", nodeid, gfpflags,
		sim::gfp_flag_names(gfpflags).c_str());
	pr_warn("  cache: %s, object size: %d, order: %d\n", cachep->name, cachep->size,
		cachep->gfporder);
	for (int node = 0; node < MAX_NUMNODES; node++) {
		struct kmem_cache_node *n = get_node(cachep, node);
		unsigned long flags;

		spin_lock_irqsave(&n->list_lock, flags);
		unsigned long total_slabs = n->total_slabs, free_slabs = n->free_slabs,
			      free_objs = n->free_objects;
		spin_unlock_irqrestore(&n->list_lock, flags);
		pr_warn("  node %d: slabs: %ld/%ld, objs: %ld/%ld\n", node, total_slabs - free_slabs,
			total_slabs, total_slabs * cachep->num - free_objs, total_slabs * cachep->num);
	}
}

// Slab pages count as Slab in /proc/meminfo: SReclaimable for SLAB_RECLAIM_ACCOUNT caches.
static struct page *kmem_getpages(struct kmem_cache *cachep, gfp_t flags, int nodeid)
{
	flags |= cachep->allocflags;
	struct page *page = alloc_pages_node(nodeid, flags, cachep->gfporder);
	if (!page) {
		slab_out_of_memory(cachep, flags, nodeid);
		return nullptr;
	}
	sim::mod_node_page_state_slab(cachep->flags & SLAB_RECLAIM_ACCOUNT, 1L << cachep->gfporder);
	__SetPageSlab(page);
	page->slab_cache = cachep;
	return page;
}

static void kmem_freepages(struct kmem_cache *cachep, struct page *page)
{
	unsigned int order = cachep->gfporder;

	__ClearPageSlab(page);
	page->slab_cache = nullptr;
	page->freelist = nullptr;
	page->s_mem = nullptr;
	page->active = 0;
	sim::mod_node_page_state_slab(cachep->flags & SLAB_RECLAIM_ACCOUNT, -(1L << order));
	__free_pages(page, order);
}

void slab_destroy(struct kmem_cache *cachep, struct page *page)
{
	void *freelist = page->freelist;

	if (unlikely(cachep->flags & SLAB_DEBUG_FLAGS))
		slab_destroy_debugcheck(cachep, page);
	kmem_freepages(cachep, page);
	if (OFF_SLAB(cachep))
		kmem_cache_free(cachep->freelist_cache, freelist);
}

void slabs_destroy(struct kmem_cache *cachep, page_list &list)
{
	while (!list.empty()) {
		struct page &page = list.front();

		list.pop_front();
		slab_destroy(cachep, &page);
	}
}

// The slab's freelist: in a kmalloc object (off-slab), in its last bytes (on-slab), or,
// for OBJFREELIST caches, in the object handed out last (set by cache_init_objs).
static void *alloc_slabmgmt(struct kmem_cache *cachep, struct page *page, size_t colour_off,
			    gfp_t local_flags, int nodeid)
{
	char *addr = static_cast<char *>(page_address(page));

	page->s_mem = addr + colour_off;
	page->active = 0;
	if (OBJFREELIST_SLAB(cachep))
		return nullptr;
	if (OFF_SLAB(cachep))
		return kmem_cache_alloc_node(cachep->freelist_cache, local_flags, nodeid);
	return addr + (PAGE_SIZE << cachep->gfporder) - cachep->freelist_size;
}

// Objects are constructed here, once, when their slab is made: an object keeps its
// constructed state across free and reuse (with poisoning the ctor runs at allocation).
static void cache_init_objs(struct kmem_cache *cachep, struct page *page)
{
	bool debug = cachep->flags & SLAB_DEBUG_FLAGS;

	if (unlikely(debug))
		cache_init_objs_debug(cachep, page);
	if (OBJFREELIST_SLAB(cachep))
		page->freelist = (char *)index_to_obj(cachep, page, cachep->num - 1) + cachep->obj_offset;
	for (unsigned int i = 0; i < cachep->num; i++) {
		if (!debug && cachep->ctor)
			cachep->ctor(index_to_obj(cachep, page, i));
		set_free_obj(page, i, (freelist_idx_t)i);
	}
}

void *slab_get_obj(struct kmem_cache *cachep, struct page *page)
{
	void *objp = index_to_obj(cachep, page, get_free_obj(page, page->active));

	page->active++;
	return objp;
}

// Returns false, changing nothing, when objp is already free in its slab.
bool slab_put_obj(struct kmem_cache *cachep, struct page *page, void *objp)
{
	unsigned int objnr = obj_to_index(cachep, page, objp);

	if (unlikely(page->active == 0 ||
		     ((cachep->flags & SLAB_DEBUG_FLAGS) && slab_freelist_has(cachep, page, objp)))) {
		sim::report_note(sim::report_kind::slab,
				 fmt::format("slab: double free detected in cache '{}'", cachep->name));
		pr_err("slab: double free detected in cache '%s', objp %px\n", cachep->name, objp);
		dump_stack();
		return false;
	}
	page->active--;
	if (!page->freelist) // a full OBJFREELIST slab: the freed object holds the freelist now
		page->freelist = (char *)objp + cachep->obj_offset;
	set_free_obj(page, page->active, (freelist_idx_t)objnr);
	return true;
}

// Colour: successive slabs start their objects one cache line further in, cycling through
// the leftover bytes, so that objects of different slabs do not compete for the same lines.
static size_t next_colour_offset(struct kmem_cache *cachep, struct kmem_cache_node *n)
{
	n->colour_next++;
	if (n->colour_next >= cachep->colour)
		n->colour_next = 0;
	size_t offset = n->colour_next;
	if (offset >= cachep->colour)
		offset = 0;
	return offset * cachep->colour_off;
}

struct page *cache_grow_begin(struct kmem_cache *cachep, gfp_t flags, int nodeid)
{
	if (unlikely(flags & GFP_SLAB_BUG_MASK)) {
		gfp_t invalid_mask = flags & GFP_SLAB_BUG_MASK;

		flags &= ~GFP_SLAB_BUG_MASK;
		sim::report_note(sim::report_kind::slab, fmt::format("Unexpected gfp: {:#x} ({})", invalid_mask,
								      sim::gfp_flag_names(invalid_mask)));
		pr_warn("Unexpected gfp: %#x (%s). Fixing up to gfp: %#x (%s). Fix your code!\n",
			invalid_mask, sim::gfp_flag_names(invalid_mask).c_str(), flags,
			sim::gfp_flag_names(flags).c_str());
		dump_stack();
	}
	gfp_t local_flags = flags & (GFP_CONSTRAINT_MASK | GFP_RECLAIM_MASK);

	// Page allocation may sleep: interrupts go back on for it when the caller allows blocking.
	if (gfpflags_allow_blocking(local_flags))
		local_irq_enable();
	struct page *page = kmem_getpages(cachep, local_flags, nodeid);
	if (page) {
		size_t offset = next_colour_offset(cachep, get_node(cachep, nodeid));
		void *freelist = alloc_slabmgmt(cachep, page, offset,
						local_flags & ~GFP_CONSTRAINT_MASK, nodeid);
		if (OFF_SLAB(cachep) && !freelist) {
			kmem_freepages(cachep, page);
			page = nullptr;
		} else {
			page->freelist = freelist;
			cache_init_objs(cachep, page);
		}
	}
	if (gfpflags_allow_blocking(local_flags))
		local_irq_disable();
	return page;
}

// list_del(&page->slab_list): the page leaves whichever of the node's lists it is on.
void slab_list_del(struct page *page)
{
	page_list::node_algorithms::unlink(page_list::value_traits::to_node_ptr(*page));
}

// A full slab goes to the head of slabs_full, any other to the head of slabs_partial.
static void slab_list_add(struct kmem_cache *cachep, struct kmem_cache_node *n, struct page *page,
			  void **list)
{
	if (page->active == cachep->num) {
		n->slabs_full.push_front(*page);
		if (OBJFREELIST_SLAB(cachep)) {
			// Poisoning overwrites the freelist object: collect it, poison after unlock.
			if (cachep->flags & SLAB_POISON) {
				void **objp = static_cast<void **>(page->freelist);

				*objp = *list;
				*list = objp;
			}
			page->freelist = nullptr;
		}
	} else {
		n->slabs_partial.push_front(*page);
	}
}

void fixup_slab_list(struct kmem_cache *cachep, struct kmem_cache_node *n, struct page *page,
		     void **list)
{
	slab_list_del(page);
	slab_list_add(cachep, n, page, list);
}

void cache_grow_end(struct kmem_cache *cachep, struct page *page)
{
	void *list = nullptr;

	if (!page)
		return;
	struct kmem_cache_node *n = get_node(cachep, numa_mem_id());

	spin_lock(&n->list_lock);
	n->total_slabs++;
	if (!page->active) {
		n->slabs_free.push_back(*page);
		n->free_slabs++;
	} else {
		slab_list_add(cachep, n, page, &list);
	}
	STATS_INC_GROWN(cachep);
	n->free_objects += cachep->num - page->active;
	spin_unlock(&n->list_lock);
	trace_slab_grow(cachep, (unsigned long)((char *)page->s_mem - (char *)page_address(page)));
	if (list)
		fixup_objfreelist_debug(cachep, &list);
}

// Partial slabs first, so that free slabs stay whole and can go back to the page allocator.
struct page *get_first_slab(struct kmem_cache_node *n)
{
	if (!n->slabs_partial.empty())
		return &n->slabs_partial.front();
	n->free_touched = 1;
	if (n->slabs_free.empty())
		return nullptr;
	n->free_slabs--;
	return &n->slabs_free.front();
}
