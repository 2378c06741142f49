// SPDX-License-Identifier: GPL-2.0-only
// The tunables: per-CPU array size (limit), transfer unit (batchcount) and shared array
// factor, chosen by object size (enable_cpucache) or written to /proc/slabinfo
// (slabinfo_write), and applied by do_tune_cpucache (mm/slab.c).
#include "sim/slab/slab.h"

#include "linux/jiffies.h"
#include "linux/percpu.h"
#include "linux/printk.h"
#include "sim/trace/trace.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

void kmem_cache_node_init(struct kmem_cache_node *parent)
{
	std::construct_at(parent);
	spin_lock_init(&parent->list_lock);
}

static void init_arraycache(struct array_cache *ac, int limit, int batch)
{
	ac->avail = 0;
	ac->limit = (unsigned int)limit;
	ac->batchcount = (unsigned int)batch;
	ac->touched = 0;
}

struct array_cache *alloc_arraycache(int node, int entries, int batchcount, gfp_t gfp)
{
	size_t memsize = sizeof(void *) * entries + sizeof(struct array_cache);
	auto *ac = static_cast<struct array_cache *>(kmalloc_node(memsize, gfp, node));

	if (ac)
		init_arraycache(ac, entries, batchcount);
	return ac;
}

// The per-CPU arrays come from the per-CPU allocator, not from slab (as in the kernel).
static struct array_cache *alloc_kmem_cache_cpus(int entries, int batchcount)
{
	size_t size = sizeof(void *) * entries + sizeof(struct array_cache);
	auto *cpu_cache = static_cast<struct array_cache *>(__alloc_percpu(size, sizeof(void *)));
	int cpu;

	if (!cpu_cache)
		return nullptr;
	for_each_possible_cpu(cpu)
		init_arraycache(per_cpu_ptr(cpu_cache, cpu), entries, batchcount);
	return cpu_cache;
}

void free_kmem_cache_cpus(struct kmem_cache *cachep)
{
	free_percpu(cachep->cpu_cache);
	cachep->cpu_cache = nullptr;
}

static void set_free_limit(struct kmem_cache *cachep, struct kmem_cache_node *n)
{
	// Room for every CPU's batch plus one: enough free objects to absorb a flush per CPU.
	n->free_limit = (1 + nr_cpu_ids) * cachep->batchcount + cachep->num;
}

static void init_reap_time(struct kmem_cache *cachep, struct kmem_cache_node *n)
{
	// Staggered by the cache's address so that caches are not all reaped in the same pass,
	// as mm/slab.c does: the address the kernel would see (direct map, or kernel image for
	// kmem_cache_boot), never the host's, which ASLR moves from run to run.
	n->next_reap = jiffies + REAPTIMEOUT_NODE + sim::kernel_address(cachep) % REAPTIMEOUT_NODE;
}

static int init_cache_node(struct kmem_cache *cachep, int node, gfp_t gfp)
{
	struct kmem_cache_node *n = get_node(cachep, node);

	if (!n) {
		n = static_cast<struct kmem_cache_node *>(
			kmalloc_node(sizeof(struct kmem_cache_node), gfp, node));
		if (!n)
			return -ENOMEM;
		kmem_cache_node_init(n);
		init_reap_time(cachep, n);
		cachep->node[node] = n;
	}
	spin_lock_irq(&n->list_lock);
	set_free_limit(cachep, n);
	spin_unlock_irq(&n->list_lock);
	return 0;
}

// Gives the node a new shared array of shared * batchcount entries (or none), returning
// the old array's objects to their slabs.
static int setup_kmem_cache_node(struct kmem_cache *cachep, int node, gfp_t gfp)
{
	struct array_cache *new_shared = nullptr;
	page_list list;

	if (cachep->shared) {
		new_shared = alloc_arraycache(node, (int)(cachep->shared * cachep->batchcount),
					      (int)SHARED_ARRAY_BATCH, gfp);
		if (!new_shared)
			return -ENOMEM;
	}
	int ret = init_cache_node(cachep, node, gfp);
	if (ret) {
		kfree(new_shared);
		return ret;
	}
	struct kmem_cache_node *n = get_node(cachep, node);
	spin_lock_irq(&n->list_lock);
	struct array_cache *old_shared = n->shared;
	if (old_shared)
		free_block(cachep, old_shared->entry, (int)old_shared->avail, node, list);
	n->shared = new_shared;
	spin_unlock_irq(&n->list_lock);
	slabs_destroy(cachep, list);
	kfree(old_shared);
	return 0;
}

// New arrays for every CPU first, then the old arrays' objects go back to their slabs.
int do_tune_cpucache(struct kmem_cache *cachep, int limit, int batchcount, int shared, gfp_t gfp)
{
	struct array_cache *cpu_cache = alloc_kmem_cache_cpus(limit, batchcount);
	int cpu;

	if (!cpu_cache)
		return -ENOMEM;
	struct array_cache *prev = cachep->cpu_cache;
	cachep->cpu_cache = cpu_cache;
	cachep->batchcount = (unsigned int)batchcount;
	cachep->limit = (unsigned int)limit;
	cachep->shared = (unsigned int)shared;

	if (prev) {
		for_each_online_cpu(cpu) {
			struct array_cache *ac = per_cpu_ptr(prev, cpu);
			struct kmem_cache_node *n = get_node(cachep, numa_mem_id());
			page_list list;

			spin_lock_irq(&n->list_lock);
			free_block(cachep, ac->entry, (int)ac->avail, numa_mem_id(), list);
			spin_unlock_irq(&n->list_lock);
			slabs_destroy(cachep, list);
		}
		free_percpu(prev);
	}
	return setup_kmem_cache_node(cachep, numa_mem_id(), gfp);
}

// Array sizes by object size: small objects get long arrays, big ones short. "The numbers
// are guessed, we should auto-tune as described by Bonwick" (mm/slab.c).
int enable_cpucache(struct kmem_cache *cachep, gfp_t gfp)
{
	int limit, shared = 0;

	if (cachep->size > 131072)
		limit = 1;
	else if (cachep->size > PAGE_SIZE)
		limit = 8;
	else if (cachep->size > 1024)
		limit = 24;
	else if (cachep->size > 256)
		limit = 54;
	else
		limit = 120;
	// The shared array passes objects between CPUs (Bonwick's magazine layer); on one CPU
	// it would only be a longer array.
	if (cachep->size <= PAGE_SIZE && num_possible_cpus() > 1)
		shared = 8;
	// Debugging work runs with interrupts off: keep batches short.
	if (sim::slab_stats && limit > 32)
		limit = 32;

	int err = do_tune_cpucache(cachep, limit, (limit + 1) / 2, shared, gfp);
	if (err)
		pr_err("enable_cpucache failed for %s, error %d\n", cachep->name, -err);
	return err;
}

// During boot every cache starts with one-entry arrays; kmem_cache_init_late sizes them.
// The first two caches get static node structures, as kmalloc cannot serve them yet.
int setup_cpu_cache(struct kmem_cache *cachep, gfp_t gfp)
{
	static struct kmem_cache_node init_kmem_cache_node[2 * MAX_NUMNODES];

	if (slab_state >= FULL)
		return enable_cpucache(cachep, gfp);
	cachep->cpu_cache = alloc_kmem_cache_cpus(1, 1);
	if (!cachep->cpu_cache)
		return 1;
	if (slab_state == DOWN || slab_state == PARTIAL) {
		struct kmem_cache_node *n = &init_kmem_cache_node[slab_state == DOWN ? 0 : 1];

		kmem_cache_node_init(n);
		cachep->node[0] = n;
	} else {
		auto *n = static_cast<struct kmem_cache_node *>(
			kmalloc_node(sizeof(struct kmem_cache_node), gfp, 0));
		if (!n)
			return -ENOMEM;
		kmem_cache_node_init(n);
		cachep->node[0] = n;
	}
	init_reap_time(cachep, cachep->node[0]);
	cachep->batchcount = 1;
	cachep->limit = BOOT_CPUCACHE_ENTRIES;
	return 0;
}

#define MAX_SLABINFO_WRITE 128

// "name limit batchcount shared". Values out of range are ignored, yet reported as written,
// as the kernel does; an unknown name or fewer than three numbers is -EINVAL.
long slabinfo_write(const char *buffer, size_t count)
{
	char kbuf[MAX_SLABINFO_WRITE + 1];
	int limit, batchcount, shared;

	if (count > MAX_SLABINFO_WRITE)
		return -EINVAL;
	memcpy(kbuf, buffer, count);
	kbuf[count] = '\0';
	char *tmp = strchr(kbuf, ' ');
	if (!tmp)
		return -EINVAL;
	*tmp++ = '\0';
	if (sscanf(tmp, " %d %d %d", &limit, &batchcount, &shared) != 3)
		return -EINVAL;

	for (struct kmem_cache &cachep : slab_caches) {
		if (strcmp(cachep.name, kbuf))
			continue;
		if (limit < 1 || batchcount < 1 || batchcount > limit || shared < 0)
			return (long)count;
		int res = do_tune_cpucache(&cachep, limit, batchcount, shared, GFP_KERNEL);
		return res < 0 ? res : (long)count;
	}
	return -EINVAL;
}
