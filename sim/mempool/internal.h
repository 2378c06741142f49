// SPDX-License-Identifier: GPL-2.0-only
// What the mempool files share: the hooks the algorithm (mempool.cpp) calls for poisoning,
// debug records, the list of pools and fault injection. Not part of any API.
#pragma once

#include "linux/mempool.h"
#include "sim/mempool/mempool.h"

namespace sim {

// mempool_t::sim_magic: written by mempool_init_node and mempool_exit, checked by every
// entry point, so a pool used after mempool_exit/mempool_destroy is reported instead of
// written through.
constexpr unsigned int MEMPOOL_MAGIC = 0x4d504f4c; // "MPOL"
constexpr unsigned int MEMPOOL_DEAD = 0x4d504458;  // "MPDX"

// poison.cpp: as mm/mempool.c does under CONFIG_DEBUG_SLAB; no-ops for pools that are not
// in debug mode or whose elements come from the pool's own alloc function. Callers test
// mempool_debug() first, so a pool out of debug mode pays one branch, not a call.
void poison_element(mempool_t *pool, void *element);
void check_element(mempool_t *pool, void *element);

// debug.cpp
inline bool mempool_debug(const mempool_t *pool) { return pool->sim_flags & MEMPOOL_SIM_DEBUG; }
void mempool_debug_init(mempool_t *pool);
void mempool_debug_exit(mempool_t *pool);
void mempool_debug_handed_out(mempool_t *pool, void *element);
// False (after a report) when the element is not one this pool handed out: the caller must
// leave it alone.
bool mempool_debug_given_back(mempool_t *pool, void *element);
// A kernel-style "BUG: <fn>: mempool <id> (<name>) <what>" report with a stack dump.
void mempool_report(const mempool_t *pool, const char *fn, const char *what);
// Reports use of a pool that is not live (after mempool_exit, or never initialised).
void mempool_report_dead(const mempool_t *pool, const char *fn);
// False (after a report) when `pool` is not a live pool; `fn` names the caller.
inline bool mempool_check_live(const mempool_t *pool, const char *fn)
{
	if (__builtin_expect(pool->sim_magic == MEMPOOL_MAGIC, 1))
		return true;
	mempool_report_dead(pool, fn);
	return false;
}
// min_nr the way v5.4 takes it, with a report for values that cannot give a reserve.
bool mempool_check_min_nr(int min_nr, const char *fn);
void mempool_report_outstanding(const mempool_t *pool);

/*
 * The mempool layer's state for the booted machine: mempool_boot() value-initialises it;
 * gdb's `mempools` reads `pools` (tools/gdb/slabsim/mempool.py).
 *   pools    every live pool, through mempool_t::sim_list, in creation order (the order of
 *            /proc/mempoolinfo); a pool joins in mempool_init_node and leaves in mempool_exit.
 *   last_id  the sim_id of the pool created last; ids count from 1 at boot, never reused.
 * mempool_mode (mempool.h) is not here: it is a setting the command line and tests change
 * after boot, as a sysctl.
 */
struct mempool_state {
	struct list_head pools;
	unsigned int last_id = 0;
};
extern mempool_state mempool_globals;

// pools.cpp: the list of pools and their names.
void mempool_register(mempool_t *pool);
void mempool_unregister(mempool_t *pool);

// fault.cpp: fail_mempool_alloc (or, for `bulk`, fail_mempool_alloc_bulk) fires: the
// caller must treat pool->alloc as failed without calling it. One predictable branch while
// the attribute is off.
bool __should_fail_mempool_alloc(const mempool_t *pool, fault_attr &attr);
inline bool should_fail_mempool_alloc(const mempool_t *pool, bool bulk)
{
	fault_attr &attr = bulk ? fail_mempool_alloc_bulk : fail_mempool_alloc;
	return __builtin_expect(attr.probability != 0, 0) && __should_fail_mempool_alloc(pool, attr);
}

} // namespace sim
