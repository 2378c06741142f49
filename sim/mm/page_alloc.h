// SPDX-License-Identifier: GPL-2.0-only
// The buddy allocator (mm/page_alloc.c, v5.4). The kernel API (alloc_pages, __free_pages,
// ...) is declared in linux/gfp.h; this header has what the rest of the simulator needs.
#pragma once

#include "linux/types.h"

struct page;
struct zone;

namespace sim {

// Hands the page frames [start_pfn, end_pfn) of `zone` to the buddy allocator in the
// largest aligned blocks that fit, as memblock_free_all() does at boot.
void free_zone_range(struct zone *zone, unsigned long start_pfn, unsigned long end_pfn);

// A block for the memory hog (not a kernel caller): no watermarks, no fault injection, no
// warning. Normal first, then DMA. nullptr when no free block of that order exists.
struct page *alloc_pages_unchecked(unsigned int order);

// The kernel's bad_page(): "BUG: Bad page state" with a dump of the page. Changes nothing.
void bad_page(const struct page *page, const char *reason, unsigned long bad_flags);

// Forgets the once-only warnings and the failure ratelimit (a new boot).

} // namespace sim
