// SPDX-License-Identifier: GPL-2.0-only
// Memory counters (mm/vmstat.c): free pages per zone, slab pages per node.
#pragma once

#include "linux/mmzone.h"

namespace sim {

// The slab layer's page accounting: SLAB adds 2^order pages when a slab grows and takes
// them off when it is destroyed; reclaimable caches (SLAB_RECLAIM_ACCOUNT) count apart.
void mod_node_page_state_slab(bool reclaimable, long nr_pages);

long global_zone_page_state(enum zone_stat_item item);
long global_node_page_state(enum node_stat_item item);

} // namespace sim
