// SPDX-License-Identifier: GPL-2.0-only
// Every live pool, on one list in creation order, with a number and a name; the mempool
// layer's boot and teardown.
#include "kernel_compat/module_leaks.h"
#include "sim/mempool/internal.h"
#include "sim/mempool/mempool.h"

#include "sim/machine.h"
#include "sim/slab/slab_def.h"
#include "sim/trace/kallsyms.h"

#include "linux/list.h"
#include "linux/printk.h"
#include "linux/slab.h"

#include <fmt/format.h>

namespace sim {

mempool_features mempool_mode;
mempool_state mempool_globals = {.pools = LIST_HEAD_INIT(mempool_globals.pools)};

namespace {

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
	pool->sim_id = ++mempool_globals.last_id;
	mempool_set_name(pool, default_name(pool));
	list_add_tail(&pool->sim_list, &mempool_globals.pools);
	module_track_object(pool, sizeof(*pool), "mempool");
}

void mempool_unregister(mempool_t *pool)
{
	list_del(&pool->sim_list);
	module_untrack_object(pool);
}

void mempool_boot(const machine_config &cfg)
{
	mempool_globals = {};
	INIT_LIST_HEAD(&mempool_globals.pools);
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
	INIT_LIST_HEAD(&mempool_globals.pools);
}

std::vector<mempool_t *> mempools()
{
	std::vector<mempool_t *> pools;
	struct list_head *head = &mempool_globals.pools;
	for (struct list_head *node = head->next; node != head; node = node->next)
		pools.push_back(container_of(node, mempool_t, sim_list));
	return pools;
}

} // namespace sim
