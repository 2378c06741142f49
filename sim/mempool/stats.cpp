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

mempool_features mempool_mode;

namespace {

LIST_HEAD(all_pools);
unsigned int last_id;

// The name kallsyms gives a pool's own function (a module's static ones too), without a C++
// function's parameters or the module tag; "custom" when it has none.
std::string function_name(void *fn)
{
	std::string name = sprint_symbol_no_offset(fn);
	if (name.empty())
		return "custom";
	return name.substr(0, name.find_first_of("( "));
}

// What a pool's elements are, from its alloc function: "slab:<cache>", "kmalloc:<size>",
// "pages:<order>", or the name of the pool's own function (when the symbol is visible).
std::string default_name(const mempool_t *pool)
{
	if (pool->alloc == mempool_alloc_slab)
		return fmt::format("slab:{}", static_cast<struct kmem_cache *>(pool->pool_data)->name);
	if (pool->alloc == mempool_kmalloc)
		return fmt::format("kmalloc:{}", reinterpret_cast<std::size_t>(pool->pool_data));
	if (pool->alloc == mempool_alloc_pages)
		return fmt::format("pages:{}", reinterpret_cast<long>(pool->pool_data));
	return function_name(reinterpret_cast<void *>(pool->alloc));
}

} // namespace

void mempool_register(mempool_t *pool)
{
	pool->sim_id = ++last_id;
	mempool_set_name(pool, default_name(pool));
	list_add_tail(&pool->sim_list, &all_pools);
	module_track_object(pool, sizeof(*pool), "mempool");
}

void mempool_unregister(mempool_t *pool)
{
	list_del(&pool->sim_list);
	module_untrack_object(pool);
}

void mempool_boot(const machine_config &cfg)
{
	INIT_LIST_HEAD(&all_pools);
	last_id = 0;
	mempool_mode = mempool_features{.debug = cfg.slab_debug};
	fail_mempool_reset(cfg.seed);
}

void mempool_teardown()
{
	// The pools' simulated memory goes with the machine; what the simulator keeps beside a
	// pool on the host heap (the debug record) is freed here.
	for (mempool_t *pool : mempools()) {
		pr_warn("mempool %u (%s) was never destroyed: %d reserved, %ld allocated\n",
			pool->sim_id, pool->sim_name, pool->curr_nr, mempool_outstanding(pool));
		mempool_debug_exit(pool);
	}
	INIT_LIST_HEAD(&all_pools);
}

std::vector<mempool_t *> mempools()
{
	std::vector<mempool_t *> pools;
	for (struct list_head *node = all_pools.next; node != &all_pools; node = node->next)
		pools.push_back(container_of(node, mempool_t, sim_list));
	return pools;
}

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
