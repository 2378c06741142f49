// SPDX-License-Identifier: GPL-2.0-only
// The memory subsystem's own state for the booted machine, beside what the kernel has as
// globals and keeps as they are here: contig_page_data (the node, its zones and free areas),
// mem_map, max_pfn, min_free_kbytes and totalreserve_pages, and sim::phys_base (memory.h).
#pragma once

#include "sim/mm/ratelimit.h"

#include <cstddef>
#include <vector>

struct page;

namespace sim {

// A block the hog took (hog.h): its head page and order.
struct hog_block {
	struct page *page;
	unsigned int order;
};

/*
 * mm_boot() value-initialises it before it maps memory; mm_teardown() frees what the hog
 * holds and unmaps.
 *   phys_len, mem_map_len  the sizes of the two mappings (simulated memory at phys_base, and
 *                   mem_map), so teardown unmaps what boot mapped.
 *   nopage_rs       warn_alloc()'s ratelimit ("page allocation failure" reports).
 *   warned_max_order  the one-time warning for an order above MAX_ORDER - 1 was printed.
 *   held            the blocks the hog holds, in the order taken; held_pages their pages.
 */
struct mm_state {
	std::size_t phys_len = 0;
	std::size_t mem_map_len = 0;
	ratelimit_state nopage_rs;
	bool warned_max_order = false;
	std::vector<hog_block> held;
	unsigned long held_pages = 0;
};
extern mm_state mm_globals;

} // namespace sim
