// SPDX-License-Identifier: GPL-2.0-only
// Every live pool, on one list in creation order, with a number and a name, and
// /proc/mempoolinfo: our own file, laid out like /proc/slabinfo (docs/mempool.md).
#include "kernel_compat/module_leaks.h"
#include "sim/mempool/internal.h"
#include "sim/mempool/mempool.h"
#include "sim/mempool/observe.h"

#include "sim/machine.h"
#include "sim/trace/kallsyms.h"
#include "sim/slab/slab_def.h"

#include "linux/list.h"
#include "linux/mm.h"
#include "linux/printk.h"
#include "linux/slab.h"

#include <cstddef>
#include <fmt/format.h>

namespace sim {

mempool_t *mempool_by_id(unsigned int id)
{
	for (mempool_t *pool : mempools())
		if (pool->sim_id == id)
			return pool;
	return nullptr;
}

void mempool_set_name(mempool_t *pool, std::string_view name)
{
	// Names are one word in /proc/mempoolinfo and the trace.
	std::size_t n = 0;
	for (char c : name.substr(0, sizeof(pool->sim_name) - 1))
		pool->sim_name[n++] = c == ' ' ? '_' : c;
	pool->sim_name[n] = '\0';
}

std::size_t mempool_element_size(const mempool_t *pool)
{
	if (pool->alloc == mempool_alloc_slab)
		return kmem_cache_size(static_cast<struct kmem_cache *>(pool->pool_data));
	if (pool->alloc == mempool_kmalloc)
		return reinterpret_cast<std::size_t>(pool->pool_data);
	if (pool->alloc == mempool_alloc_pages)
		return PAGE_SIZE << reinterpret_cast<long>(pool->pool_data);
	return 0;
}

long mempool_outstanding(const mempool_t *pool)
{
	const mempool_stats &s = pool->sim_stats;
	return static_cast<long>(s.alloc_backing + s.alloc_reserve - s.free_reserve -
				 s.free_backing);
}

std::string mempoolinfo()
{
	std::string out = "mempoolinfo - version: 1.0\n" + mempoolinfo_header() + "\n";
	for (const mempool_t *pool : mempools())
		out += column_line(mempool_columns(), pool->sim_name, 20, *pool) + "\n";
	return out;
}

} // namespace sim
