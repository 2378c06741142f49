// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/check.h"

#include "linux/page-flags.h"
#include "sim/mm/memory.h"
#include "sim/mm/mmzone.h"

#include <fmt/format.h>

namespace sim {

namespace {
void check_free_lists(const struct zone *zone, std::vector<std::string> &bad)
{
	long free_pages = 0;
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		const auto &area = zone->free_area[order];
		unsigned long blocks = 0;
		for (const struct page &p : area.free_list) {
			unsigned long pfn = pfn_of(&p);
			blocks++;
			if (!PageBuddy(&p) || p.private_ != order || p._refcount.counter || p.alloc_order)
				bad.push_back(fmt::format("{}: pfn {:#x} on the order-{} list is not a free block of that order",
							  zone->name, pfn, order));
			if (pfn & ((1ul << order) - 1) || !zone_spans_pfn(zone, pfn) ||
			    !zone_spans_pfn(zone, pfn + (1ul << order) - 1))
				bad.push_back(fmt::format("{}: order-{} block at pfn {:#x} is misaligned or outside the zone",
							  zone->name, order, pfn));
		}
		if (blocks != area.nr_free)
			bad.push_back(fmt::format("{}: order {} has nr_free {} but {} blocks on its list", zone->name,
						  order, area.nr_free, blocks));
		free_pages += static_cast<long>(blocks << order);
	}
	if (free_pages != zone->vm_stat[NR_FREE_PAGES])
		bad.push_back(fmt::format("{}: NR_FREE_PAGES is {} but the free lists hold {} pages", zone->name,
					  zone->vm_stat[NR_FREE_PAGES], free_pages));
}

// Walks the zone block by block: each block starts with a free head (PageBuddy) or an
// allocated head (alloc_order); no page inside a block may start another one.
void check_coverage(const struct zone *zone, std::vector<std::string> &bad)
{
	unsigned long pfn = zone->zone_start_pfn, end = zone_end_pfn(zone);
	while (pfn < end) {
		const struct page *head = mem_map + pfn;
		unsigned int order;
		if (PageBuddy(head) && !head->alloc_order) {
			order = static_cast<unsigned int>(head->private_);
		} else if (head->alloc_order && !PageBuddy(head)) {
			order = head->alloc_order - 1;
		} else {
			bad.push_back(fmt::format("{}: pfn {:#x} is in no block, or both free and allocated", zone->name, pfn));
			pfn++;
			continue;
		}
		for (unsigned long i = 1; i < (1ul << order) && pfn + i < end; i++)
			if (PageBuddy(head + i) || head[i].alloc_order)
				bad.push_back(fmt::format("{}: pfn {:#x} starts a block inside the block at pfn {:#x}",
							  zone->name, pfn + i, pfn));
		pfn += 1ul << order;
	}
}
} // namespace

std::vector<std::string> check_page_allocator()
{
	std::vector<std::string> bad;
	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		check_free_lists(zone, bad);
		check_coverage(zone, bad);
	}
	return bad;
}

} // namespace sim
