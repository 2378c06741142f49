// SPDX-License-Identifier: GPL-2.0-only
// fail_mempool_alloc and fail_mempool_alloc_bulk, the fault attributes later kernels
// (linux-next, 2025) put in mm/mempool.c: when one fires, mempool_alloc (or
// mempool_alloc_bulk) treats pool->alloc as failed without calling it, which forces the
// reserve path however much memory there is.
#include "sim/mempool/internal.h"
#include "sim/mempool/mempool.h"

#include "linux/printk.h"

#include <utility>

namespace sim {

fault_attr fail_mempool_alloc{"fail_mempool_alloc"};
fault_attr fail_mempool_alloc_bulk{"fail_mempool_alloc_bulk"};

void fail_mempool_reset(std::uint64_t seed)
{
	fault_attr_reset(fail_mempool_alloc, seed);
	fault_attr_reset(fail_mempool_alloc_bulk, seed);
}

bool __should_fail_mempool_alloc(const mempool_t *pool, fault_attr &attr)
{
	// The kernel asks with FAULT_NOWARN: its own line below replaces the usual report.
	unsigned long verbose = std::exchange(attr.verbose, 0);
	bool fail = should_fail(attr, 1);
	attr.verbose = verbose;
	if (fail)
		pr_info("forcing mempool usage for mempool %u (%s)\n", pool->sim_id, pool->sim_name);
	return fail;
}

} // namespace sim
