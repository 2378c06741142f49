// SPDX-License-Identifier: GPL-2.0-only
// Memory pressure and cache control, from any context: hogs, fragmentation, fault injection,
// slabinfo tuning, mempool_resize.
#include "sim/scenario/interp.h"

#include "linux/gfp.h"
#include "linux/mm.h"
#include "sim/mm/fail_page_alloc.h"
#include "sim/mm/hog.h"
#include "sim/slab/failslab.h"
#include "sim/slab/slabinfo.h"

#include <algorithm>
#include <fmt/format.h>

namespace sim::scenario {

void interp::hog(const op &o)
{
	unsigned long got = 0;
	switch (o.sub) {
	case hog_stmt::pages:
		got = hog_pages(static_cast<unsigned long>(o.x.value));
		break;
	case hog_stmt::percent:
		got = hog_fraction(static_cast<double>(o.x.value) / 100.0);
		break;
	default:
		got = hog_all_but(static_cast<unsigned long>(o.x.value));
	}
	hogs_[o.a].pages += got;
}

void interp::release(hog_rec &h)
{
	hog_release(h.pages);
	h.pages = 0;
	for (struct page *pg : h.kept)
		__free_pages(pg, 0);
	h.kept.clear();
}

// Takes every free page one at a time, then gives back every other one by frame number: the
// holes cannot merge (their buddies are held), so no block above order 0 is left.
void interp::fragment(hog_rec &h)
{
	std::vector<struct page *> all;
	while (struct page *pg = alloc_pages(GFP_ATOMIC | __GFP_MEMALLOC | __GFP_NOWARN, 0))
		all.push_back(pg);
	std::sort(all.begin(), all.end(), [](auto *a, auto *b) { return page_to_pfn(a) < page_to_pfn(b); });
	for (struct page *pg : all)
		if (page_to_pfn(pg) & 1)
			__free_pages(pg, 0);
		else
			h.kept.push_back(pg);
}

void interp::fault(const fault_def &f)
{
	auto set = [&](const char *knob, long v) {
		return f.failslab ? failslab_set(knob, v) : fail_page_alloc_set(knob, v);
	};
	if (!f.on) {
		set("probability", 0);
		return;
	}
	set("probability", f.probability);
	set("interval", f.interval);
	set("times", f.times);
	set("space", static_cast<long>(f.space));
	set("ignore-gfp-wait", f.ignore_gfp_wait);
	if (!f.failslab)
		set("min-order", f.min_order);
}

void interp::tune(const op &o)
{
	if (!live_cache(o.a, o.loc))
		return;
	std::string w = fmt::format("{} {} {} {}", p_.caches[o.a].name, o.x.value, o.y.value, o.c);
	if (slabinfo_write(w.c_str(), w.size()) < 0)
		fail(o.loc, fmt::format("/proc/slabinfo refused \"{}\" (batchcount must not exceed limit)", w));
}

void interp::resize(const op &o)
{
	if (!live_pool(o.a, o.loc))
		return;
	if (mempool_resize(pools_[o.a].pool, static_cast<int>(o.x.value)))
		fail(o.loc, "mempool_resize failed: not enough memory for the new reserve");
}

} // namespace sim::scenario
