// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/fail_page_alloc.h"

#include "linux/gfp.h"

namespace sim {

fail_page_alloc_attr fail_page_alloc;

void fail_page_alloc_reset(std::uint64_t seed)
{
	fail_page_alloc = fail_page_alloc_attr{};
	fault_attr_reset(fail_page_alloc.attr, seed);
}

bool fail_page_alloc_set(const std::string &knob, long value)
{
	bool is_bool = value == 0 || value == 1;
	if (knob == "ignore-gfp-wait" && is_bool)
		fail_page_alloc.ignore_gfp_reclaim = value;
	else if (knob == "ignore-gfp-highmem" && is_bool)
		fail_page_alloc.ignore_gfp_highmem = value;
	else if (knob == "min-order" && value >= 0 && value < MAX_ORDER)
		fail_page_alloc.min_order = static_cast<unsigned int>(value);
	else
		return fault_attr_set(fail_page_alloc.attr, knob, value);
	return true;
}

bool should_fail_alloc_page(gfp_t gfp_mask, unsigned int order)
{
	if (order < fail_page_alloc.min_order)
		return false;
	if (gfp_mask & __GFP_NOFAIL)
		return false;
	if (fail_page_alloc.ignore_gfp_highmem && (gfp_mask & __GFP_HIGHMEM))
		return false;
	if (fail_page_alloc.ignore_gfp_reclaim && (gfp_mask & __GFP_DIRECT_RECLAIM))
		return false;
	return should_fail(fail_page_alloc.attr, 1l << order);
}

} // namespace sim
