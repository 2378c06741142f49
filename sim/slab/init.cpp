// SPDX-License-Identifier: GPL-2.0-only
// Bootstrap (mm/slab.c kmem_cache_init, kmem_cache_init_late, cpucache_init): the cache of
// struct kmem_cache is static, the kmalloc cache that holds kmem_cache_node comes next, and
// only then can every other cache be made the normal way.
#include "sim/slab/slab.h"
#include "sim/slab/slab_boot.h"

#include "linux/kernel.h"
#include "linux/mm.h"
#include "sim/machine.h"
#include "sim/trace/trace.h"

#include <cstring>
#include <memory>

#define ARCH_KMALLOC_FLAGS SLAB_HWCACHE_ALIGN

namespace sim {
bool slab_stats;
} // namespace sim

enum slab_state slab_state;
kmem_cache_list slab_caches;
struct kmem_cache kmem_cache_boot;

bool slab_is_available(void)
{
	return slab_state >= UP;
}

// Moves a cache's static boot node into kmalloc'ed memory, slabs and all.
static void init_list(struct kmem_cache *cachep, int nodeid)
{
	struct kmem_cache_node *old = cachep->node[nodeid];
	auto *ptr = static_cast<struct kmem_cache_node *>(
		kmalloc_node(sizeof(struct kmem_cache_node), GFP_NOWAIT, nodeid));

	BUG_ON(!ptr);
	kmem_cache_node_init(ptr);
	ptr->slabs_partial.splice(ptr->slabs_partial.end(), old->slabs_partial);
	ptr->slabs_full.splice(ptr->slabs_full.end(), old->slabs_full);
	ptr->slabs_free.splice(ptr->slabs_free.end(), old->slabs_free);
	ptr->total_slabs = old->total_slabs;
	ptr->free_slabs = old->free_slabs;
	ptr->free_objects = old->free_objects;
	ptr->free_limit = old->free_limit;
	ptr->colour_next = old->colour_next;
	ptr->next_reap = old->next_reap;
	ptr->free_touched = old->free_touched;
	cachep->node[nodeid] = ptr;
}

void kmem_cache_init(void)
{
	slab_state = DOWN;
	slab_caches.clear();
	memset(kmalloc_caches, 0, sizeof(kmalloc_caches));
	std::destroy_at(&kmem_cache_boot);
	std::construct_at(&kmem_cache_boot);
	// A static in the kernel image's data: a fixed kernel address, whatever ASLR did.
	sim::trace_register_region(&kmem_cache_boot, sizeof(kmem_cache_boot), 0xffffffff82000000ull);
	kmem_cache_boot.batchcount = 1;
	kmem_cache_boot.limit = BOOT_CPUCACHE_ENTRIES;
	kmem_cache_boot.shared = 1;

	// Bigger slabs only where memory is not scarce.
	slab_max_order = totalram_pages() > (32UL << 20) >> PAGE_SHIFT ? SLAB_MAX_ORDER_HI
								       : SLAB_MAX_ORDER_LO;

	create_boot_cache(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache),
			  SLAB_HWCACHE_ALIGN, 0, 0);
	slab_caches.push_front(kmem_cache_boot);
	slab_state = PARTIAL;

	int index_node = (int)kmalloc_index(sizeof(struct kmem_cache_node));
	new_kmalloc_cache(index_node, KMALLOC_NORMAL, ARCH_KMALLOC_FLAGS);
	slab_state = PARTIAL_NODE;
	setup_kmalloc_cache_index_table();

	init_list(&kmem_cache_boot, 0);
	init_list(kmalloc_caches[KMALLOC_NORMAL][index_node], 0);

	create_kmalloc_caches(ARCH_KMALLOC_FLAGS);
}

// Every cache made so far gets its real array sizes and shared array.
void kmem_cache_init_late(void)
{
	for (struct kmem_cache &cachep : slab_caches)
		if (enable_cpucache(&cachep, GFP_NOWAIT))
			BUG();
	slab_state = FULL;
}

namespace sim {

void slab_hooks_update() { slab_hooks = slab_stats || failslab.attr.probability != 0; }

void slab_boot(const machine_config &cfg)
{
	slab_stats = cfg.slab_debug;
	failslab_reset(cfg.seed);
	slab_hooks_update();
	kmem_cache_init();
	kmem_cache_init_late();
	start_cpu_timers();
}

// The caches' pages go with the machine's memory; what lives outside it is released here.
void slab_teardown()
{
	stop_cpu_timers();
	for (struct kmem_cache &cachep : slab_caches)
		free_kmem_cache_cpus(&cachep);
	slab_caches.clear();
	slab_state = DOWN;
}

} // namespace sim
