// SPDX-License-Identifier: GPL-2.0-only
// What can be observed of a pool: its numbers (the columns of /proc/mempoolinfo, which
// scenarios, the JSON report and docs/mempool.md all take from here) and where each of its
// elements is.
#pragma once

#include "linux/mempool.h"
#include "sim/mempool/trace.h"
#include "sim/observe.h"

namespace sim {

// Every number of a pool, in /proc/mempoolinfo's order.
table<column<mempool_t>> mempool_columns();

// Where an element of `pool` is now.
enum class element_place : unsigned char {
	reserve, // in pool->elements[0, curr_nr)
	out,     // handed out by mempool_alloc and not given back
	freed,   // given back to the backing allocator (or never this pool's)
	unknown, // not in the reserve, and the pool's own allocator cannot say (no debug record)
};
element_place mempool_element_where(const mempool_t *pool, const void *element);
const char *element_place_name(element_place p); // "reserve", "out", "freed", "unknown"

// Where `element`, which mempool_alloc just returned, came from: backing or reserve (none for
// NULL). Ask right after the call, before the caller's task reaches a scheduling point: the
// pool remembers only its last hand-out (MEMPOOL_SIM_LAST_RESERVE).
mempool_from mempool_handed_out_from(const mempool_t *pool, const void *element);

// /proc/mempoolinfo's header line (without the "\n"), from the columns.
std::string mempoolinfo_header();

} // namespace sim
