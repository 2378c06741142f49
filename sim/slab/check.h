// SPDX-License-Identifier: GPL-2.0-only
// The slab allocator's invariants, checked against its objects (part of sim::check_machine,
// sim/check.h). Its cost is the caches' state: their slabs' freelists and array entries.
#pragma once

#include <string>
#include <vector>

struct kmem_cache;

namespace sim {

// Each broken invariant as one line naming the cache and the rule; empty when all hold:
//  - every slab on a node list is a PG_slab head page of the cache, with active objects
//    (0 on slabs_free, num on slabs_full, in between on slabs_partial), and freelist
//    entries active..num-1 naming distinct objects of the slab (an off-slab freelist being
//    an allocated object of its kmalloc cache);
//  - total_slabs, free_slabs and free_objects count what the lists hold;
//  - every per-CPU and shared array holds at most `limit` entries, each the start of an
//    object of a slab of this cache on its lists, not free in that slab, in no array
//    twice and, with red zones, marked inactive (free).
std::vector<std::string> check_slab_caches();

// Whether obj (as kmem_cache_alloc returned it) is an object of cachep that its slab
// counts as handed out and no array holds: an object someone owns. A mempool's reserve
// elements must be such objects.
bool slab_object_allocated(struct kmem_cache *cachep, const void *obj);

// The cache whose slab holds `obj`, or NULL when obj is not in a slab.
struct kmem_cache *slab_cache_of(const void *obj);

// Objects of cachep handed out and not freed: active in its listed slabs, less those its
// arrays hold. Leak checks compare it before and after.
unsigned long slab_objects_in_use(struct kmem_cache *cachep);

} // namespace sim
