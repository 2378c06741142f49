// SPDX-License-Identifier: GPL-2.0-only
// Zones and the node (include/linux/mmzone.h): where the buddy allocator keeps its free lists.
//
// One node, contig_page_data, as on a non-NUMA kernel, with ZONE_DMA (the first 16 MiB)
// and ZONE_NORMAL. The names are the kernel's, so `p contig_page_data.node_zones[1]` in
// gdb shows what /proc/zoneinfo shows.
#pragma once

#include "linux/mmzone.h"
#include "sim/mm/page.h"

struct free_area {
	page_list free_list; // one list: no migrate types here (see docs/page-allocator.md)
	unsigned long nr_free; // blocks of this order
};

struct zone {
	unsigned long _watermark[NR_WMARK];
	// Pages this zone keeps back from requests that could have used a higher zone,
	// indexed by the highest zone the request may use (classzone_idx).
	long lowmem_reserve[MAX_NR_ZONES];
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;
	unsigned long present_pages;
	unsigned long managed_pages;
	const char *name;
	struct free_area free_area[MAX_ORDER];
	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int node_id;
	long vm_stat[NR_VM_NODE_STAT_ITEMS];
};

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid) (&contig_page_data)

inline unsigned long zone_end_pfn(const struct zone *zone) { return zone->zone_start_pfn + zone->spanned_pages; }
inline bool populated_zone(const struct zone *zone) { return zone->present_pages != 0; }
inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}
inline unsigned long zone_managed_pages(const struct zone *zone) { return zone->managed_pages; }
inline unsigned long min_wmark_pages(const struct zone *z) { return z->_watermark[WMARK_MIN]; }
inline unsigned long low_wmark_pages(const struct zone *z) { return z->_watermark[WMARK_LOW]; }
inline unsigned long high_wmark_pages(const struct zone *z) { return z->_watermark[WMARK_HIGH]; }
inline enum zone_type zone_idx(const struct zone *zone)
{
	return static_cast<enum zone_type>(zone - contig_page_data.node_zones);
}

#define for_each_zone(zone) \
	for (struct zone *zone = contig_page_data.node_zones; zone < contig_page_data.node_zones + MAX_NR_ZONES; zone++)
