// SPDX-License-Identifier: GPL-2.0-only
// The buddy algorithm: splitting on allocation, merging on free, running out.
#include "mm_fixture.h"

#include "linux/page-flags.h"

#include <algorithm>
#include <cstring>

namespace {
constexpr gfp_t no_watermarks = __GFP_MEMALLOC | __GFP_NOWARN;
}

TEST_CASE("boot frees every page frame in the largest aligned blocks")
{
	mm_machine b({.memory_bytes = 64ull << 20});
	CHECK(nr_free(ZONE_DMA, 10) == 4);   // 16 MiB in 4 MiB blocks
	CHECK(nr_free(ZONE_NORMAL, 10) == 12);
	for (unsigned int o = 0; o < 10; o++)
		CHECK((nr_free(ZONE_DMA, o) == 0 && nr_free(ZONE_NORMAL, o) == 0));
	require_invariants();
}

TEST_CASE("a memory size that is not a multiple of 4 MiB ends in smaller blocks")
{
	mm_machine b({.memory_bytes = (64ull << 20) + 3 * PAGE_SIZE});
	CHECK(nr_free(ZONE_NORMAL, 10) == 12);
	CHECK(nr_free(ZONE_NORMAL, 1) == 1);
	CHECK(nr_free(ZONE_NORMAL, 0) == 1);
	require_invariants();
}

TEST_CASE("an order-0 allocation splits a top-order block and keeps its lowest page")
{
	mm_machine b;
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	require_invariants();
	// The last block freed at boot sits at the head of the order-10 list.
	CHECK(page_to_pfn(page) == 16384 - 1024);
	CHECK(page_ref_count(page) == 1);
	for (unsigned int o = 0; o < 10; o++)
		CHECK(nr_free(ZONE_NORMAL, o) == 1); // one upper half left at each order
	CHECK(nr_free(ZONE_NORMAL, 10) == 11);
}

TEST_CASE("freeing merges a block with its free buddies back into the original block")
{
	mm_machine b;
	std::string at_boot = sim::proc_buddyinfo();
	struct page *page = alloc_pages(GFP_KERNEL, 3);
	require_invariants();
	__free_pages(page, 3);
	require_invariants();
	CHECK(sim::proc_buddyinfo() == at_boot);
}

TEST_CASE("a freed block stays unmerged while its buddy is allocated")
{
	mm_machine b;
	struct page *a = alloc_pages(GFP_KERNEL, 0);
	struct page *buddy = alloc_pages(GFP_KERNEL, 0);
	REQUIRE(page_to_pfn(buddy) == (page_to_pfn(a) ^ 1));
	unsigned long order0_before = nr_free(ZONE_NORMAL, 0);
	__free_pages(a, 0);
	require_invariants();
	CHECK(nr_free(ZONE_NORMAL, 0) == order0_before + 1);
	CHECK(PageBuddy(a));
	__free_pages(buddy, 0);
	require_invariants();
	CHECK(nr_free(ZONE_NORMAL, 10) == 12);
}

TEST_CASE("every order runs out after exactly the blocks that fit in memory")
{
	unsigned int order = GENERATE(0u, 3u, 10u);
	mm_machine b({.memory_bytes = 16ull << 20}); // ZONE_DMA only: 4096 pages
	unsigned long got = 0;
	while (alloc_pages(no_watermarks, order)) {
		got++;
		if (got % 64 == 0 || order > 0)
			require_invariants();
	}
	require_invariants();
	CHECK(got == 4096ul >> order);
	CHECK(nr_free_pages() == 0);
	CHECK(alloc_pages(no_watermarks, 0) == nullptr);
}

TEST_CASE("fragmentation makes a high-order request fail while order 0 succeeds")
{
	mm_machine b({.memory_bytes = 16ull << 20});
	std::vector<struct page *> pages;
	while (struct page *p = alloc_pages(no_watermarks, 0))
		pages.push_back(p);
	for (std::size_t i = 0; i < pages.size(); i += 2) // every other page back
		__free_pages(pages[i], 0);
	require_invariants();
	CHECK(nr_free_pages() == 2048);
	CHECK(nr_free(ZONE_DMA, 0) == 2048);
	CHECK(alloc_pages(no_watermarks, 1) == nullptr);
	CHECK(alloc_pages(no_watermarks, 0) != nullptr);
	require_invariants();
}

TEST_CASE("__GFP_DMA takes pages from ZONE_DMA, GFP_KERNEL from ZONE_NORMAL first")
{
	mm_machine b;
	CHECK(page_to_pfn(alloc_pages(GFP_DMA, 0)) < 4096);
	CHECK(page_to_pfn(alloc_pages(GFP_KERNEL, 0)) >= 4096);
	require_invariants();
}

TEST_CASE("__GFP_ZERO hands out zeroed memory")
{
	mm_machine b;
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	std::memset(page_address(page), 0xa5, 2 * PAGE_SIZE);
	__free_pages(page, 1);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
	auto *bytes = static_cast<unsigned char *>(page_address(page));
	CHECK(std::all_of(bytes, bytes + 2 * PAGE_SIZE, [](unsigned char c) { return c == 0; }));
}

TEST_CASE("__GFP_COMP makes a compound page whose tails lead to the head")
{
	mm_machine b;
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	CHECK(PageHead(head));
	CHECK(compound_order(head) == 2);
	CHECK(compound_head(head + 3) == head);
	CHECK(virt_to_page(static_cast<char *>(page_address(head)) + 5000) == head + 1);
	__free_pages(head, 2);
	CHECK_FALSE(PageTail(head + 3));
	require_invariants();
}

TEST_CASE("a page with an extra reference is freed by its last __free_pages")
{
	mm_machine b;
	unsigned long free_before = nr_free_pages();
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	get_page(page);
	__free_pages(page, 0);
	CHECK(nr_free_pages() == free_before - 1);
	put_page(page);
	CHECK(nr_free_pages() == free_before);
	require_invariants();
}

TEST_CASE("__get_free_pages and free_pages work on addresses")
{
	mm_machine b;
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);
	REQUIRE(addr);
	CHECK(page_address(virt_to_page(reinterpret_cast<void *>(addr))) == reinterpret_cast<void *>(addr));
	CHECK(pfn_to_page(page_to_pfn(virt_to_page(reinterpret_cast<void *>(addr)))) ==
	      virt_to_page(reinterpret_cast<void *>(addr)));
	free_pages(addr, 2);
	CHECK(nr_free(ZONE_NORMAL, 10) == 12);
	unsigned long zeroed = get_zeroed_page(GFP_KERNEL);
	CHECK(*reinterpret_cast<long *>(zeroed) == 0);
	free_page(zeroed);
	require_invariants();
}
