// SPDX-License-Identifier: GPL-2.0-only
// /proc/slabinfo, and read-only views of the caches for the CLI, scenarios and tests.
#pragma once

#include "linux/types.h"

#include <string>

struct kmem_cache;

// SLAB's per-cache summary (mm/slab.h struct slabinfo), as get_slabinfo fills it.
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
	unsigned long shared_avail;
	unsigned int limit;
	unsigned int batchcount;
	unsigned int shared;
	unsigned int objects_per_slab;
	unsigned int cache_order;
};

void get_slabinfo(struct kmem_cache *cachep, struct slabinfo *sinfo);

// "name limit batchcount shared" written to /proc/slabinfo: the byte count, or -EINVAL /
// -ENOMEM as the kernel's write() would return.
long slabinfo_write(const char *buffer, size_t count);

namespace sim {

// The text of /proc/slabinfo (version 2.1; with slab_debug, the statistics columns too).
std::string slabinfo();

// The cache of that name, newest first as the kernel's list is; NULL if there is none.
struct kmem_cache *find_cache(const std::string &name);

} // namespace sim
