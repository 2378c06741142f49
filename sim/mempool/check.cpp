// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mempool/check.h"

#include "sim/mempool/internal.h"
#include "sim/slab/check.h"
#include "sim/slab/slab.h"

#include <algorithm>
#include <fmt/format.h>

namespace sim {

namespace {

int reserve_capacity(const mempool_t *pool)
{
	return pool->min_nr == 0 && (pool->sim_flags & MEMPOOL_SIM_ZERO_MIN) ? 1 : pool->min_nr;
}

// Why `element` is not what the pool's stock allocator hands out; empty when it is, or
// when the pool has its own allocator.
std::string bad_element(const mempool_t *pool, void *element)
{
	if (pool->alloc == mempool_alloc_slab) {
		auto *cache = static_cast<struct kmem_cache *>(pool->pool_data);
		if (!slab_object_allocated(cache, element))
			return fmt::format("is not an allocated object of cache {}", cache->name);
	} else if (pool->alloc == mempool_kmalloc) {
		struct kmem_cache *cache = slab_cache_of(element);
		auto size = reinterpret_cast<std::size_t>(pool->pool_data);
		if (!cache || static_cast<std::size_t>(cache->object_size) < size ||
		    !slab_object_allocated(cache, element))
			return fmt::format("is not an allocated kmalloc object of {} bytes or more", size);
	} else if (pool->alloc == mempool_alloc_pages) {
		auto *page = static_cast<struct page *>(element);
		auto order = reinterpret_cast<unsigned long>(pool->pool_data);
		if (!page_in_mem_map(page) || page->alloc_order != order + 1 || page->_refcount.counter < 1)
			return fmt::format("is not an allocated block of order {}", order);
	}
	return {};
}

void check_pool(const mempool_t *pool, std::vector<void *> &all, std::vector<std::string> &bad)
{
	auto fail = [&](const std::string &what) {
		bad.push_back(fmt::format("mempool {} ({}): {}", pool->sim_id, pool->sim_name, what));
	};
	if (pool->sim_magic != MEMPOOL_MAGIC) {
		fail("is on the list of pools but not live");
		return;
	}
	if (pool->curr_nr < 0 || pool->curr_nr > reserve_capacity(pool)) {
		fail(fmt::format("curr_nr {} is outside 0..{}", pool->curr_nr, reserve_capacity(pool)));
		return;
	}
	if (pool->curr_nr && !pool->elements) {
		fail(fmt::format("curr_nr is {} but it has no elements array", pool->curr_nr));
		return;
	}
	for (int i = 0; i < pool->curr_nr; i++) {
		void *e = pool->elements[i];
		if (!e) {
			fail(fmt::format("elements[{}] is NULL below curr_nr {}", i, pool->curr_nr));
			continue;
		}
		if (std::string why = bad_element(pool, e); !why.empty())
			fail(fmt::format("elements[{}] {} {}", i, e, why));
		all.push_back(e);
	}
}

} // namespace

std::vector<std::string> check_mempools()
{
	std::vector<std::string> bad;
	std::vector<void *> all;
	for (const mempool_t *pool : mempools())
		check_pool(pool, all, bad);
	std::sort(all.begin(), all.end());
	for (auto it = std::adjacent_find(all.begin(), all.end()); it != all.end();
	     it = std::adjacent_find(it + 1, all.end()))
		bad.push_back(fmt::format("element {} is in a reserve more than once", *it));
	return bad;
}

} // namespace sim
