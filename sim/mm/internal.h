// SPDX-License-Identifier: GPL-2.0-only
// The allocator's private vocabulary (mm/internal.h, v5.4): alloc_flags say which watermark
// a request is measured against and how far below it the request may go.
#pragma once

#include "linux/gfp.h"

struct zone;

// The low bits index zone->_watermark[].
constexpr unsigned ALLOC_WMARK_MIN = WMARK_MIN;
constexpr unsigned ALLOC_WMARK_LOW = WMARK_LOW;
constexpr unsigned ALLOC_WMARK_HIGH = WMARK_HIGH;
constexpr unsigned ALLOC_NO_WATERMARKS = 0x04; // don't check watermarks at all
constexpr unsigned ALLOC_WMARK_MASK = ALLOC_NO_WATERMARKS - 1;
constexpr unsigned ALLOC_OOM = 0x08;    // OOM victims: half of MIN
constexpr unsigned ALLOC_HARDER = 0x10; // atomic or real-time: a quarter below MIN
constexpr unsigned ALLOC_HIGH = 0x20;   // __GFP_HIGH: half of MIN
constexpr unsigned ALLOC_CPUSET = 0x40;
constexpr unsigned ALLOC_CMA = 0x80;
constexpr unsigned ALLOC_NOFRAGMENT = 0x100;
constexpr unsigned ALLOC_KSWAPD = 0x200; // may wake kswapd
static_assert(ALLOC_HIGH == ___GFP_HIGH, "gfp_to_alloc_flags copies __GFP_HIGH across");

// The GFP groups a layer above passes on to the page allocator (the slab's cache_grow_begin).
#define GFP_RECLAIM_MASK                                                                    \
	(__GFP_RECLAIM | __GFP_HIGH | __GFP_IO | __GFP_FS | __GFP_NOWARN | __GFP_RETRY_MAYFAIL | \
	 __GFP_NOFAIL | __GFP_NORETRY | __GFP_MEMALLOC | __GFP_NOMEMALLOC | __GFP_ATOMIC)
#define GFP_CONSTRAINT_MASK (__GFP_HARDWALL | __GFP_THISNODE)
#define GFP_SLAB_BUG_MASK (__GFP_DMA32 | __GFP_HIGHMEM | ~__GFP_BITS_MASK)

namespace sim {

unsigned int gfp_to_alloc_flags(gfp_t gfp_mask);
unsigned int __gfp_pfmemalloc_flags(gfp_t gfp_mask);
bool __zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
			 int classzone_idx, unsigned int alloc_flags, long free_pages);
bool zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
		       int classzone_idx, unsigned int alloc_flags);

} // namespace sim
