// SPDX-License-Identifier: GPL-2.0-only
// The page allocator's /proc files, in the kernel's exact text formats (v5.4), rendered from
// the tables of sim/mm/observe.h.
#pragma once

#include <string>

namespace sim {

// /proc/buddyinfo: free blocks per order, one line per populated zone.
std::string proc_buddyinfo();
// /proc/zoneinfo: per zone, the lines up to "protection:" (free, watermarks, sizes,
// lowmem_reserve); the per-node, vmstat and pageset lines that follow are not kept.
std::string proc_zoneinfo();
// /proc/meminfo: MemTotal, MemFree, MemAvailable, KReclaimable, Slab, SReclaimable,
// SUnreclaim (the other lines describe page cache, swap, ... which this machine lacks).
std::string proc_meminfo();
// /proc/vmstat: the counters this machine keeps (nr_free_pages, nr_slab_reclaimable,
// nr_slab_unreclaimable), with the kernel's names, in its order.
std::string proc_vmstat();

// The free-area lines of show_mem() that follow a page allocation failure:
// "Node 0 Normal: 3*4kB 1*8kB ... = 20kB", printed to the kernel log.
void show_free_areas();

} // namespace sim
