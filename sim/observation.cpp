// SPDX-License-Identifier: GPL-2.0-only
#include "sim/observation.h"

#include "sim/mempool/mempool.h"
#include "sim/mempool/observe.h"
#include "sim/mm/observe.h"
#include "sim/sched/observe.h"
#include "sim/slab/observe.h"

namespace sim {

namespace {
template <class... Tables, class T> row read_row(std::string name, const T &obj, Tables... tables)
{
	row r{std::move(name), {}, {}};
	(read_into(r, tables, obj), ...);
	return r;
}
} // namespace

observation observe_machine()
{
	observation o;
	for (const mempool_t *pool : mempools())
		o.pools.push_back(read_row(pool->sim_name, *pool, mempool_columns()));
	for (const slabinfo_row &s : slabinfo_rows())
		o.slabinfo.push_back(read_row(slabinfo_row_name(s), s, slabinfo_columns(), slabinfo_stat_columns()));
	for (const struct zone *zone : populated_zones())
		o.zones.push_back(read_row(zone->name, *zone, zone_fields(), free_area_fields()));
	o.node = read_row("node0", contig_page_data, node_fields());
	o.meminfo = read_row("meminfo", read_meminfo(), meminfo_fields());
	for (const task_struct *t : tasks())
		o.tasks.push_back(read_row(t->comm, *t, task_fields(), task_text_fields()));
	return o;
}

} // namespace sim
