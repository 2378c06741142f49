// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/check.h"

#include "linux/page-flags.h"
#include "sim/mm/memory.h"
#include "sim/mm/mmzone.h"
#include "sim/slab/slab_def.h"

#include <array>
#include <fmt/format.h>

namespace sim {

namespace {

using order_counts = std::array<unsigned long, MAX_ORDER>;

struct walk_totals {
	order_counts free_blocks{}; // free blocks the walk met, per order
	long slab_pages[2] = {};    // pages of PG_slab blocks: [0] unreclaimable, [1] reclaimable
};

void check_free_lists(const struct zone *zone, const order_counts &walked, std::vector<std::string> &bad)
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
		// A listed block the walk did not meet lies inside another block.
		if (blocks != walked[order])
			bad.push_back(fmt::format("{}: the order-{} list holds {} blocks but the zone is tiled by {}",
						  zone->name, order, blocks, walked[order]));
		free_pages += static_cast<long>(blocks << order);
	}
	if (free_pages != zone->vm_stat[NR_FREE_PAGES])
		bad.push_back(fmt::format("{}: NR_FREE_PAGES is {} but the free lists hold {} pages", zone->name,
					  zone->vm_stat[NR_FREE_PAGES], free_pages));
}

// An allocated block: referenced; a compound block's tails point at its head and start no
// block. The inside of any other block is not visited (a hog's gigabytes would cost a step
// a page): a free block inside it is one the walk misses, which check_free_lists sees.
void check_allocated(const struct zone *zone, const struct page *head, unsigned int order, walk_totals &t,
		     std::vector<std::string> &bad)
{
	unsigned long pfn = pfn_of(head);
	if (head->_refcount.counter < 1)
		bad.push_back(fmt::format("{}: allocated block at pfn {:#x} has refcount {}", zone->name, pfn,
					  head->_refcount.counter));
	for (unsigned long i = 1; PageHead(head) && i < (1ul << order); i++) {
		if (PageBuddy(head + i) || head[i].alloc_order)
			bad.push_back(fmt::format("{}: pfn {:#x} starts a block inside the block at pfn {:#x}",
						  zone->name, pfn + i, pfn));
		if (head[i].compound_head != reinterpret_cast<unsigned long>(head) + 1)
			bad.push_back(fmt::format("{}: tail pfn {:#x} does not point at its head pfn {:#x}", zone->name,
						  pfn + i, pfn));
	}
	// A PG_slab page without a cache is no slab (the slab layer sets both): not counted.
	const struct kmem_cache *cache = head->slab_cache;
	if (!PageSlab(head) || !cache)
		return;
	if (cache->gfporder != order) {
		bad.push_back(fmt::format("{}: PG_slab block at pfn {:#x} of order {} is not a slab of its cache",
					  zone->name, pfn, order));
		return;
	}
	t.slab_pages[(cache->flags & SLAB_RECLAIM_ACCOUNT) != 0] += 1l << order;
}

// Walks the zone block by block: each block starts with a free head (PageBuddy) or an
// allocated head (alloc_order). A free block's interior is not visited: a block inside it
// would be one the free lists hold and the walk does not meet, which check_free_lists sees.
void check_tiling(const struct zone *zone, walk_totals &t, std::vector<std::string> &bad)
{
	unsigned long pfn = zone->zone_start_pfn, end = zone_end_pfn(zone);
	while (pfn < end) {
		const struct page *head = mem_map + pfn;
		unsigned int order;
		if (PageBuddy(head) && !head->alloc_order && head->private_ < MAX_ORDER) {
			order = static_cast<unsigned int>(head->private_);
			t.free_blocks[order]++;
		} else if (head->alloc_order && head->alloc_order <= MAX_ORDER && !PageBuddy(head)) {
			order = head->alloc_order - 1;
			check_allocated(zone, head, order, t, bad);
		} else {
			bad.push_back(fmt::format("{}: pfn {:#x} is in no block, or both free and allocated", zone->name, pfn));
			pfn++;
			continue;
		}
		if (pfn + (1ul << order) > end)
			bad.push_back(fmt::format("{}: the order-{} block at pfn {:#x} runs past the zone", zone->name,
						  order, pfn));
		pfn += 1ul << order;
	}
}

void check_slab_vmstat(const long (&slab_pages)[2], std::vector<std::string> &bad)
{
	const char *names[] = {"NR_SLAB_UNRECLAIMABLE", "NR_SLAB_RECLAIMABLE"};
	const long counters[] = {contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE],
				 contig_page_data.vm_stat[NR_SLAB_RECLAIMABLE]};
	for (int i = 0; i < 2; i++)
		if (counters[i] != slab_pages[i])
			bad.push_back(fmt::format("node 0: {} is {} but PG_slab blocks hold {} pages", names[i],
						  counters[i], slab_pages[i]));
}

} // namespace

std::vector<std::string> check_page_allocator()
{
	std::vector<std::string> bad;
	walk_totals t;
	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		t.free_blocks = {};
		check_tiling(zone, t, bad);
		check_free_lists(zone, t.free_blocks, bad);
	}
	check_slab_vmstat(t.slab_pages, bad);
	return bad;
}

} // namespace sim
