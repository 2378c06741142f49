// SPDX-License-Identifier: GPL-2.0-only
// The slab allocator's invariants (sim/slab/check.h). Slabs in flight (taken off the lists
// by drain_freelist or free_block, not yet given back, or grown and not yet filed) are
// between a scheduling point and the next and are not looked at: only the lists are.
#include "sim/slab/check.h"

#include "sim/slab/slab.h"

#include "linux/page-flags.h"
#include "linux/poison.h"

#include <algorithm>
#include <bitset>
#include <cstring>
#include <fmt/format.h>

namespace sim {

namespace {

using free_map = std::bitset<SLAB_OBJ_MAX_NUM + 1>;

// One slab on the node's lists and which of its objects the freelist holds.
struct slab_view {
	const struct page *page;
	free_map free;
};

struct cache_check {
	struct kmem_cache *c;
	std::vector<std::string> &bad;
	std::vector<slab_view> slabs; // sorted by page once the lists are walked

	template <typename... Args> void fail(fmt::format_string<Args...> f, Args &&...args)
	{
		bad.push_back(fmt::format("cache {}: {}", c->name, fmt::format(f, std::forward<Args>(args)...)));
	}

	// The freelist's free part names distinct objects of the slab.
	free_map free_objects(const struct page *p)
	{
		free_map m;
		if (p->active == c->num)
			return m;
		if (!p->freelist) {
			fail("slab {} has {} of {} objects active but no freelist", p->s_mem, p->active, c->num);
			return m;
		}
		auto *idx = static_cast<const freelist_idx_t *>(p->freelist);
		for (unsigned int i = p->active; i < c->num; i++) {
			if (idx[i] >= c->num || m.test(idx[i]))
				fail("slab {}: freelist entry {} ({}) is out of range or repeated", p->s_mem, i, idx[i]);
			else
				m.set(idx[i]);
		}
		return m;
	}

	void check_slab(const struct page &p, const char *list, bool ok_active)
	{
		if (!PageSlab(&p) || PageTail(&p) || p.slab_cache != c || p.alloc_order != c->gfporder + 1) {
			fail("page {} on {} is not a slab of this cache", static_cast<const void *>(&p), list);
			return;
		}
		const char *base = static_cast<const char *>(page_address(&p));
		const char *s_mem = static_cast<const char *>(p.s_mem);
		if (s_mem < base || s_mem + static_cast<size_t>(c->size) * c->num > base + (PAGE_SIZE << c->gfporder))
			fail("slab {} on {}: its objects do not fit in its pages", p.s_mem, list);
		if (p.active > c->num || !ok_active)
			fail("slab {} on {} has {} of {} objects active", p.s_mem, list, p.active, c->num);
		if (OFF_SLAB(c) && !slab_object_allocated(c->freelist_cache, p.freelist))
			fail("slab {} on {}: its freelist {} is not an allocated object of {}", p.s_mem, list,
			     p.freelist, c->freelist_cache->name);
		if (p.active <= c->num)
			slabs.push_back({&p, free_objects(&p)});
	}

	unsigned long walk(const page_list &l, const char *name, unsigned int lo, unsigned int hi)
	{
		unsigned long n = 0;
		for (const struct page &p : l) {
			check_slab(p, name, p.active >= lo && p.active <= hi);
			n++;
		}
		return n;
	}

	void check_lists(const struct kmem_cache_node *n)
	{
		unsigned long full = walk(n->slabs_full, "slabs_full", c->num, c->num);
		unsigned long partial = walk(n->slabs_partial, "slabs_partial", 1, c->num - 1);
		unsigned long free = walk(n->slabs_free, "slabs_free", 0, 0);
		unsigned long free_objects = 0;
		for (const slab_view &s : slabs)
			free_objects += s.free.count();
		if (n->total_slabs != full + partial + free)
			fail("total_slabs is {} but the lists hold {} slabs", n->total_slabs, full + partial + free);
		if (n->free_slabs != free)
			fail("free_slabs is {} but slabs_free holds {}", n->free_slabs, free);
		if (n->free_objects != free_objects)
			fail("free_objects is {} but the slabs' freelists hold {}", n->free_objects, free_objects);
		std::sort(slabs.begin(), slabs.end(), [](auto &a, auto &b) { return a.page < b.page; });
	}

	const slab_view *slab_of(const struct page *head) const
	{
		auto it = std::lower_bound(slabs.begin(), slabs.end(), head,
					   [](const slab_view &s, const struct page *p) { return s.page < p; });
		return it != slabs.end() && it->page == head ? &*it : nullptr;
	}

	// An array entry: a buffer start of an object that its slab counts as handed out.
	void check_entry(void *objp, const char *where)
	{
		struct page *page = slab_virt_to_page(objp);
		page = page ? compound_head(page) : nullptr;
		unsigned int idx = page && PageSlab(page) && page->slab_cache == c ? buffer_index(c, page, objp) : ~0u;
		if (idx >= c->num) {
			fail("{} holds {}, which is not an object of this cache", where, objp);
			return;
		}
		const slab_view *s = slab_of(page);
		if (!s)
			fail("{} holds {}, of slab {} that is on none of the node's lists", where, objp, page->s_mem);
		else if (s->free.test(idx))
			fail("{} holds {}, which is also free in its slab", where, objp);
		if (c->flags & SLAB_RED_ZONE) {
			auto *obj = static_cast<const char *>(objp);
			size_t tail = sizeof(unsigned long long) + ((c->flags & SLAB_STORE_USER) ? REDZONE_ALIGN : 0);
			unsigned long long rz1, rz2;
			std::memcpy(&rz1, obj + c->obj_offset - sizeof rz1, sizeof rz1);
			std::memcpy(&rz2, obj + c->size - tail, sizeof rz2);
			if (rz1 != RED_INACTIVE || rz2 != RED_INACTIVE)
				fail("{} holds {}, whose red zones 0x{:x}/0x{:x} say it is in use", where, objp, rz1, rz2);
		}
	}

	void check_array(const struct array_cache *ac, const std::string &where, std::vector<void *> &all)
	{
		if (ac->avail > ac->limit)
			fail("{} has avail {} above its limit {}", where, ac->avail, ac->limit);
		for (unsigned int i = 0; i < std::min(ac->avail, ac->limit); i++) {
			check_entry(ac->entry[i], where.c_str());
			all.push_back(ac->entry[i]);
		}
	}

	void check_arrays(const struct kmem_cache_node *n)
	{
		std::vector<void *> all;
		for (unsigned int cpu = 0; c->cpu_cache && cpu < nr_cpu_ids; cpu++)
			check_array(per_cpu_ptr(c->cpu_cache, cpu), fmt::format("the array of CPU {}", cpu), all);
		if (n->shared)
			check_array(n->shared, "the shared array", all);
		std::sort(all.begin(), all.end());
		for (auto it = std::adjacent_find(all.begin(), all.end()); it != all.end();
		     it = std::adjacent_find(it + 1, all.end()))
			fail("object {} is in its arrays more than once (a double free?)", *it);
	}
};

bool in_array(const struct array_cache *ac, const void *objp)
{
	return ac && std::find(ac->entry, ac->entry + ac->avail, objp) != ac->entry + ac->avail;
}

} // namespace

std::vector<std::string> check_slab_caches()
{
	std::vector<std::string> bad;
	for (struct kmem_cache &c : slab_caches) {
		const struct kmem_cache_node *n = get_node(&c, 0);
		if (!n)
			continue;
		cache_check cc{&c, bad, {}};
		cc.check_lists(n);
		cc.check_arrays(n);
	}
	return bad;
}

struct kmem_cache *slab_cache_of(const void *obj)
{
	struct page *page = slab_virt_to_page(obj);
	page = page ? compound_head(page) : nullptr;
	return page && PageSlab(page) ? page->slab_cache : nullptr;
}

bool slab_object_allocated(struct kmem_cache *cachep, const void *obj)
{
	struct page *page = slab_virt_to_page(obj);
	page = page ? compound_head(page) : nullptr;
	if (!page || !PageSlab(page) || page->slab_cache != cachep)
		return false;
	unsigned int idx = obj_start_index(cachep, page, obj);
	if (idx >= cachep->num)
		return false;
	for (unsigned int i = page->active; i < cachep->num; i++)
		if (get_free_obj(page, i) == idx)
			return false;
	const void *buf = static_cast<const char *>(obj) - cachep->obj_offset;
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (in_array(per_cpu_ptr(cachep->cpu_cache, cpu), buf))
			return false;
	return !in_array(get_node(cachep, 0)->shared, buf);
}

unsigned long slab_objects_in_use(struct kmem_cache *cachep)
{
	struct kmem_cache_node *n = get_node(cachep, 0);
	unsigned long active = 0;
	for (const page_list *l : {&n->slabs_full, &n->slabs_partial})
		for (const struct page &p : *l)
			active += p.active;
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		active -= per_cpu_ptr(cachep->cpu_cache, cpu)->avail;
	return active - (n->shared ? n->shared->avail : 0);
}

} // namespace sim
