// SPDX-License-Identifier: GPL-2.0-only
// The page allocator's /proc files, rendered from the tables of sim/mm/observe.h.
#include "sim/mm/proc.h"

#include "linux/mm.h"
#include "linux/printk.h"
#include "sim/mm/observe.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace sim {

namespace {
constexpr unsigned long K(unsigned long pages) { return pages << (PAGE_SHIFT - 10); }

std::string zone_header(const struct zone *zone)
{
	return fmt::format("Node {}, zone {:>8}", contig_page_data.node_id, zone->name);
}
} // namespace

std::string proc_buddyinfo()
{
	std::string out;
	for (const struct zone *zone : populated_zones()) {
		out += zone_header(zone) + " ";
		for (const field<struct zone> &f : free_area_fields())
			out += fmt::format("{:6} ", f.read(*zone));
		out += '\n';
	}
	return out;
}

// zoneinfo_show_print(): "pages free" is the zone's NR_FREE_PAGES; the watermarks and sizes
// follow, one a line, then the lowmem reserves.
std::string proc_zoneinfo()
{
	std::string out;
	for_each_zone(zone) {
		out += zone_header(zone);
		table<field<struct zone>> t = zone_fields();
		out += fmt::format("\n  pages free     {}", t[0].read(*zone));
		for (const field<struct zone> &f : t.subspan(1))
			out += fmt::format("\n        {:<8} {}", f.name, f.read(*zone));
		out += fmt::format("\n        protection: ({})\n", fmt::join(zone->lowmem_reserve, ", "));
	}
	return out;
}

// fs/proc/meminfo.c's show_val_kb(): a 16-column label, the value in 8 columns, " kB".
std::string proc_meminfo()
{
	std::string out;
	struct meminfo m = read_meminfo();
	for (const field<struct meminfo> &f : meminfo_fields())
		out += fmt::format("{:<16}{:>8} kB\n", std::string(f.name) + ":", f.read(m));
	return out;
}

std::string proc_vmstat()
{
	std::string out;
	for (const field<pglist_data> &f : node_fields())
		out += fmt::format("{} {}\n", f.name, f.read(contig_page_data));
	return out;
}

void show_free_areas()
{
	for (const struct zone *zone : populated_zones()) {
		std::string line = fmt::format("Node {} {}: ", contig_page_data.node_id, zone->name);
		unsigned long total = 0;
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			unsigned long nr = free_area_fields()[order].read(*zone);
			line += fmt::format("{}*{}kB ", nr, K(1ul << order));
			total += nr << order;
		}
		printk(KERN_INFO "%s= %lukB\n", line.c_str(), K(total));
	}
}

} // namespace sim
