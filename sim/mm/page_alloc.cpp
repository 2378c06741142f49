// SPDX-License-Identifier: GPL-2.0-only
// The buddy allocator: free blocks of 2^order pages on one list per order per zone. An
// allocation takes the smallest block that fits and splits off what it does not need
// (__rmqueue_smallest, expand); a free merges the block with its buddy, the other half of
// the block one order up, for as long as that buddy is free too (__free_one_page).
#include "sim/mm/page_alloc.h"
#include "sim/mm/state.h"

#include "linux/gfp.h"
#include "linux/page-flags.h"
#include "linux/printk.h"
#include "sim/mm/fail_page_alloc.h"
#include "sim/mm/internal.h"
#include "sim/mm/memory.h"
#include "sim/mm/mmflags.h"
#include "sim/mm/mmzone.h"
#include "sim/mm/proc.h"
#include "sim/mm/ratelimit.h"
#include "linux/bug.h"
#include "linux/sched.h"
#include "sim/mm/trace_events.h"
#include "sim/trace/report.h"

#include <cstring>
#include <fmt/format.h>
#include <string>

struct pglist_data contig_page_data;

namespace sim {

mm_state mm_globals;

namespace {

// Which zones a request may use, and which zone it "belongs" to for lowmem_reserve.
struct alloc_context {
	int high_zoneidx;
	int classzone_idx;
};

inline struct zone *page_zone(const struct page *page)
{
	struct zone *normal = &contig_page_data.node_zones[ZONE_NORMAL];
	return pfn_of(page) >= normal->zone_start_pfn ? normal : &contig_page_data.node_zones[ZONE_DMA];
}

inline void set_page_order(struct page *page, unsigned int order)
{
	page->private_ = order;
	__SetPageBuddy(page);
}

inline void add_to_free_area(struct page *page, struct zone *zone, unsigned int order)
{
	zone->free_area[order].free_list.push_front(*page);
	zone->free_area[order].nr_free++;
}

inline void add_to_free_area_tail(struct page *page, struct zone *zone, unsigned int order)
{
	zone->free_area[order].free_list.push_back(*page);
	zone->free_area[order].nr_free++;
}

inline void del_page_from_free_area(struct page *page, struct zone *zone, unsigned int order)
{
	auto &area = zone->free_area[order];
	area.free_list.erase(area.free_list.iterator_to(*page));
	__ClearPageBuddy(page);
	page->private_ = 0;
	area.nr_free--;
}

// A buddy can be merged when it is itself a free block of the same order in the same
// zone. The zone check comes first: past the zone's end there may be no struct page.
inline bool page_is_buddy(struct zone *zone, struct page *buddy, unsigned int order)
{
	return zone_spans_pfn(zone, pfn_of(buddy)) && PageBuddy(buddy) && buddy->private_ == order;
}

// Halves a block of order `high` until it is of order `low`, keeping the lower half each
// time and putting the upper half on the free list one order down.
void expand(struct zone *zone, struct page *page, unsigned int low, unsigned int high)
{
	unsigned long size = 1ul << high;
	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_area(&page[size], zone, high);
		set_page_order(&page[size], high);
	}
}

struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	for (unsigned int current_order = order; current_order < MAX_ORDER; current_order++) {
		auto &area = zone->free_area[current_order];
		if (area.free_list.empty())
			continue;
		struct page *page = &area.free_list.front();
		del_page_from_free_area(page, zone, current_order);
		expand(zone, page, order, current_order);
		return page;
	}
	return nullptr;
}

void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone, unsigned int order)
{
	unsigned long buddy_pfn = 0;
	zone->vm_stat[NR_FREE_PAGES] += 1l << order;
	while (order < MAX_ORDER - 1) {
		buddy_pfn = pfn ^ (1ul << order);
		struct page *buddy = page + (static_cast<long>(buddy_pfn) - static_cast<long>(pfn));
		if (!page_is_buddy(zone, buddy, order))
			break;
		del_page_from_free_area(buddy, zone, order);
		unsigned long combined_pfn = buddy_pfn & pfn;
		page = page + (static_cast<long>(combined_pfn) - static_cast<long>(pfn));
		pfn = combined_pfn;
		order++;
	}
	set_page_order(page, order);

	// If the block one order up is about to be complete (its other half is free), put
	// this block at the tail, so that it stays free a little longer and can merge.
	if (order < MAX_ORDER - 2) {
		unsigned long combined_pfn = buddy_pfn & pfn;
		struct page *higher_page = page + (static_cast<long>(combined_pfn) - static_cast<long>(pfn));
		unsigned long higher_buddy_pfn = combined_pfn ^ (1ul << (order + 1));
		struct page *higher_buddy = higher_page + (static_cast<long>(higher_buddy_pfn) - static_cast<long>(combined_pfn));
		if (page_is_buddy(zone, higher_buddy, order + 1)) {
			add_to_free_area_tail(page, zone, order);
			return;
		}
	}
	add_to_free_area(page, zone, order);
}

void prep_compound_page(struct page *page, unsigned int order)
{
	page->flags |= 1ul << PG_head;
	page[1].compound_order = order;
	for (unsigned long i = 1; i < (1ul << order); i++)
		page[i].compound_head = reinterpret_cast<unsigned long>(page) + 1;
}

void prep_new_page(struct page *page, unsigned int order, gfp_t gfp_flags)
{
	page->_refcount.counter = 1;
	page->alloc_order = order + 1;
	if (gfp_flags & __GFP_ZERO)
		std::memset(page_address(page), 0, PAGE_SIZE << order);
	if (order && (gfp_flags & __GFP_COMP))
		prep_compound_page(page, order);
}

struct page *rmqueue(struct zone *zone, unsigned int order)
{
	struct page *page = __rmqueue_smallest(zone, order);
	if (page)
		zone->vm_stat[NR_FREE_PAGES] -= 1l << order;
	return page;
}

// Tries each zone the request may use, highest first, against the watermark the
// alloc_flags name (no pcp lists: every request goes to the zone's free lists).
struct page *get_page_from_freelist(gfp_t gfp_mask, unsigned int order, unsigned int alloc_flags,
				    const alloc_context &ac)
{
	for (int idx = ac.high_zoneidx; idx >= 0; idx--) {
		struct zone *zone = &contig_page_data.node_zones[idx];
		if (!populated_zone(zone))
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS)) {
			unsigned long mark = zone->_watermark[alloc_flags & ALLOC_WMARK_MASK];
			if (!zone_watermark_ok(zone, order, mark, ac.classzone_idx, alloc_flags))
				continue;
		}
		if (struct page *page = rmqueue(zone, order)) {
			prep_new_page(page, order, gfp_mask);
			return page;
		}
	}
	return nullptr;
}

alloc_context prepare_alloc_pages(gfp_t gfp_mask)
{
	alloc_context ac{gfp_zone(gfp_mask), 0};
	// The preferred zone is the highest populated one the mask allows.
	for (int idx = ac.high_zoneidx; idx >= 0; idx--) {
		if (populated_zone(&contig_page_data.node_zones[idx])) {
			ac.classzone_idx = idx;
			break;
		}
	}
	return ac;
}

void warn_alloc(gfp_t gfp_mask, unsigned int order)
{
	if ((gfp_mask & __GFP_NOWARN) || !__ratelimit(mm_globals.nopage_rs, "warn_alloc"))
		return;
	printk(KERN_WARNING "%s: page allocation failure: order:%u, mode:%#x(%s), nodemask=(null)",
	       current->comm, order, gfp_mask, gfp_flag_names(gfp_mask).c_str());
	printk(KERN_CONT ",cpuset=/,mems_allowed=0\n");
	dump_stack();
	show_free_areas();
}

// There is nothing to reclaim and no OOM killer here: once the MIN watermark (with the
// reserves the mask may use) cannot be met, the request fails. See docs/page-allocator.md.
struct page *__alloc_pages_slowpath(gfp_t gfp_mask, unsigned int order, const alloc_context &ac)
{
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp_mask);
	struct page *page = get_page_from_freelist(gfp_mask, order, alloc_flags, ac);
	if (page)
		return page;
	if (unsigned int reserve_flags = __gfp_pfmemalloc_flags(gfp_mask)) {
		page = get_page_from_freelist(gfp_mask, order, reserve_flags, ac);
		if (page)
			return page;
	}
	// __GFP_NOFAIL may dig into the atomic reserve; the kernel then loops forever, which
	// a machine that cannot reclaim would do forever too, so it fails with the warning.
	if ((gfp_mask & __GFP_NOFAIL) && gfpflags_allow_blocking(gfp_mask)) {
		page = get_page_from_freelist(gfp_mask, order, ALLOC_HARDER, ac);
		if (page)
			return page;
	}
	warn_alloc(gfp_mask, order);
	return nullptr;
}

// Is pfn inside a free block (order >= 1) that starts below it? The free-path report
// uses it to tell a double free from a free of a page in the middle of a block.
bool inside_free_block(unsigned long pfn)
{
	for (unsigned int o = 1; o < MAX_ORDER; o++) {
		struct page *head = pfn_to_page(pfn & ~((1ul << o) - 1));
		if (PageBuddy(head) && head->private_ >= o)
			return true;
	}
	return false;
}

// Why a free of (page, order) would corrupt the allocator; empty when it would not.
std::string free_pages_misuse(const struct page *page, unsigned int order)
{
	if (order >= MAX_ORDER)
		return fmt::format("freed with order {}, above MAX_ORDER - 1", order);
	if (PageBuddy(page) || (!page->alloc_order && inside_free_block(pfn_of(page))))
		return "page is already free (double free?)";
	if (!page->alloc_order)
		return "not the first page of an allocated block";
	if (page->alloc_order != order + 1)
		return fmt::format("freed with order {}, allocated with order {}", order, page->alloc_order - 1);
	return {};
}

void free_compound_tails(struct page *page, unsigned int order)
{
	for (unsigned long i = 1; i < (1ul << order); i++)
		page[i].compound_head = 0;
	page[1].compound_order = 0;
	page->flags &= ~(1ul << PG_head);
}

} // namespace

void free_zone_range(struct zone *zone, unsigned long start_pfn, unsigned long end_pfn)
{
	while (start_pfn < end_pfn) {
		unsigned int order = MAX_ORDER - 1;
		while ((start_pfn & ((1ul << order) - 1)) || start_pfn + (1ul << order) > end_pfn)
			order--;
		__free_one_page(pfn_to_page(start_pfn), start_pfn, zone, order);
		start_pfn += 1ul << order;
	}
}

struct page *alloc_pages_unchecked(unsigned int order)
{
	return get_page_from_freelist(__GFP_NOWARN, order, ALLOC_NO_WATERMARKS,
				      prepare_alloc_pages(GFP_KERNEL));
}

void bad_page(const struct page *page, const char *reason, unsigned long bad_flags)
{
	sim::report_note(sim::report_kind::page, fmt::format("BUG: Bad page state in process {}", current->comm));
	if (!page_in_mem_map(page)) {
		printk(KERN_ALERT "BUG: Bad page state in process %s  page:%016lx\n", current->comm,
		       static_cast<unsigned long>(kernel_address(page)));
		printk(KERN_ALERT "page dumped because: %s\n", reason);
		dump_stack();
		return;
	}
	printk(KERN_ALERT "BUG: Bad page state in process %s  pfn:%05lx\n", current->comm, pfn_of(page));
	// _mapcount shares its word with page_type: a buddy page reads as mapcount -128.
	int mapcount = PageSlab(page) ? 0 : static_cast<int>(~page->page_type) + 1;
	printk(KERN_WARNING "page:%016lx refcount:%d mapcount:%d mapping:0000000000000000 index:0x0\n",
	       static_cast<unsigned long>(kernel_address(page)), page->_refcount.counter, mapcount);
	printk(KERN_WARNING "flags: %#lx(%s)\n", page->flags, page_flag_names(page->flags).c_str());
	printk(KERN_WARNING "page dumped because: %s\n", reason);
	if (bad_flags)
		printk(KERN_ALERT "bad because of flags: %#lx(%s)\n", bad_flags, page_flag_names(bad_flags).c_str());
	dump_stack();
}

} // namespace sim

using namespace sim;

extern "C" {

struct page *__alloc_pages_nodemask(gfp_t gfp_mask, unsigned int order, int preferred_nid, void *nodemask)
{
	if (order >= MAX_ORDER) {
		// v5.4: WARN_ON_ONCE(!(gfp_mask & __GFP_NOWARN)), once per boot here.
		if (!(gfp_mask & __GFP_NOWARN) && !mm_globals.warned_max_order) {
			mm_globals.warned_max_order = true;
			__sim_warn(__FILE__, __LINE__, "%s", "");
		}
		return nullptr;
	}
	alloc_context ac = prepare_alloc_pages(gfp_mask);
	if (should_fail_alloc_page(gfp_mask, order))
		return nullptr;
	// The fast path asks for more than MIN: a request that dips below LOW is the point at
	// which the kernel wakes kswapd, in the slow path.
	struct page *page = get_page_from_freelist(gfp_mask, order, ALLOC_WMARK_LOW, ac);
	if (!page)
		page = __alloc_pages_slowpath(gfp_mask, order, ac);
	// The migrate type the kernel would have used, for the trace line (one list here).
	int migratetype = (gfp_mask & (__GFP_RECLAIMABLE | __GFP_MOVABLE)) >> 3;
	trace_mm_page_alloc({page ? pfn_of(page) : -1ul, order, gfp_mask, migratetype});
	return page;
}

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	return __alloc_pages_nodemask(gfp_mask, order, 0, nullptr);
}

struct page *alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order)
{
	if (nid != 0 && nid != NUMA_NO_NODE) {
		WARN(true, "node %d does not exist (this machine has node 0 only)\n", nid);
		return nullptr;
	}
	return __alloc_pages_nodemask(gfp_mask, order, 0, nullptr);
}

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = alloc_pages(gfp_mask & ~__GFP_HIGHMEM, order);
	return page ? reinterpret_cast<unsigned long>(page_address(page)) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp_mask) { return __get_free_pages(gfp_mask | __GFP_ZERO, 0); }

// Every check comes before the first change: a misused free is reported and ignored, and
// the allocator stays as it was.
void __free_pages(struct page *page, unsigned int order)
{
	if (!page_in_mem_map(page)) {
		bad_page(page, "not a struct page of this machine", 0);
		return;
	}
	if (std::string misuse = free_pages_misuse(page, order); !misuse.empty()) {
		bad_page(page, misuse.c_str(), 0);
		return;
	}
	if (page->_refcount.counter > 1) { // someone else still holds a reference
		page->_refcount.counter--;
		return;
	}
	unsigned long bad_flags = page->flags & PAGE_FLAGS_CHECK_AT_FREE;
	if (bad_flags) {
		bad_page(page, "PAGE_FLAGS_CHECK_AT_FREE flag(s) set", bad_flags);
		return;
	}
	trace_mm_page_free({pfn_of(page), order});
	if (PageHead(page))
		free_compound_tails(page, order);
	page->_refcount.counter = 0;
	page->alloc_order = 0;
	__free_one_page(page, pfn_of(page), page_zone(page), order);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr == 0)
		return;
	const void *p = reinterpret_cast<const void *>(addr);
	if (!virt_addr_valid(p) || addr % PAGE_SIZE) {
		sim::report_note(sim::report_kind::page, fmt::format("BUG: Bad page state in process {}", current->comm));
		printk(KERN_ALERT "BUG: Bad page state in process %s  addr:%016lx\n", current->comm, addr);
		printk(KERN_ALERT "page dumped because: free_pages() of an address that is not a page of this machine\n");
		dump_stack();
		return;
	}
	__free_pages(virt_to_page(p), order);
}

// Turns an allocated block of 2^order pages into as many order-0 pages, each freed alone.
void split_page(struct page *page, unsigned int order)
{
	if (!page_in_mem_map(page) || page->alloc_order != order + 1 || PageCompound(page)) {
		bad_page(page, "split_page() of a page that is not a non-compound block of that order", 0);
		return;
	}
	for (unsigned long i = 0; i < (1ul << order); i++) {
		page[i]._refcount.counter = 1;
		page[i].alloc_order = 1;
	}
}

} // extern "C"
