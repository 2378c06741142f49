// SPDX-License-Identifier: GPL-2.0-only
// The page allocator's invariants, checked against struct page state: sim::check_machine
// (sim/check.h) runs it after each step under `run --check`, tests call it after theirs.
// It walks block by block, so it costs a step per block and per tail page of a compound
// block (a slab), not a step per page frame: neither the free nor the hogged inside of a
// 16 GiB machine is touched.
#pragma once

#include <string>
#include <vector>

namespace sim {

// Each broken invariant as one line of text; empty when all hold:
//  - each free list holds exactly nr_free blocks, each a PageBuddy block of that order,
//    aligned to its size, inside its zone, with no references;
//  - the zone's NR_FREE_PAGES equals the pages on its free lists;
//  - the zone is tiled by blocks, each a free block (found on its list) or an allocated
//    one (with a reference; a compound block's tails point at its head and start no block);
//  - NR_SLAB_RECLAIMABLE and NR_SLAB_UNRECLAIMABLE equal the pages of the slabs (PG_slab
//    blocks with a cache), each of its cache's slab order.
std::vector<std::string> check_page_allocator();

} // namespace sim
