// SPDX-License-Identifier: GPL-2.0-only
#include "sim/slab/observe.h"

#include "sim/slab/slab.h"

namespace sim {

namespace {

using R = const slabinfo_row &;

// Adding a column: one line here (and, for a new statistic, its counter in struct kmem_cache
// and where the slab code counts it). /proc/slabinfo, scenarios, the JSON report and the docs'
// check follow.
const column<slabinfo_row> columns[] = {
	{{"active_objs", "", [](R r) -> std::int64_t { return r.info.active_objs; },
	  "objects in use: every object not free in a slab (array caches' objects count as active)"}, nullptr, 6},
	{{"num_objs", "", [](R r) -> std::int64_t { return r.info.num_objs; },
	  "objects in all the cache's slabs"}, nullptr, 6},
	{{"objsize", "bytes", [](R r) -> std::int64_t { return r.cache->size; },
	  "bytes per object, with alignment and debug padding"}, nullptr, 6},
	{{"objperslab", "", [](R r) -> std::int64_t { return r.info.objects_per_slab; },
	  "objects per slab"}, nullptr, 4},
	{{"pagesperslab", "pages", [](R r) -> std::int64_t { return 1 << r.info.cache_order; },
	  "pages per slab (2^gfporder)"}, nullptr, 4},
	{{"limit", "", [](R r) -> std::int64_t { return r.info.limit; },
	  "most objects a per-CPU array cache holds"}, "tunables", 4},
	{{"batchcount", "", [](R r) -> std::int64_t { return r.info.batchcount; },
	  "objects moved at once between a per-CPU array and the slabs"}, nullptr, 4},
	{{"sharedfactor", "", [](R r) -> std::int64_t { return r.info.shared; },
	  "the shared array's size, in multiples of batchcount (0: none)"}, nullptr, 4},
	{{"active_slabs", "", [](R r) -> std::int64_t { return r.info.active_slabs; },
	  "slabs with at least one object in use"}, "slabdata", 6},
	{{"num_slabs", "", [](R r) -> std::int64_t { return r.info.num_slabs; },
	  "slabs the cache has"}, nullptr, 6},
	{{"sharedavail", "", [](R r) -> std::int64_t { return r.info.shared_avail; },
	  "objects in the nodes' shared arrays"}, nullptr, 6},
};

const column<slabinfo_row> stat_columns[] = {
	{{"listallocs", "", [](R r) -> std::int64_t { return r.cache->num_allocations; },
	  "objects taken from the slab lists to refill per-CPU arrays"}, "globalstat", 7},
	{{"maxobjs", "", [](R r) -> std::int64_t { return r.cache->high_mark; },
	  "the most objects ever active"}, nullptr, 6},
	{{"grown", "", [](R r) -> std::int64_t { return r.cache->grown; },
	  "slabs added"}, nullptr, 5},
	{{"reaped", "", [](R r) -> std::int64_t { return r.cache->reaped; },
	  "slabs cache_reap freed"}, nullptr, 4},
	{{"error", "", [](R r) -> std::int64_t { return r.cache->errors; },
	  "the kernel's error count; nothing counts into it here"}, nullptr, 4},
	{{"maxfreeable", "", [](R r) -> std::int64_t { return r.cache->max_freeable; },
	  "the most free slabs a flush of a per-CPU array ever left on a node"}, nullptr, 4},
	{{"nodeallocs", "", [](R r) -> std::int64_t { return r.cache->node_allocs; },
	  "allocations for another node (0: one node)"}, nullptr, 4},
	{{"remotefrees", "", [](R r) -> std::int64_t { return r.cache->node_frees; },
	  "frees of another node's objects (0: one node)"}, nullptr, 4},
	{{"alienoverflow", "", [](R r) -> std::int64_t { return r.cache->node_overflow; },
	  "alien caches that overflowed (0: one node)"}, nullptr, 4},
	{{"allochit", "", [](R r) -> std::int64_t { return r.cache->allochit.counter; },
	  "allocations served by the per-CPU array"}, "cpustat", 6},
	{{"allocmiss", "", [](R r) -> std::int64_t { return r.cache->allocmiss.counter; },
	  "allocations that found the per-CPU array empty"}, nullptr, 6},
	{{"freehit", "", [](R r) -> std::int64_t { return r.cache->freehit.counter; },
	  "frees into a per-CPU array with room"}, nullptr, 6},
	{{"freemiss", "", [](R r) -> std::int64_t { return r.cache->freemiss.counter; },
	  "frees that found the per-CPU array full"}, nullptr, 6},
};

} // namespace

slabinfo_row read_slabinfo_row(struct kmem_cache *cachep)
{
	slabinfo_row r{cachep, {}};
	get_slabinfo(cachep, &r.info);
	return r;
}

const char *slabinfo_row_name(const slabinfo_row &r) { return r.cache->name; }

table<column<slabinfo_row>> slabinfo_columns() { return columns; }
table<column<slabinfo_row>> slabinfo_stat_columns() { return stat_columns; }

std::vector<slabinfo_row> slabinfo_rows()
{
	std::vector<slabinfo_row> rows;
	for (struct kmem_cache &s : slab_caches)
		rows.push_back(read_slabinfo_row(&s));
	return rows;
}

} // namespace sim
