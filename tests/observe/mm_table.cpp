// SPDX-License-Identifier: GPL-2.0-only
// The zone, free-area, node and meminfo tables read the page allocator's own numbers.
#include "observe_test.h"

#include "linux/gfp.h"
#include "linux/mm.h"
#include "sim/mm/observe.h"
#include "sim/mm/page_alloc.h"

using namespace observetest;

namespace {
constexpr sim::machine_config mem_16m{.memory_bytes = 16ull << 20};
}

TEST_CASE("every zone field reads that number of the zone")
{
	mm_machine b(mem_16m);
	const struct zone &normal = contig_page_data.node_zones[ZONE_NORMAL];
	check_fields(sim::zone_fields(), normal,
		     {{"nr_free_pages", normal.vm_stat[NR_FREE_PAGES]}, {"min", long(normal._watermark[WMARK_MIN])},
		      {"low", long(normal._watermark[WMARK_LOW])}, {"high", long(normal._watermark[WMARK_HIGH])},
		      {"spanned", 0}, {"present", 0}, {"managed", 0}});
	const struct zone &dma = contig_page_data.node_zones[ZONE_DMA];
	CHECK(sim::find_field(sim::zone_fields(), "spanned")->read(dma) == 4096);
	CHECK(sim::find_field(sim::zone_fields(), "managed")->read(dma) == long(dma.managed_pages));
}

TEST_CASE("the free-area fields count a zone's free blocks of each order")
{
	mm_machine b(mem_16m);
	struct page *p = alloc_pages(GFP_KERNEL, 0); // splits the smallest free block there is
	REQUIRE(p);
	const struct zone &dma = contig_page_data.node_zones[ZONE_DMA];
	REQUIRE(sim::free_area_fields().size() == MAX_ORDER);
	for (unsigned order = 0; order < MAX_ORDER; ++order) {
		INFO("order " << order);
		CHECK(sim::free_area_fields()[order].name == "order" + std::to_string(order));
		CHECK(sim::free_area_fields()[order].read(dma) == long(dma.free_area[order].nr_free));
	}
	CHECK(sim::find_field(sim::free_area_fields(), "order0")->read(dma) == 1);
	__free_pages(p, 0);
}

TEST_CASE("a zone field summed over the populated zones is the machine's")
{
	mm_machine b(mem_16m);
	CHECK(sim::populated_zones().size() == 1); // 16 MiB: ZONE_DMA only
	CHECK(sim::sum_over_zones(*sim::find_field(sim::zone_fields(), "nr_free_pages")) == long(nr_free_pages()));
}

TEST_CASE("every node field reads that vmstat counter")
{
	mm_machine b(mem_16m);
	check_fields(sim::node_fields(), contig_page_data,
		     {{"nr_free_pages", long(nr_free_pages())}, {"nr_slab_reclaimable", 0}, {"nr_slab_unreclaimable", 0}});
}

TEST_CASE("every meminfo field reads its number in kB")
{
	test_machine m({.memory_bytes = 64ull << 20});
	struct sim::meminfo mi = sim::read_meminfo();
	long slab_kb = long(contig_page_data.vm_stat[NR_SLAB_UNRECLAIMABLE]) * 4;
	check_fields(sim::meminfo_fields(), mi,
		     {{"MemTotal", 65536}, {"MemFree", long(nr_free_pages()) * 4}, {"MemAvailable", long(mi.available) * 4},
		      {"KReclaimable", 0}, {"Slab", slab_kb}, {"SReclaimable", 0}, {"SUnreclaim", slab_kb}});
	CHECK(slab_kb > 0);
}
