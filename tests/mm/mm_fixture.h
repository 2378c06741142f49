// SPDX-License-Identifier: GPL-2.0-only
// What the page-allocator tests add to the shared fixture (mm_machine): the invariant check
// to call after each step, and the free-list counts.
#pragma once

#include "support/machine.h"

#include "linux/gfp.h"
#include "linux/mm.h"
#include "sim/mm/check.h"
#include "sim/mm/mmzone.h"
#include "sim/mm/proc.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

inline void require_invariants()
{
	REQUIRE(sim::check_page_allocator() == std::vector<std::string>{});
}

// Free blocks of one order in one zone (the numbers /proc/buddyinfo prints).
inline unsigned long nr_free(enum zone_type zone, unsigned int order)
{
	return contig_page_data.node_zones[zone].free_area[order].nr_free;
}
