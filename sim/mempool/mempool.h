// SPDX-License-Identifier: GPL-2.0-only
// The simulator's side of the mempools: boot and teardown, the modes a machine runs them in,
// and the views the scenario runner, the CLI and the gdb helpers read (docs/mempool.md).
#pragma once

#include "linux/mempool.h"
#include "sim/mm/fault_inject.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

struct machine_config;

// How pools created from now on behave; boot resets both.
struct mempool_features {
	// Poison reserved elements and keep a record of the elements each pool handed out, so
	// an element freed to a pool it did not come from is caught. Boot sets it from
	// machine_config::slab_debug, as CONFIG_DEBUG_SLAB turns poisoning on in the kernel.
	bool debug = false;
	// Zero-minimum pools as v6.16 has them: min_nr 0 still keeps one element in reserve.
	// Off, a pool with min_nr 0 has no reserve at all, as in v5.4.
	bool zero_minimum = false;
};
extern mempool_features mempool_mode;

// Fault attributes that make mempool_alloc (mempool_alloc_bulk) skip pool->alloc and use
// the reserve; set their knobs with fault_attr_set. Boot resets them (off).
extern fault_attr fail_mempool_alloc;
extern fault_attr fail_mempool_alloc_bulk;
void fail_mempool_reset(std::uint64_t seed);

void mempool_boot(const machine_config &cfg);
// Reports (and forgets) the pools that were never destroyed.
void mempool_teardown();

// The live pools, in creation order.
std::vector<mempool_t *> mempools();
mempool_t *mempool_by_id(unsigned int id);

// Names a pool in /proc/mempoolinfo and the trace (the kernel's pools have no names).
void mempool_set_name(mempool_t *pool, std::string_view name);
// Bytes per element: the cache's object size, the kmalloc size or the pages' size; 0 when a
// pool's own alloc function decides (seed 003's r1bio pool).
std::size_t mempool_element_size(const mempool_t *pool);
// Elements handed out by mempool_alloc and not yet given back to mempool_free.
long mempool_outstanding(const mempool_t *pool);

// /proc/mempoolinfo: every live pool, one line each (format in docs/mempool.md).
std::string mempoolinfo();

} // namespace sim
