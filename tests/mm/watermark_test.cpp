// SPDX-License-Identifier: GPL-2.0-only
// Watermarks: how they are derived, and how far each GFP mask may dig below them.
#include "mm_fixture.h"

#include "sim/mm/hog.h"
#include "sim/mm/watermark.h"

namespace {
// Allocates order-0 pages with `gfp` until one fails; returns the free pages left then.
unsigned long floor_for(gfp_t gfp)
{
	while (alloc_pages(gfp | __GFP_NOWARN, 0))
		;
	require_invariants();
	return nr_free_pages();
}
const struct zone &zone_of(enum zone_type t) { return contig_page_data.node_zones[t]; }
} // namespace

TEST_CASE("min_free_kbytes is int_sqrt(lowmem_kbytes * 16) clamped to [128, 65536]")
{
	{
		mm_machine b({.memory_bytes = 64ull << 20});
		CHECK(sim::min_free_kbytes() == 1024);
	}
	{
		mm_machine b({.memory_bytes = 4ull << 20}); // sqrt(4096 * 16) = 256
		CHECK(sim::min_free_kbytes() == 256);
	}
	{
		mm_machine b({.memory_bytes = 1ull << 20}); // sqrt(1024 * 16) = 128, the floor
		CHECK(sim::min_free_kbytes() == 128);
	}
}

TEST_CASE("a 16 GiB machine derives min_free_kbytes 16384")
{
	mm_machine b({.memory_bytes = 16ull << 30});
	CHECK(sim::min_free_kbytes() == 16384);
}

TEST_CASE("a user-set min_free_kbytes is kept")
{
	mm_machine b({.memory_bytes = 64ull << 20, .min_free_kbytes = 4096});
	CHECK(sim::min_free_kbytes() == 4096);
	CHECK(min_wmark_pages(&zone_of(ZONE_NORMAL)) == 1024 * 12288 / 16384);
}

TEST_CASE("MIN is shared by zone size, LOW and HIGH add a quarter of it per step")
{
	mm_machine b({.memory_bytes = 64ull << 20}); // 256 pages of MIN: 64 for DMA, 192 for Normal
	CHECK(min_wmark_pages(&zone_of(ZONE_DMA)) == 64);
	CHECK(low_wmark_pages(&zone_of(ZONE_DMA)) == 80);
	CHECK(high_wmark_pages(&zone_of(ZONE_DMA)) == 96);
	CHECK(min_wmark_pages(&zone_of(ZONE_NORMAL)) == 192);
	CHECK(low_wmark_pages(&zone_of(ZONE_NORMAL)) == 240);
	CHECK(high_wmark_pages(&zone_of(ZONE_NORMAL)) == 288);
}

TEST_CASE("ZONE_DMA keeps Normal's size / 256 back from requests that could use Normal")
{
	mm_machine b({.memory_bytes = 64ull << 20});
	CHECK(zone_of(ZONE_DMA).lowmem_reserve[ZONE_NORMAL] == 12288 / 256);
	CHECK(zone_of(ZONE_DMA).lowmem_reserve[ZONE_DMA] == 0);
	CHECK(zone_of(ZONE_NORMAL).lowmem_reserve[ZONE_NORMAL] == 0);
}

// A 16 MiB machine has only ZONE_DMA: MIN 128, LOW 160, HIGH 192, no lowmem_reserve.
TEST_CASE("each GFP mask may dig to its own depth below the MIN watermark")
{
	struct rule {
		gfp_t gfp;
		unsigned long floor; // free pages left when the first request fails
	};
	auto r = GENERATE(values<rule>({
		{GFP_KERNEL, 128},                      // MIN
		{GFP_NOWAIT, 128},                      // MIN: no reserves in v5.4 either
		{GFP_NOIO, 128},
		{__GFP_HIGH, 64},                       // ALLOC_HIGH: half of MIN
		{GFP_ATOMIC, 48},                       // HIGH and HARDER: 3/8 of MIN
		{GFP_ATOMIC | __GFP_NOMEMALLOC, 64},    // NOMEMALLOC takes HARDER away
		{GFP_KERNEL | __GFP_MEMALLOC, 0},       // no watermarks at all
		{__GFP_MEMALLOC | __GFP_NOMEMALLOC, 128}, // NOMEMALLOC wins
	}));
	mm_machine b({.memory_bytes = 16ull << 20});
	REQUIRE(min_wmark_pages(&zone_of(ZONE_DMA)) == 128);
	sim::hog_all_but(300);
	INFO("gfp " << std::hex << r.gfp);
	CHECK(floor_for(r.gfp) == r.floor);
}

TEST_CASE("the watermark check counts the pages a high-order request takes")
{
	mm_machine b({.memory_bytes = 16ull << 20});
	sim::hog_all_but(131); // 131 - 3 = 128 is not above MIN
	CHECK(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 2) == nullptr);
	sim::hog_release(1); // 132 - 3 = 129 is
	CHECK(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 2) != nullptr);
	require_invariants();
}

TEST_CASE("GFP_KERNEL falls back to ZONE_DMA but leaves it MIN plus lowmem_reserve")
{
	mm_machine b({.memory_bytes = 64ull << 20});
	sim::hog_pages(12288); // all of Normal (the hog takes Normal first)
	REQUIRE(zone_of(ZONE_NORMAL).vm_stat[NR_FREE_PAGES] == 0);
	CHECK(floor_for(GFP_KERNEL) == 64 + 48);
	CHECK(floor_for(GFP_DMA) == 64); // a DMA request has no higher zone to leave it for
}

TEST_CASE("a failed request warns with the mask by name, unless __GFP_NOWARN")
{
	mm_machine b({.memory_bytes = 16ull << 20});
	sim::hog_all_but(0);
	CHECK(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0) == nullptr);
	CHECK(sim::log_records().empty());
	CHECK(alloc_pages(GFP_ATOMIC, 1) == nullptr);
	REQUIRE_FALSE(sim::log_records().empty());
	CHECK(sim::log_records()[0].text == "swapper/0: page allocation failure: order:1, mode:0xa20(GFP_ATOMIC), "
					    "nodemask=(null),cpuset=/,mems_allowed=0\n");
	CHECK(log_text().find("Node 0 DMA: 0*4kB 0*8kB 0*16kB") != std::string::npos);
}

TEST_CASE("failure warnings are rate limited to 10 per 5 seconds")
{
	mm_machine b({.memory_bytes = 16ull << 20});
	sim::hog_all_but(0);
	for (int i = 0; i < 20; i++)
		alloc_pages(GFP_KERNEL, 0);
	std::size_t warnings = 0;
	for (const auto &r : sim::log_records())
		warnings += r.text.find("page allocation failure") != std::string::npos;
	CHECK(warnings == 10);
}
