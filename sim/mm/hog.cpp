// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/hog.h"
#include "sim/mm/state.h"

#include "linux/gfp.h"
#include "linux/mm.h"
#include "sim/mm/page.h"
#include "sim/mm/page_alloc.h"

#include <bit>
#include <vector>

namespace sim {

unsigned long hog_pages(unsigned long nr_pages)
{
	unsigned long taken = 0;
	unsigned int order = MAX_ORDER - 1;
	while (taken < nr_pages) {
		unsigned long want = nr_pages - taken;
		if (order > std::bit_width(want) - 1)
			order = std::bit_width(want) - 1;
		// Orders only go down: a failed order stays failed, as the hog frees nothing.
		struct page *page = alloc_pages_unchecked(order);
		if (!page) {
			if (order == 0)
				break;
			order--;
			continue;
		}
		mm_globals.held.push_back({page, order});
		taken += 1ul << order;
	}
	mm_globals.held_pages += taken;
	return taken;
}

unsigned long hog_fraction(double fraction_of_total)
{
	if (!(fraction_of_total > 0))
		return 0;
	if (fraction_of_total > 1)
		fraction_of_total = 1;
	return hog_pages(static_cast<unsigned long>(fraction_of_total * totalram_pages()));
}

unsigned long hog_all_but(unsigned long nr_free_left)
{
	unsigned long free = nr_free_pages();
	return free > nr_free_left ? hog_pages(free - nr_free_left) : 0;
}

unsigned long hog_release(unsigned long nr_pages)
{
	unsigned long released = 0;
	while (released < nr_pages && !mm_globals.held.empty()) {
		hog_block b = mm_globals.held.back();
		mm_globals.held.pop_back();
		if ((1ul << b.order) > nr_pages - released) {
			// Too big: hold its pages one by one instead and release from those.
			split_page(b.page, b.order);
			for (unsigned long i = 0; i < (1ul << b.order); i++)
				mm_globals.held.push_back({b.page + i, 0});
			continue;
		}
		__free_pages(b.page, b.order);
		released += 1ul << b.order;
	}
	mm_globals.held_pages -= released;
	return released;
}

unsigned long hog_release_all() { return hog_release(mm_globals.held_pages); }

unsigned long hogged_pages() { return mm_globals.held_pages; }

void hog_reset()
{
	mm_globals.held.clear();
	mm_globals.held_pages = 0;
}

} // namespace sim
