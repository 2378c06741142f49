// SPDX-License-Identifier: GPL-2.0-only
// The mempools' invariants (part of sim::check_machine, sim/check.h): a step per pool and
// per element in a reserve.
#pragma once

#include <string>
#include <vector>

namespace sim {

// Each broken invariant as one line naming the pool and the rule; empty when all hold:
//  - every pool on the list of pools (/proc/mempoolinfo's) is live;
//  - 0 <= curr_nr <= the reserve's size, and elements[0..curr_nr) are distinct non-NULL
//    elements, in no other pool's reserve;
//  - each element of a stock pool is what its allocator hands out and nobody else holds:
//    an allocated object of the pool's cache (or of a kmalloc cache large enough), or the
//    head of an allocated block of the pool's order.
std::vector<std::string> check_mempools();

} // namespace sim
