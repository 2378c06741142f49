// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mempool/observe.h"

#include "sim/mempool/mempool.h"
#include "sim/mm/memory.h"
#include "sim/slab/check.h"

#include <optional>

namespace sim {

namespace {

const mempool_stats &st(const mempool_t &p) { return p.sim_stats; }

// Adding a pool counter: its field in struct mempool_stats, where mempool.cpp counts it, and
// one line here. /proc/mempoolinfo, scenarios, the JSON report and the docs' check follow.
const column<mempool_t> columns[] = {
	{{"id", "", [](const mempool_t &p) -> std::int64_t { return p.sim_id; },
	  "creation number, names the pool in traces and reports"}, nullptr, 4},
	{{"min_nr", "", [](const mempool_t &p) -> std::int64_t { return p.min_nr; },
	  "elements the reserve is meant to hold"}, nullptr, 6},
	{{"curr_nr", "", [](const mempool_t &p) -> std::int64_t { return p.curr_nr; },
	  "elements in the reserve now"}, nullptr, 6},
	{{"lowest_nr", "", [](const mempool_t &p) -> std::int64_t { return st(p).lowest_nr; },
	  "the lowest curr_nr mempool_alloc left behind"}, nullptr, 6, "lowest"},
	{{"outstanding", "", [](const mempool_t &p) -> std::int64_t { return mempool_outstanding(&p); },
	  "elements handed out by mempool_alloc and not yet given back"}, nullptr, 6, "allocated"},
	{{"elemsize", "bytes", [](const mempool_t &p) -> std::int64_t { return mempool_element_size(&p); },
	  "bytes per element (0: the pool's own alloc function decides)"}, nullptr, 6},
	{{"alloc_backing", "", [](const mempool_t &p) -> std::int64_t { return st(p).alloc_backing; },
	  "mempool_alloc served by pool->alloc"}, "allocs", 8, "backing"},
	{{"alloc_reserve", "", [](const mempool_t &p) -> std::int64_t { return st(p).alloc_reserve; },
	  "mempool_alloc served from the reserve"}, nullptr, 8, "reserve"},
	{{"alloc_fail", "", [](const mempool_t &p) -> std::int64_t { return st(p).alloc_fail; },
	  "mempool_alloc returned NULL"}, nullptr, 8, "failed"},
	{{"free_reserve", "", [](const mempool_t &p) -> std::int64_t { return st(p).free_reserve; },
	  "mempool_free refilled the reserve"}, "frees", 8, "reserve"},
	{{"free_backing", "", [](const mempool_t &p) -> std::int64_t { return st(p).free_backing; },
	  "mempool_free handed the element to pool->free"}, nullptr, 8, "backing"},
	{{"sleeps", "", [](const mempool_t &p) -> std::int64_t { return st(p).sleeps; },
	  "io_schedule_timeout(5*HZ) calls in mempool_alloc"}, "waits", 6},
	{{"wakeups", "", [](const mempool_t &p) -> std::int64_t { return st(p).wakeups; },
	  "sleeps that ended early, by a wake_up"}, nullptr, 6},
	{{"timeouts", "", [](const mempool_t &p) -> std::int64_t { return st(p).timeouts; },
	  "sleeps that ran the full 5 s and led to a retry"}, nullptr, 6},
	{{"nr_waiters", "", [](const mempool_t &p) -> std::int64_t { return st(p).nr_waiters; },
	  "tasks asleep on pool->wait now"}, nullptr, 4, "waiting"},
	{{"max_waiters", "", [](const mempool_t &p) -> std::int64_t { return st(p).max_waiters; },
	  "the most tasks that were ever asleep on pool->wait at once"}, nullptr, 4, "maxwaiting"},
};

bool in_reserve(const mempool_t *pool, const void *element)
{
	for (int i = 0; i < pool->curr_nr; ++i)
		if (pool->elements[i] == element)
			return true;
	return false;
}

// Whether the allocator below the pool holds `element` allocated: a block of the page
// allocator, or an object of a slab cache. Empty when it is neither.
std::optional<bool> backing_holds(const void *element)
{
	if (page_in_mem_map(element)) {
		const auto *page = static_cast<const struct page *>(element);
		return page->alloc_order != 0 && page->_refcount.counter > 0;
	}
	struct kmem_cache *cache = slab_cache_of(element);
	if (!cache)
		return std::nullopt;
	return slab_object_allocated(cache, element);
}

} // namespace

table<column<mempool_t>> mempool_columns() { return columns; }

element_place mempool_element_where(const mempool_t *pool, const void *element)
{
	if (in_reserve(pool, element))
		return element_place::reserve;
	std::optional<bool> held = backing_holds(element);
	if (!held)
		return element_place::unknown;
	return *held ? element_place::out : element_place::freed;
}

const char *element_place_name(element_place p)
{
	static const char *const names[] = {"reserve", "out", "freed", "unknown"};
	return names[static_cast<int>(p)];
}

mempool_from mempool_handed_out_from(const mempool_t *pool, const void *element)
{
	if (!element)
		return mempool_from::none;
	return pool->sim_flags & MEMPOOL_SIM_LAST_RESERVE ? mempool_from::reserve : mempool_from::backing;
}

std::string mempoolinfo_header() { return column_header(mempool_columns(), 20); }

} // namespace sim
