// SPDX-License-Identifier: GPL-2.0-only
// Misuse of the page allocator gets the kernel's report and changes nothing.
#include "mm_fixture.h"

#include "linux/page-flags.h"

namespace {
// Runs `misuse`, then checks that it was reported as `report` and left the allocator as it was.
template <typename F> void check_reported_and_harmless(F misuse, const std::string &report)
{
	std::string before = sim::proc_buddyinfo();
	unsigned long free_before = nr_free_pages();
	sim::log_clear();
	misuse();
	CHECK_LOGGED(report);
	CHECK(sim::proc_buddyinfo() == before);
	CHECK(nr_free_pages() == free_before);
	require_invariants();
}
} // namespace

TEST_CASE("freeing a page twice is a bad page state")
{
	mm_machine b;
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	__free_pages(page, 0);
	check_reported_and_harmless([&] { __free_pages(page, 0); },
				    "BUG: Bad page state in process swapper/0  pfn:03c00\n");
	CHECK(log_text().find("page dumped because: page is already free (double free?)\n") != std::string::npos);
	CHECK(log_text().find("refcount:0 mapcount:-128") != std::string::npos); // a buddy page
	CHECK_LOGGED("page:ffffea"); // its vmemmap address, as the kernel prints it, not the host's
}

TEST_CASE("freeing a page inside a larger free block is a double free")
{
	mm_machine b;
	check_reported_and_harmless([] { __free_pages(pfn_to_page(5), 0); },
				    "page dumped because: page is already free (double free?)\n");
}

TEST_CASE("freeing with another order than allocated is a bad page state")
{
	mm_machine b;
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	check_reported_and_harmless([&] { __free_pages(page, 1); },
				    "page dumped because: freed with order 1, allocated with order 2\n");
	check_reported_and_harmless([&] { __free_pages(page, 3); },
				    "page dumped because: freed with order 3, allocated with order 2\n");
	__free_pages(page, 2); // the right order still works afterwards
	require_invariants();
}

TEST_CASE("freeing a page in the middle of an allocated block is a bad page state")
{
	mm_machine b;
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	check_reported_and_harmless([&] { __free_pages(page + 1, 0); },
				    "page dumped because: not the first page of an allocated block\n");
}

TEST_CASE("freeing with an order above the maximum is a bad page state")
{
	mm_machine b;
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	check_reported_and_harmless([&] { __free_pages(page, MAX_ORDER); },
				    "page dumped because: freed with order 11, above MAX_ORDER - 1\n");
}

TEST_CASE("freeing something that is not a struct page of this machine is a bad page state")
{
	mm_machine b;
	struct page fake {};
	check_reported_and_harmless([&] { __free_pages(&fake, 0); }, "page dumped because: not a struct page of this machine\n");
	long on_stack = 0;
	check_reported_and_harmless([&] { free_pages(reinterpret_cast<unsigned long>(&on_stack), 0); },
				    "free_pages() of an address that is not a page of this machine\n");
}

TEST_CASE("freeing a page that still has PG_slab set is a bad page state")
{
	mm_machine b;
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	__SetPageSlab(page);
	check_reported_and_harmless([&] { __free_pages(page, 0); }, "bad because of flags: 0x200(slab)\n");
	CHECK(page_ref_count(page) == 1); // still the caller's
	__ClearPageSlab(page);
	__free_pages(page, 0);
	require_invariants();
}

TEST_CASE("a request of order MAX_ORDER or more fails with a one-time warning")
{
	mm_machine b;
	check_reported_and_harmless([] { CHECK(alloc_pages(GFP_KERNEL, MAX_ORDER) == nullptr); },
				    "WARNING: CPU: 0 PID: 0 at sim/mm/page_alloc.cpp:");
	sim::log_clear();
	CHECK(alloc_pages(GFP_KERNEL, 12) == nullptr);
	CHECK(sim::log_records().empty());
}

TEST_CASE("a request for a node that does not exist fails with a warning")
{
	mm_machine b;
	check_reported_and_harmless([] { CHECK(alloc_pages_node(3, GFP_KERNEL, 0) == nullptr); },
				    "node 3 does not exist");
	CHECK(alloc_pages_node(NUMA_NO_NODE, GFP_KERNEL, 0) != nullptr);
}
