// SPDX-License-Identifier: GPL-2.0-only
// Caches and pools: created at the top level, destroyed anywhere, and what a destroyed one
// still allows (nothing).
#include "sim/scenario/interp.h"

#include "linux/mm.h"
#include "linux/slab.h"
#include "sim/mempool/mempool.h"
#include "sim/scenario/ctor.h"

#include <fmt/format.h>

namespace sim::scenario {

namespace {

// The r1bio-style element: its size lives in pool_data, as raid1's pool_info holds raid_disks.
void *kzalloc_element(gfp_t gfp, void *pool_data)
{
	return kzalloc(*static_cast<std::size_t *>(pool_data), gfp);
}
void kfree_element(void *element, void *) { kfree(element); }

} // namespace

void interp::create_cache(const op &o)
{
	const cache_def &d = p_.caches[o.a];
	void (*ctor)(void *) = nullptr;
	if (d.ctor != ctor_kind::none) {
		ctor = ctor_register(d.size, d.ctor == ctor_kind::zero ? 0 : d.pattern);
		if (!ctor)
			return fail(o.loc, fmt::format("at most {} caches with constructors", ctor_slots));
		ctor_ids_.resize(o.a + 1, -1);
		ctor_ids_[o.a] = ctor_index(ctor);
	}
	struct kmem_cache *c = kmem_cache_create(d.name.c_str(), d.size, d.align, d.flags, ctor);
	if (!c)
		return fail(o.loc, fmt::format("kmem_cache_create(\"{}\") failed (see the kernel log)", d.name));
	caches_.push_back(c);
	cache_destroyed_.emplace_back();
}

void interp::create_pool(const op &o)
{
	const pool_def &d = p_.pools[o.a];
	pool_rec &r = pools_.emplace_back();
	switch (d.backend) {
	case pool_backend::slab:
		if (!live_cache(d.cache, o.loc))
			return;
		r.pool = mempool_create_slab_pool(d.min_nr, caches_[d.cache]);
		r.elem_bytes = kmem_cache_size(caches_[d.cache]);
		break;
	case pool_backend::kmalloc:
		r.pool = mempool_create_kmalloc_pool(d.min_nr, d.arg);
		r.elem_bytes = d.arg;
		break;
	case pool_backend::pages:
		r.pool = mempool_create_page_pool(d.min_nr, static_cast<int>(d.arg));
		r.elem_bytes = PAGE_SIZE << d.arg;
		break;
	case pool_backend::kzalloc:
		r.kzalloc_size = d.arg;
		r.pool = mempool_create(d.min_nr, kzalloc_element, kfree_element, &r.kzalloc_size);
		r.elem_bytes = d.arg;
		break;
	}
	if (!r.pool)
		return fail(o.loc, fmt::format("mempool_create for '{}' failed: not enough memory for {} elements",
					       d.name, d.min_nr));
	mempool_set_name(r.pool, d.name);
}

struct kmem_cache *interp::live_cache(std::uint32_t c, source_loc at)
{
	if (!caches_[c])
		fail(at, fmt::format("cache '{}' was destroyed at {}:{}", p_.caches[c].name, cache_destroyed_[c].line,
				     cache_destroyed_[c].col));
	return caches_[c];
}

mempool_t *interp::live_pool(std::uint32_t p, source_loc at)
{
	const pool_rec &r = pools_[p];
	if (!r.pool)
		fail(at, fmt::format("pool '{}' was destroyed at {}:{}", p_.pools[p].name, r.destroyed.line,
				     r.destroyed.col));
	return r.pool;
}

// The kernel reports a cache destroyed with objects still allocated and keeps it (it stays in
// /proc/slabinfo); either way the scenario's name for it is gone. A pool still drawing on the
// cache would use freed memory, so that is refused.
void interp::destroy_cache(const op &o)
{
	if (!live_cache(o.a, o.loc))
		return;
	for (std::size_t i = 0; i < pools_.size(); ++i)
		if (pools_[i].pool && p_.pools[i].backend == pool_backend::slab && p_.pools[i].cache == o.a)
			return fail(o.loc, fmt::format("pool '{}' still allocates from cache '{}': "
						       "mempool_destroy({}) first", p_.pools[i].name,
						       p_.caches[o.a].name, p_.pools[i].name));
	kmem_cache_destroy(caches_[o.a]);
	caches_[o.a] = nullptr;
	cache_destroyed_[o.a] = o.loc;
}

// mempool_destroy reports elements still allocated (they are leaked); a task asleep in
// mempool_alloc on the pool would wake on freed memory, so that is refused.
void interp::destroy_pool(const op &o)
{
	mempool_t *m = live_pool(o.a, o.loc);
	if (!m)
		return;
	if (int n = m->sim_stats.nr_waiters)
		return fail(o.loc, fmt::format("{} task{} still wait{} in mempool_alloc on pool '{}': they would "
					       "wake on freed memory", n, n == 1 ? "" : "s", n == 1 ? "s" : "",
					       p_.pools[o.a].name));
	mempool_destroy(m);
	pools_[o.a].pool = nullptr;
	pools_[o.a].destroyed = o.loc;
}

} // namespace sim::scenario
