// SPDX-License-Identifier: GPL-2.0-only
// failslab: fault injection for slab allocations (mm/failslab.c, v5.4). By default only
// requests that may not sleep are candidates, in every cache.
#pragma once

#include "linux/types.h"
#include "sim/mm/fault_inject.h"

#include <string>

struct kmem_cache;

namespace sim {

struct failslab_attr {
	fault_attr attr{"failslab"};
	bool ignore_gfp_reclaim = true; // ignore-gfp-wait
	bool cache_filter = false;      // cache-filter: only caches created with SLAB_FAILSLAB
};

extern failslab_attr failslab;

// Back to the defaults, with the PRNG seeded from the machine's seed (called at boot).
void failslab_reset(std::uint64_t seed);

// Sets a knob by its debugfs name: those of fault_attr_set, and ignore-gfp-wait and
// cache-filter (0 or 1). False, changing nothing, if refused.
bool failslab_set(const std::string &knob, long value);

} // namespace sim

bool __should_failslab(struct kmem_cache *s, gfp_t gfpflags);

// One predictable branch while failslab is off (probability 0).
static inline bool should_failslab(struct kmem_cache *s, gfp_t gfpflags)
{
	return __builtin_expect(sim::failslab.attr.probability != 0, 0) && __should_failslab(s, gfpflags);
}
