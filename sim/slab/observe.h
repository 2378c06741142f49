// SPDX-License-Identifier: GPL-2.0-only
// What can be observed of a cache: its /proc/slabinfo row (mm/slab_common.c cache_show:
// name, objects, tunables, slabdata) and, under slab statistics, its globalstat and cpustat
// columns. /proc/slabinfo, scenarios, the JSON report and docs/slab.md take the columns
// from here.
#pragma once

#include "sim/observe.h"
#include "sim/slab/slabinfo.h"

namespace sim {

// One cache as /proc/slabinfo shows it: get_slabinfo's summary and the cache it came from.
struct slabinfo_row {
	const struct kmem_cache *cache;
	struct slabinfo info;
};
slabinfo_row read_slabinfo_row(struct kmem_cache *cachep);
const char *slabinfo_row_name(const slabinfo_row &r);

// active_objs ... sharedavail: every line of /proc/slabinfo has them.
table<column<slabinfo_row>> slabinfo_columns();
// listallocs ... freemiss: the statistics columns, shown when slab_stats is on.
table<column<slabinfo_row>> slabinfo_stat_columns();

// The caches, newest first as /proc/slabinfo lists them.
std::vector<slabinfo_row> slabinfo_rows();

} // namespace sim
