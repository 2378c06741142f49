// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/mm_init.h"

#include "sim/machine.h"
#include "sim/mm/fail_page_alloc.h"
#include "sim/mm/hog.h"
#include "sim/mm/memory.h"
#include "sim/mm/mmzone.h"
#include "sim/mm/page_alloc.h"
#include "sim/mm/state.h"
#include "sim/mm/watermark.h"
#include "sim/trace/trace.h"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace sim {

namespace {
constexpr unsigned long dma_zone_pages = (16ul << 20) >> PAGE_SHIFT; // x86's MAX_DMA_PFN
constexpr const char *zone_names[MAX_NR_ZONES] = {"DMA", "Normal"};

// Every page frame is present and managed: this machine has no memory holes and no
// memory reserved for firmware or the kernel image (x86 keeps pfn 0 and more back).
void free_area_init(unsigned long nr_pages)
{
	unsigned long starts[MAX_NR_ZONES] = {0, dma_zone_pages};
	unsigned long ends[MAX_NR_ZONES] = {std::min(nr_pages, dma_zone_pages), nr_pages};
	contig_page_data.node_id = 0;
	std::fill(std::begin(contig_page_data.vm_stat), std::end(contig_page_data.vm_stat), 0);
	for_each_zone(zone) {
		int idx = zone_idx(zone);
		zone->name = zone_names[idx];
		zone->zone_start_pfn = starts[idx];
		zone->spanned_pages = ends[idx] > starts[idx] ? ends[idx] - starts[idx] : 0;
		zone->present_pages = zone->managed_pages = zone->spanned_pages;
		std::fill(std::begin(zone->vm_stat), std::end(zone->vm_stat), 0);
		std::fill(std::begin(zone->_watermark), std::end(zone->_watermark), 0);
		std::fill(std::begin(zone->lowmem_reserve), std::end(zone->lowmem_reserve), 0);
		for (auto &area : zone->free_area) {
			area.free_list.clear();
			area.nr_free = 0;
		}
	}
}
} // namespace

void mm_boot(const machine_config &cfg)
{
	if (cfg.min_free_kbytes < -1)
		throw std::invalid_argument(fmt::format(
			"min_free_kbytes {} is negative (use -1 to derive it from the memory size)", cfg.min_free_kbytes));
	mm_globals = {};
	memory_reserve(cfg.memory_bytes);
	// %p in traces shows kernel-like addresses: x86-64's direct map and vmemmap.
	trace_register_region(phys_base, max_pfn << PAGE_SHIFT, 0xffff888000000000ull);
	trace_register_region(mem_map, max_pfn * sizeof(struct page), 0xffffea0000000000ull);
	free_area_init(max_pfn);
	for_each_zone(zone)
		free_zone_range(zone, zone->zone_start_pfn, zone_end_pfn(zone));
	init_per_zone_wmark_min(cfg.min_free_kbytes);
	fail_page_alloc_reset(cfg.seed);
}

void mm_teardown()
{
	hog_reset();
	free_area_init(0);
	trace_unregister_region(mem_map);
	trace_unregister_region(phys_base);
	memory_release();
}

} // namespace sim
