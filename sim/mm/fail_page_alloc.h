// SPDX-License-Identifier: GPL-2.0-only
// fail_page_alloc: fault injection for the page allocator (mm/page_alloc.c, v5.4).
// By default only non-sleeping requests of order 1 and above are candidates.
#pragma once

#include "linux/types.h"
#include "sim/mm/fault_inject.h"

namespace sim {

struct fail_page_alloc_attr {
	fault_attr attr{"fail_page_alloc"};
	bool ignore_gfp_highmem = true; // ignore-gfp-highmem
	bool ignore_gfp_reclaim = true; // ignore-gfp-wait: requests that may sleep are exempt
	unsigned int min_order = 1;     // min-order: smaller requests are exempt
};

extern fail_page_alloc_attr fail_page_alloc;

// Back to the defaults, with the PRNG seeded from the machine's seed (called at boot).
void fail_page_alloc_reset(std::uint64_t seed);

// Sets any fail_page_alloc knob by its debugfs name: those of fault_attr_set, and
// ignore-gfp-wait, ignore-gfp-highmem (0 or 1), min-order (0..10). False if refused.
bool fail_page_alloc_set(const std::string &knob, long value);

bool should_fail_alloc_page(gfp_t gfp_mask, unsigned int order);

} // namespace sim
