// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/vmstat.h"

#include "sim/mm/mmzone.h"

namespace sim {

void mod_node_page_state_slab(bool reclaimable, long nr_pages)
{
	contig_page_data.vm_stat[reclaimable ? NR_SLAB_RECLAIMABLE : NR_SLAB_UNRECLAIMABLE] += nr_pages;
}

long global_zone_page_state(enum zone_stat_item item)
{
	long sum = 0;
	for_each_zone(zone)
		sum += zone->vm_stat[item];
	return sum;
}

long global_node_page_state(enum node_stat_item item) { return contig_page_data.vm_stat[item]; }

} // namespace sim

extern "C" unsigned long nr_free_pages(void) { return sim::global_zone_page_state(NR_FREE_PAGES); }

extern "C" unsigned long totalram_pages(void)
{
	unsigned long pages = 0;
	for_each_zone(zone)
		pages += zone_managed_pages(zone);
	return pages;
}
