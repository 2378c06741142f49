// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/observe.h"

#include "linux/mm.h"
#include "sim/mm/vmstat.h"
#include "sim/mm/watermark.h"

#include <algorithm>
#include <utility>

namespace sim {

namespace {

using Z = const struct zone &;
using M = const struct meminfo &;

constexpr std::int64_t K(unsigned long pages) { return static_cast<std::int64_t>(pages << (PAGE_SHIFT - 10)); }

const field<struct zone> zone_table[] = {
	{"nr_free_pages", "pages", [](Z z) -> std::int64_t { return z.vm_stat[NR_FREE_PAGES]; },
	 "free pages in the zone"},
	{"min", "pages", [](Z z) -> std::int64_t { return min_wmark_pages(&z); },
	 "the min watermark: below it only atomic and reclaim-exempt requests are served"},
	{"low", "pages", [](Z z) -> std::int64_t { return low_wmark_pages(&z); },
	 "the low watermark: below it kswapd would be woken"},
	{"high", "pages", [](Z z) -> std::int64_t { return high_wmark_pages(&z); },
	 "the high watermark: kswapd's goal"},
	{"spanned", "pages", [](Z z) -> std::int64_t { return z.spanned_pages; },
	 "pages the zone spans, holes included"},
	{"present", "pages", [](Z z) -> std::int64_t { return z.present_pages; },
	 "pages that exist in the zone"},
	{"managed", "pages", [](Z z) -> std::int64_t { return zone_managed_pages(&z); },
	 "pages the buddy allocator manages"},
};

template <unsigned order> std::int64_t free_blocks(Z z) { return z.free_area[order].nr_free; }

template <unsigned... order> constexpr auto free_area_table(std::integer_sequence<unsigned, order...>)
{
	constexpr const char *names[] = {"order0", "order1", "order2", "order3", "order4", "order5",
					 "order6", "order7", "order8", "order9", "order10"};
	static_assert(sizeof...(order) <= std::size(names));
	return std::array<field<struct zone>, sizeof...(order)>{
		field<struct zone>{names[order], "", free_blocks<order>, "free blocks of 2^order pages"}...};
}
const auto free_area_table_ = free_area_table(std::make_integer_sequence<unsigned, MAX_ORDER>());

// The kernel's vmstat_text order: zone counters, then node counters.
const field<pglist_data> node_table[] = {
	{"nr_free_pages", "pages", [](const pglist_data &) -> std::int64_t { return global_zone_page_state(NR_FREE_PAGES); },
	 "free pages, all zones"},
	{"nr_slab_reclaimable", "pages", [](const pglist_data &n) -> std::int64_t { return n.vm_stat[NR_SLAB_RECLAIMABLE]; },
	 "pages in slabs of SLAB_RECLAIM_ACCOUNT caches"},
	{"nr_slab_unreclaimable", "pages", [](const pglist_data &n) -> std::int64_t { return n.vm_stat[NR_SLAB_UNRECLAIMABLE]; },
	 "pages in the other caches' slabs"},
};

const field<struct meminfo> meminfo_table[] = {
	{"MemTotal", "kB", [](M m) { return K(m.total); }, "memory the page allocator manages"},
	{"MemFree", "kB", [](M m) { return K(m.free); }, "free pages"},
	{"MemAvailable", "kB", [](M m) { return K(m.available); },
	 "free pages above the reserves, plus half the reclaimable slab pages (si_mem_available)"},
	{"KReclaimable", "kB", [](M m) { return K(m.kreclaimable); },
	 "kernel memory reclaim could give back: reclaimable slab (no other kind here)"},
	{"Slab", "kB", [](M m) { return K(m.slab); }, "pages in slabs"},
	{"SReclaimable", "kB", [](M m) { return K(m.sreclaimable); }, "pages in reclaimable caches' slabs"},
	{"SUnreclaim", "kB", [](M m) { return K(m.sunreclaim); }, "pages in the other caches' slabs"},
};

// si_mem_available(): free pages above the reserves, plus what reclaim could give back
// (here only reclaimable slab; there is no page cache).
unsigned long si_mem_available()
{
	unsigned long wmark_low = 0;
	for_each_zone(zone)
		wmark_low += low_wmark_pages(zone);
	long available = global_zone_page_state(NR_FREE_PAGES) - static_cast<long>(totalreserve_pages());
	long reclaimable = global_node_page_state(NR_SLAB_RECLAIMABLE);
	available += reclaimable - std::min<long>(reclaimable / 2, wmark_low);
	return std::max(available, 0l);
}

} // namespace

table<field<struct zone>> zone_fields() { return zone_table; }
table<field<struct zone>> free_area_fields() { return free_area_table_; }
table<field<pglist_data>> node_fields() { return node_table; }
table<field<struct meminfo>> meminfo_fields() { return meminfo_table; }

struct meminfo read_meminfo()
{
	unsigned long reclaimable = global_node_page_state(NR_SLAB_RECLAIMABLE);
	unsigned long unreclaimable = global_node_page_state(NR_SLAB_UNRECLAIMABLE);
	return {.total = totalram_pages(),
		.free = static_cast<unsigned long>(global_zone_page_state(NR_FREE_PAGES)),
		.available = si_mem_available(),
		.kreclaimable = reclaimable,
		.slab = reclaimable + unreclaimable,
		.sreclaimable = reclaimable,
		.sunreclaim = unreclaimable};
}

std::vector<const struct zone *> populated_zones()
{
	std::vector<const struct zone *> zones;
	for_each_zone(zone)
		if (populated_zone(zone))
			zones.push_back(zone);
	return zones;
}

std::int64_t sum_over_zones(const field<struct zone> &f)
{
	std::int64_t sum = 0;
	for (const struct zone *zone : populated_zones())
		sum += f.read(*zone);
	return sum;
}

} // namespace sim
