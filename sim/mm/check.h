// SPDX-License-Identifier: GPL-2.0-only
// The allocator's invariants, checked by walking every zone and every page frame: tests
// call it after each step. It touches every struct page, so it is for small machines.
#pragma once

#include <string>
#include <vector>

namespace sim {

// Each broken invariant as one line of text; empty when all hold:
//  - each free list holds exactly nr_free blocks, each a PageBuddy block of that order,
//    aligned to its size, inside its zone, with no references;
//  - the zone's NR_FREE_PAGES equals the pages on its free lists;
//  - every page frame of a zone is in exactly one free block or one allocated block.
std::vector<std::string> check_page_allocator();

} // namespace sim
