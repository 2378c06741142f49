// SPDX-License-Identifier: GPL-2.0-only
// Helpers for the slab tests: the consistency check every test can end with, on top of the
// shared machine fixture.
#pragma once

#include "support/machine.h"

#include "sim/slab/slab.h"
#include "sim/slab/slabinfo.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace slabtest {

inline struct array_cache *cpu_array(struct kmem_cache *c, unsigned cpu)
{
	return per_cpu_ptr(c->cpu_cache, cpu);
}

inline unsigned long count(page_list &l)
{
	unsigned long n = 0;
	for (auto it = l.begin(); it != l.end(); ++it)
		n++;
	return n;
}

// Lists, counters, arrays and /proc/slabinfo agree; `in_use` objects are held by callers.
inline void check_consistent(struct kmem_cache *c, unsigned long in_use)
{
	struct kmem_cache_node *n = get_node(c, 0);
	unsigned long active = 0, free_objects = 0;

	for (struct page &p : n->slabs_full) {
		REQUIRE(p.active == c->num);
		active += p.active;
	}
	for (struct page &p : n->slabs_partial) {
		REQUIRE(p.active > 0);
		REQUIRE(p.active < c->num);
		active += p.active;
		free_objects += c->num - p.active;
	}
	for (struct page &p : n->slabs_free) {
		REQUIRE(p.active == 0);
		free_objects += c->num;
	}
	REQUIRE(n->free_slabs == count(n->slabs_free));
	REQUIRE(n->total_slabs == count(n->slabs_full) + count(n->slabs_partial) + n->free_slabs);
	REQUIRE(n->free_objects == free_objects);

	unsigned long in_arrays = n->shared ? n->shared->avail : 0;
	for (unsigned cpu = 0; cpu < nr_cpu_ids; cpu++)
		in_arrays += cpu_array(c, cpu)->avail;
	REQUIRE(active == in_use + in_arrays);

	struct slabinfo si = {};
	get_slabinfo(c, &si);
	REQUIRE(si.active_objs == active);
	REQUIRE(si.num_objs == n->total_slabs * c->num);
}

} // namespace slabtest
