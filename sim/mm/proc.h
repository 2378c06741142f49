// SPDX-License-Identifier: GPL-2.0-only
// The page allocator's /proc files, in the kernel's exact text formats (v5.4).
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

// The free-area lines of show_mem() that follow a page allocation failure:
// "Node 0 Normal: 3*4kB 1*8kB ... = 20kB", printed to the kernel log.
void show_free_areas();

} // namespace sim
