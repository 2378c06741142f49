// SPDX-License-Identifier: GPL-2.0-only
#include "sim/slab/failslab.h"
#include "sim/slab/slab.h"

namespace sim {

failslab_attr failslab;

void failslab_reset(std::uint64_t seed)
{
	failslab = failslab_attr{};
	fault_attr_reset(failslab.attr, seed);
	slab_hooks_update();
}

bool failslab_set(const std::string &knob, long value)
{
	bool is_bool = value == 0 || value == 1;
	if (knob == "ignore-gfp-wait" && is_bool)
		failslab.ignore_gfp_reclaim = value;
	else if (knob == "cache-filter" && is_bool)
		failslab.cache_filter = value;
	else if (!fault_attr_set(failslab.attr, knob, value))
		return false;
	slab_hooks_update();
	return true;
}

} // namespace sim

bool __should_failslab(struct kmem_cache *s, gfp_t gfpflags)
{
	if (s == &kmem_cache_boot) // the cache of caches is never failed
		return false;
	if (gfpflags & __GFP_NOFAIL)
		return false;
	if (sim::failslab.ignore_gfp_reclaim && (gfpflags & __GFP_DIRECT_RECLAIM))
		return false;
	if (sim::failslab.cache_filter && !(s->flags & SLAB_FAILSLAB))
		return false;
	return sim::should_fail(sim::failslab.attr, s->object_size);
}
