// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/watermark.h"

#include "linux/mm.h"
#include "sim/mm/internal.h"
#include "sim/mm/mmzone.h"
#include "linux/preempt.h"
#include "linux/sched.h"

#include <algorithm>
#include <cstdint>

namespace sim {

namespace {
long min_free_kbytes_ = 1024;
unsigned long totalreserve_pages_;
constexpr unsigned long watermark_scale_factor = 10; // 0.1 % of the zone, in 1/10000
constexpr int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = {256, 32};

unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0;
	for (unsigned long bit = 1ul << 62; bit; bit >>= 2) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
	}
	return r;
}

// x * n / d without overflowing x * n, as the kernel's mult_frac().
unsigned long mult_frac(unsigned long x, unsigned long n, unsigned long d)
{
	return x / d * n + x % d * n / d;
}

unsigned long lowmem_pages()
{
	unsigned long pages = 0;
	for_each_zone(zone)
		pages += zone_managed_pages(zone);
	return pages;
}

// MIN is split over the zones in proportion to their size; LOW and HIGH sit a quarter of
// MIN (or 0.1 % of the zone, whichever is more) and twice that above it.
void __setup_per_zone_wmarks()
{
	unsigned long pages_min = min_free_kbytes_ >> (PAGE_SHIFT - 10);
	unsigned long lowmem = lowmem_pages();
	for_each_zone(zone) {
		if (!lowmem)
			break;
		unsigned long tmp = static_cast<std::uint64_t>(pages_min) * zone_managed_pages(zone) / lowmem;
		zone->_watermark[WMARK_MIN] = tmp;
		tmp = std::max(tmp >> 2, mult_frac(zone_managed_pages(zone), watermark_scale_factor, 10000));
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + tmp;
		zone->_watermark[WMARK_HIGH] = min_wmark_pages(zone) + tmp * 2;
	}
}

// A lower zone keeps back, from requests that may use higher zones, the higher zones'
// size divided by the lower zone's ratio: DMA is not used up by GFP_KERNEL while
// Normal still has memory.
void setup_per_zone_lowmem_reserve()
{
	struct zone *zones = contig_page_data.node_zones;
	for (int j = 0; j < MAX_NR_ZONES; j++) {
		unsigned long managed = zone_managed_pages(&zones[j]);
		zones[j].lowmem_reserve[j] = 0;
		for (int idx = j - 1; idx >= 0; idx--) {
			zones[idx].lowmem_reserve[j] = managed / sysctl_lowmem_reserve_ratio[idx];
			managed += zone_managed_pages(&zones[idx]);
		}
	}
}

void calculate_totalreserve_pages()
{
	unsigned long reserve = 0;
	for_each_zone(zone) {
		long max = 0;
		for (int j = zone_idx(zone); j < MAX_NR_ZONES; j++)
			max = std::max(max, zone->lowmem_reserve[j]);
		unsigned long pages = std::min<unsigned long>(max + high_wmark_pages(zone), zone_managed_pages(zone));
		reserve += pages;
	}
	totalreserve_pages_ = reserve;
}
} // namespace

void init_per_zone_wmark_min(long user_min_free_kbytes)
{
	if (user_min_free_kbytes >= 0) {
		min_free_kbytes_ = user_min_free_kbytes;
	} else {
		unsigned long lowmem_kbytes = lowmem_pages() * (PAGE_SIZE >> 10);
		min_free_kbytes_ = std::clamp<long>(int_sqrt(lowmem_kbytes * 16), 128, 65536);
	}
	__setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	calculate_totalreserve_pages();
}

long min_free_kbytes() { return min_free_kbytes_; }
unsigned long totalreserve_pages() { return totalreserve_pages_; }

// The mask's claim on the reserves below the MIN watermark (v5.4).
unsigned int gfp_to_alloc_flags(gfp_t gfp_mask)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN | ALLOC_CPUSET;
	alloc_flags |= gfp_mask & __GFP_HIGH;
	if (gfp_mask & __GFP_ATOMIC) {
		// Atomic callers cannot reclaim, so they may dig deeper, unless told not to.
		if (!(gfp_mask & __GFP_NOMEMALLOC))
			alloc_flags |= ALLOC_HARDER;
		alloc_flags &= ~ALLOC_CPUSET;
	} else if (current->prio < MAX_RT_PRIO) { // rt_task(current), outside interrupts in v5.4
		alloc_flags |= ALLOC_HARDER;
	}
	if (gfp_mask & __GFP_KSWAPD_RECLAIM)
		alloc_flags |= ALLOC_KSWAPD;
	return alloc_flags;
}

// Requests that free memory (PF_MEMALLOC tasks, __GFP_MEMALLOC) may use everything.
unsigned int __gfp_pfmemalloc_flags(gfp_t gfp_mask)
{
	if (gfp_mask & __GFP_NOMEMALLOC)
		return 0;
	if (gfp_mask & __GFP_MEMALLOC)
		return ALLOC_NO_WATERMARKS;
	if (!in_interrupt() && (current->flags & PF_MEMALLOC))
		return ALLOC_NO_WATERMARKS;
	return 0;
}

bool __zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
			 int classzone_idx, unsigned int alloc_flags, long free_pages)
{
	long min = mark;
	// The request itself takes 2^order pages; the check is on what stays behind.
	free_pages -= (1l << order) - 1;
	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & (ALLOC_HARDER | ALLOC_OOM))
		min -= (alloc_flags & ALLOC_OOM) ? min / 2 : min / 4;
	if (free_pages <= min + z->lowmem_reserve[classzone_idx])
		return false;
	if (!order)
		return true;
	// Enough pages, but is there a block large enough? (One list per order here.)
	for (unsigned int o = order; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

bool zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
		       int classzone_idx, unsigned int alloc_flags)
{
	return __zone_watermark_ok(z, order, mark, classzone_idx, alloc_flags, z->vm_stat[NR_FREE_PAGES]);
}

} // namespace sim
