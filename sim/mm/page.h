// SPDX-License-Identifier: GPL-2.0-only
// struct page: one per page frame, in one array (mem_map).
//
// mem_map is reserved with mmap(MAP_NORESERVE) and backed lazily, so a 16 GiB machine only
// pays for the struct pages it touches. That requires all-zero bytes to be a valid, free-to-
// use struct page: every member here is zero-initialisable (the list hook is a normal_link
// Boost.Intrusive hook: two null pointers).
#pragma once

#include "linux/types.h"

#include <boost/intrusive/list.hpp>

struct kmem_cache;

// The kernel reuses page->lru for the buddy free lists and (as slab_list) for the slab
// lists; a page is on at most one of them, so one hook serves both.
using page_list_hook = boost::intrusive::list_member_hook<
	boost::intrusive::link_mode<boost::intrusive::normal_link>>;

struct page {
	unsigned long flags;         // PG_* bits (linux/page-flags.h values)
	page_list_hook lru;          // buddy free_area list, or slab_list
	unsigned long private_;      // buddy: the block's order (page_private)
	unsigned int page_type;      // PageBuddy and friends (complement of v5.4's encoding, so 0 = none)
	atomic_t _refcount;
	unsigned long compound_head;  // tail page: the head page's address | 1 (PageTail)
	unsigned int compound_order;  // first tail page: the compound page's order
	unsigned int alloc_order;     // head of a live buddy allocation: its order + 1, else 0
	                              // (what the kernel's page_owner records; lets a free
	                              // with the wrong order be caught before it corrupts)

	// Slab fields (SLAB's use of struct page in v5.4).
	struct kmem_cache *slab_cache; // owning cache
	void *freelist;                // the slab's freelist index array
	void *s_mem;                   // first object
	unsigned int active;           // objects in use
};

using page_list = boost::intrusive::list<
	page, boost::intrusive::member_hook<page, page_list_hook, &page::lru>,
	boost::intrusive::constant_time_size<false>>;
