// SPDX-License-Identifier: GPL-2.0-only
// The page allocator's tracepoints, in v5.4's format.
#include "mm_fixture.h"

#include "sim/mm/hog.h"
#include "sim/trace/trace.h"

#include <fmt/format.h>

TEST_CASE("mm_page_alloc and mm_page_free record pfn, order and the mask by name")
{
	test_machine m; // the whole machine: trace records need the scheduler's current
	sim::trace_start();
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	unsigned long pfn = page_to_pfn(page);
	__free_pages(page, 0);
	alloc_pages(GFP_ATOMIC | __GFP_NOWARN, MAX_ORDER - 1);
	sim::hog_all_but(0);
	CHECK(alloc_pages(GFP_NOWAIT | __GFP_NOWARN, 0) == nullptr);
	sim::trace_stop();
	sim::hog_release_all();
	std::string text = sim::trace_text(false);
	CHECK(text.find(fmt::format(" pfn={} order=0 migratetype=0 gfp_flags=GFP_KERNEL\n", pfn)) != std::string::npos);
	CHECK(text.find("mm_page_free: page=") != std::string::npos);
	CHECK(text.find(fmt::format(" pfn={} order=0\n", pfn)) != std::string::npos);
	CHECK(text.find("order=10 migratetype=0 gfp_flags=GFP_ATOMIC|__GFP_NOWARN\n") != std::string::npos);
	// A failed request is traced too, with no page.
	CHECK(text.find("page=0000000000000000 pfn=0 order=0 migratetype=0 gfp_flags=GFP_NOWAIT|__GFP_NOWARN\n") !=
	      std::string::npos);
}
