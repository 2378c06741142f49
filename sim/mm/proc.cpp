// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/proc.h"

#include "linux/mm.h"
#include "linux/printk.h"
#include "sim/mm/mmzone.h"
#include "sim/mm/vmstat.h"
#include "sim/mm/watermark.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace sim {

namespace {
constexpr unsigned long K(unsigned long pages) { return pages << (PAGE_SHIFT - 10); }

// fs/proc/meminfo.c's show_val_kb(): a 16-column label, the value in 8 columns, " kB".
void show_val_kb(std::string &out, const char *label, unsigned long pages)
{
	out += fmt::format("{:<16}{:>8} kB\n", label, K(pages));
}

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

std::string proc_buddyinfo()
{
	std::string out;
	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		out += fmt::format("Node {}, zone {:>8} ", contig_page_data.node_id, zone->name);
		for (const auto &area : zone->free_area)
			out += fmt::format("{:6} ", area.nr_free);
		out += '\n';
	}
	return out;
}

std::string proc_zoneinfo()
{
	std::string out;
	for_each_zone(zone) {
		out += fmt::format("Node {}, zone {:>8}", contig_page_data.node_id, zone->name);
		out += fmt::format("\n  pages free     {}\n        min      {}\n        low      {}"
				   "\n        high     {}\n        spanned  {}\n        present  {}"
				   "\n        managed  {}",
				   zone->vm_stat[NR_FREE_PAGES], min_wmark_pages(zone), low_wmark_pages(zone),
				   high_wmark_pages(zone), zone->spanned_pages, zone->present_pages,
				   zone_managed_pages(zone));
		out += fmt::format("\n        protection: ({})\n", fmt::join(zone->lowmem_reserve, ", "));
	}
	return out;
}

std::string proc_meminfo()
{
	long reclaimable = global_node_page_state(NR_SLAB_RECLAIMABLE);
	long unreclaimable = global_node_page_state(NR_SLAB_UNRECLAIMABLE);
	std::string out;
	show_val_kb(out, "MemTotal:", totalram_pages());
	show_val_kb(out, "MemFree:", global_zone_page_state(NR_FREE_PAGES));
	show_val_kb(out, "MemAvailable:", si_mem_available());
	show_val_kb(out, "KReclaimable:", reclaimable);
	show_val_kb(out, "Slab:", reclaimable + unreclaimable);
	show_val_kb(out, "SReclaimable:", reclaimable);
	show_val_kb(out, "SUnreclaim:", unreclaimable);
	return out;
}

void show_free_areas()
{
	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		std::string line = fmt::format("Node {} {}: ", contig_page_data.node_id, zone->name);
		unsigned long total = 0;
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			unsigned long nr = zone->free_area[order].nr_free;
			line += fmt::format("{}*{}kB ", nr, K(1ul << order));
			total += nr << order;
		}
		printk(KERN_INFO "%s= %lukB\n", line.c_str(), K(total));
	}
}

} // namespace sim
