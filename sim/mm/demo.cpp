// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/demo.h"

#include "linux/gfp.h"
#include "linux/mm.h"
#include "sim/mm/proc.h"

#include <fmt/format.h>
#include <vector>

namespace sim {

std::string page_alloc_demo()
{
	std::string out = fmt::format("{} MiB of simulated memory; /proc/buddyinfo after boot:\n{}",
				      totalram_pages() >> (20 - PAGE_SHIFT), proc_buddyinfo());
	struct request {
		unsigned int order;
		gfp_t gfp;
		const char *what;
	};
	const request requests[] = {
		{0, GFP_KERNEL, "GFP_KERNEL"}, {1, GFP_KERNEL, "GFP_KERNEL"}, {3, GFP_KERNEL, "GFP_KERNEL"},
		{10, GFP_KERNEL, "GFP_KERNEL"}, {2, GFP_DMA, "GFP_DMA"},
	};
	std::vector<std::pair<struct page *, unsigned int>> held;
	for (const auto &r : requests) {
		struct page *page = alloc_pages(r.gfp, r.order);
		out += fmt::format("\nalloc_pages({}, order {}) = pfn {:#x}\n", r.what, r.order,
				   page ? page_to_pfn(page) : 0);
		if (page)
			held.emplace_back(page, r.order);
	}
	out += fmt::format("\nEach request split the smallest free block that fit; /proc/buddyinfo now:\n{}",
			   proc_buddyinfo());
	for (auto [page, order] : held)
		__free_pages(page, order);
	out += fmt::format("\nAfter __free_pages() of all of them, the buddies merged back:\n{}\n{}",
			   proc_buddyinfo(), proc_meminfo());
	return out;
}

} // namespace sim
