// SPDX-License-Identifier: GPL-2.0-only
// /proc/slabinfo, byte for byte as v5.4's SLAB prints it (mm/slab_common.c cache_show,
// mm/slab.c get_slabinfo and slabinfo_show_stats).
#include "sim/slab/slabinfo.h"
#include "sim/slab/slab.h"

#include <fmt/format.h>
#include <fmt/printf.h>

// Objects in any array cache count as active: only free objects inside slabs are free.
void get_slabinfo(struct kmem_cache *cachep, struct slabinfo *sinfo)
{
	unsigned long total_slabs = 0, free_objs = 0, shared_avail = 0, free_slabs = 0;

	for (int node = 0; node < MAX_NUMNODES; node++) {
		struct kmem_cache_node *n = get_node(cachep, node);

		spin_lock_irq(&n->list_lock);
		total_slabs += n->total_slabs;
		free_slabs += n->free_slabs;
		free_objs += n->free_objects;
		if (n->shared)
			shared_avail += n->shared->avail;
		spin_unlock_irq(&n->list_lock);
	}
	sinfo->num_objs = total_slabs * cachep->num;
	sinfo->active_slabs = total_slabs - free_slabs;
	sinfo->active_objs = sinfo->num_objs - free_objs;
	sinfo->num_slabs = total_slabs;
	sinfo->shared_avail = shared_avail;
	sinfo->limit = cachep->limit;
	sinfo->batchcount = cachep->batchcount;
	sinfo->shared = cachep->shared;
	sinfo->objects_per_slab = cachep->num;
	sinfo->cache_order = cachep->gfporder;
}

static void print_slabinfo_header(std::string &m)
{
	m += sim::slab_stats ? "slabinfo - version: 2.1 (statistics)\n" : "slabinfo - version: 2.1\n";
	m += "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>";
	m += " : tunables <limit> <batchcount> <sharedfactor>";
	m += " : slabdata <active_slabs> <num_slabs> <sharedavail>";
	if (sim::slab_stats) {
		m += " : globalstat <listallocs> <maxobjs> <grown> <reaped> <error> <maxfreeable> "
		     "<nodeallocs> <remotefrees> <alienoverflow>";
		m += " : cpustat <allochit> <allocmiss> <freehit> <freemiss>";
	}
	m += '\n';
}

static void slabinfo_show_stats(std::string &m, struct kmem_cache *c)
{
	m += fmt::sprintf(" : globalstat %7lu %6lu %5lu %4lu %4lu %4lu %4lu %4lu %4lu",
			  c->num_allocations, c->high_mark, c->grown, c->reaped, c->errors,
			  c->max_freeable, c->node_allocs, c->node_frees, c->node_overflow);
	m += fmt::sprintf(" : cpustat %6lu %6lu %6lu %6lu", (unsigned long)c->allochit.counter,
			  (unsigned long)c->allocmiss.counter, (unsigned long)c->freehit.counter,
			  (unsigned long)c->freemiss.counter);
}

static void cache_show(std::string &m, struct kmem_cache *s)
{
	struct slabinfo sinfo = {};

	get_slabinfo(s, &sinfo);
	m += fmt::sprintf("%-17s %6lu %6lu %6u %4u %4d", s->name, sinfo.active_objs, sinfo.num_objs,
			  s->size, sinfo.objects_per_slab, 1 << sinfo.cache_order);
	m += fmt::sprintf(" : tunables %4u %4u %4u", sinfo.limit, sinfo.batchcount, sinfo.shared);
	m += fmt::sprintf(" : slabdata %6lu %6lu %6lu", sinfo.active_slabs, sinfo.num_slabs,
			  sinfo.shared_avail);
	if (sim::slab_stats)
		slabinfo_show_stats(m, s);
	m += '\n';
}

namespace sim {

std::string slabinfo()
{
	std::string m;

	print_slabinfo_header(m);
	for (struct kmem_cache &s : slab_caches)
		cache_show(m, &s);
	return m;
}

struct kmem_cache *find_cache(const std::string &name)
{
	for (struct kmem_cache &s : slab_caches)
		if (name == s.name)
			return &s;
	return nullptr;
}

} // namespace sim
