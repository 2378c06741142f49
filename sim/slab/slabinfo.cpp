// SPDX-License-Identifier: GPL-2.0-only
// /proc/slabinfo, byte for byte as v5.4's SLAB prints it (mm/slab_common.c cache_show,
// mm/slab.c get_slabinfo and slabinfo_show_stats), laid out by the columns of
// sim/slab/observe.h.
#include "sim/slab/slabinfo.h"
#include "sim/slab/observe.h"
#include "sim/slab/slab.h"

// Objects in any array cache count as active: only free objects inside slabs are free.
void get_slabinfo(struct kmem_cache *cachep, struct slabinfo *sinfo)
{
	unsigned long total_slabs = 0, free_objs = 0, shared_avail = 0, free_slabs = 0;

	for (int node = 0; node < MAX_NUMNODES; node++) {
		struct kmem_cache_node *n = get_node(cachep, node);

		spin_lock_irq(&n->list_lock);
		total_slabs += n->total_slabs;
		free_slabs += n->free_slabs;
		free_objs += n->free_objects;
		if (n->shared)
			shared_avail += n->shared->avail;
		spin_unlock_irq(&n->list_lock);
	}
	sinfo->num_objs = total_slabs * cachep->num;
	sinfo->active_slabs = total_slabs - free_slabs;
	sinfo->active_objs = sinfo->num_objs - free_objs;
	sinfo->num_slabs = total_slabs;
	sinfo->shared_avail = shared_avail;
	sinfo->limit = cachep->limit;
	sinfo->batchcount = cachep->batchcount;
	sinfo->shared = cachep->shared;
	sinfo->objects_per_slab = cachep->num;
	sinfo->cache_order = cachep->gfporder;
}

namespace sim {

namespace {
// The columns of one line: the base ones, and the statistics when they are on.
std::vector<column<slabinfo_row>> shown_columns()
{
	std::vector<column<slabinfo_row>> cols(slabinfo_columns().begin(), slabinfo_columns().end());
	if (slab_stats)
		cols.insert(cols.end(), slabinfo_stat_columns().begin(), slabinfo_stat_columns().end());
	return cols;
}
} // namespace

std::string slabinfo()
{
	std::vector<column<slabinfo_row>> cols = shown_columns();
	std::string m = slab_stats ? "slabinfo - version: 2.1 (statistics)\n" : "slabinfo - version: 2.1\n";

	m += column_header<slabinfo_row>(cols, 17) + "\n";
	for (const slabinfo_row &r : slabinfo_rows())
		m += column_line<slabinfo_row>(cols, slabinfo_row_name(r), 17, r) + "\n";
	return m;
}

struct kmem_cache *find_cache(const std::string &name)
{
	for (struct kmem_cache &s : slab_caches)
		if (name == s.name)
			return &s;
	return nullptr;
}

} // namespace sim
