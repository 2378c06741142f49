// SPDX-License-Identifier: GPL-2.0-only
// What can be observed of memory, as numbers: per zone (free pages, watermarks, sizes), per
// zone and order (free blocks: /proc/buddyinfo), per node (the vmstat counters) and the
// machine's /proc/meminfo. The /proc texts (sim/mm/proc.h), scenarios, the JSON report and
// docs/page-allocator.md take their names and values from these tables.
#pragma once

#include "sim/mm/mmzone.h"
#include "sim/observe.h"

#include <vector>

namespace sim {

// nr_free_pages, min, low, high, spanned, present, managed: /proc/zoneinfo's per-zone lines.
table<field<struct zone>> zone_fields();
// order0 ... order10: free blocks of that order in the zone, /proc/buddyinfo's columns.
table<field<struct zone>> free_area_fields();
// nr_free_pages, nr_slab_reclaimable, nr_slab_unreclaimable: the node's lines of /proc/vmstat.
table<field<pglist_data>> node_fields();

// /proc/meminfo's numbers, in pages; its table reads them in kB, as the file shows them.
struct meminfo {
	unsigned long total, free, available, kreclaimable, slab, sreclaimable, sunreclaim;
};
struct meminfo read_meminfo();
// MemTotal, MemFree, MemAvailable, KReclaimable, Slab, SReclaimable, SUnreclaim (kB).
table<field<struct meminfo>> meminfo_fields();

// The zones that have pages (those /proc/buddyinfo lists), lowest first.
std::vector<const struct zone *> populated_zones();
// `f` summed over the populated zones: the machine's free blocks of an order, say.
std::int64_t sum_over_zones(const field<struct zone> &f);

} // namespace sim
