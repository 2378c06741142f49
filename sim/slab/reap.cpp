// SPDX-License-Identifier: GPL-2.0-only
// Giving memory back: the periodic reaper trims idle arrays and surplus free slabs on the
// virtual clock; shrink empties everything (mm/slab.c cache_reap, drain_array,
// drain_freelist, __kmem_cache_shrink).
#include "sim/slab/slab.h"
#include "sim/slab/trace_events.h"

#include "linux/jiffies.h"
#include "linux/kernel.h"
#include "linux/workqueue.h"

#include <climits>
#include <cstring>

// Frees `tofree` objects (all, or a fifth of the limit) from the bottom of an array, with
// the node's lock held: the oldest objects are the coldest in the CPU's cache.
static void drain_array_locked(struct kmem_cache *cachep, struct array_cache *ac, int node,
			       bool free_all, page_list &list)
{
	if (!ac || !ac->avail)
		return;
	unsigned int tofree = free_all ? ac->avail : (ac->limit + 4) / 5;
	if (tofree > ac->avail)
		tofree = (ac->avail + 1) / 2;
	free_block(cachep, ac->entry, (int)tofree, node, list);
	ac->avail -= tofree;
	memmove(ac->entry, &ac->entry[tofree], sizeof(void *) * ac->avail);
}

// An array used since the last pass is left alone this time (only marked untouched).
static void drain_array(struct kmem_cache *cachep, struct kmem_cache_node *n,
			struct array_cache *ac, int node)
{
	page_list list;

	if (!ac || !ac->avail)
		return;
	if (ac->touched) {
		ac->touched = 0;
		return;
	}
	spin_lock_irq(&n->list_lock);
	drain_array_locked(cachep, ac, node, false, list);
	spin_unlock_irq(&n->list_lock);
	slabs_destroy(cachep, list);
}

// Destroys up to tofree slabs from the tail of slabs_free (the longest free); returns how many.
int drain_freelist(struct kmem_cache *cache, struct kmem_cache_node *n, int tofree)
{
	int nr_freed = 0;

	while (nr_freed < tofree && !n->slabs_free.empty()) {
		spin_lock_irq(&n->list_lock);
		if (n->slabs_free.empty()) {
			spin_unlock_irq(&n->list_lock);
			break;
		}
		struct page *page = &n->slabs_free.back();
		n->slabs_free.pop_back();
		n->free_slabs--;
		n->total_slabs--;
		n->free_objects -= cache->num;
		spin_unlock_irq(&n->list_lock);
		slab_destroy(cache, page);
		nr_freed++;
	}
	return nr_freed;
}

// Every CPU's array back into the slabs. The kernel runs this on each CPU by IPI; the
// simulator's CPUs take turns, so one pass over their arrays is the same.
static void drain_cpu_caches(struct kmem_cache *cachep)
{
	int node = numa_mem_id();
	struct kmem_cache_node *n = get_node(cachep, node);
	page_list list;
	int cpu;

	spin_lock_irq(&n->list_lock);
	for_each_online_cpu(cpu)
		drain_array_locked(cachep, per_cpu_ptr(cachep->cpu_cache, cpu), node, true, list);
	drain_array_locked(cachep, n->shared, node, true, list);
	spin_unlock_irq(&n->list_lock);
	slabs_destroy(cachep, list);
}

// Returns 1 if slabs with allocated objects remain, 0 if every slab was released.
int __kmem_cache_shrink(struct kmem_cache *cachep)
{
	int ret = 0;

	drain_cpu_caches(cachep);
	for (int node = 0; node < MAX_NUMNODES; node++) {
		struct kmem_cache_node *n = get_node(cachep, node);
		int freed = drain_freelist(cachep, n, INT_MAX);

		trace_slab_shrink(cachep, freed);
		ret += !n->slabs_full.empty() || !n->slabs_partial.empty();
	}
	return ret ? 1 : 0;
}

// kernel/time/timer.c: round to a whole second, skewed by 3 jiffies per CPU so that CPUs
// do not all reap at the same tick.
static unsigned long round_jiffies_common(unsigned long j, int cpu)
{
	unsigned long original = j;

	j += cpu * 3;
	unsigned long rem = j % HZ;
	if (rem < HZ / 4)
		j -= rem;
	else
		j = j - rem + HZ;
	j -= cpu * 3;
	return time_is_after_jiffies(j) ? j : original;
}

static unsigned long __round_jiffies_relative(unsigned long j, int cpu)
{
	unsigned long j0 = jiffies;

	return round_jiffies_common(j + j0, cpu) - j0;
}

static DEFINE_PER_CPU(struct delayed_work, slab_reap_work);

// Runs every ~2 s on each CPU (in its kworker): trims this CPU's idle arrays; every ~4 s
// per node also the shared array, and, if slabs_free went unused, a fifth of free_limit's
// worth of free slabs.
static void cache_reap(struct work_struct *w)
{
	struct delayed_work *work = to_delayed_work(w);
	int node = numa_mem_id();

	for (struct kmem_cache &searchp : slab_caches) {
		struct kmem_cache_node *n = get_node(&searchp, node);

		drain_array(&searchp, n, cpu_cache_get(&searchp), node);
		if (time_after(n->next_reap, jiffies))
			continue;
		n->next_reap = jiffies + REAPTIMEOUT_NODE;
		drain_array(&searchp, n, n->shared, node);
		if (n->free_touched) {
			n->free_touched = 0;
		} else {
			int freed = drain_freelist(&searchp, n,
						   (n->free_limit + 5 * searchp.num - 1) / (5 * searchp.num));
			STATS_ADD_REAPED(&searchp, freed);
			trace_slab_reap(&searchp, freed);
		}
	}
	schedule_delayed_work_on(smp_processor_id(), work,
				 __round_jiffies_relative(REAPTIMEOUT_AC, smp_processor_id()));
}

// The first pass comes about a second after boot (cpucache_init / start_cpu_timer).
void start_cpu_timers(void)
{
	int cpu;

	for_each_online_cpu(cpu) {
		struct delayed_work *reap_work = &per_cpu(slab_reap_work, cpu);

		INIT_DEFERRABLE_WORK(reap_work, cache_reap);
		schedule_delayed_work_on(cpu, reap_work, __round_jiffies_relative(HZ, cpu));
	}
}

void stop_cpu_timers(void)
{
	int cpu;

	for_each_online_cpu(cpu)
		cancel_delayed_work_sync(&per_cpu(slab_reap_work, cpu));
}
