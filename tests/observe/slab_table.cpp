// SPDX-License-Identifier: GPL-2.0-only
// A cache's slabinfo table reads get_slabinfo's summary and the cache's own counters.
#include "observe_test.h"

#include "linux/slab.h"
#include "sim/slab/observe.h"
#include "sim/slab/slab.h"

using namespace observetest;

TEST_CASE("every slabinfo column reads that number of the cache's summary")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("obs100", 100, 0, 0, nullptr);
	on_cpu(0, [&] { kmem_cache_alloc(c, GFP_KERNEL); });
	// One slab of 39 objects, 16 of them taken into the CPU's array by the cold refill.
	sim::slabinfo_row r = sim::read_slabinfo_row(c);
	check_fields(sim::slabinfo_columns(), r,
		     {{"active_objs", 16}, {"num_objs", 39}, {"objsize", 104}, {"objperslab", 39},
		      {"pagesperslab", 1}, {"limit", 120}, {"batchcount", 60}, {"sharedfactor", 8},
		      {"active_slabs", 1}, {"num_slabs", 1}, {"sharedavail", 0}});
}

TEST_CASE("every statistics column reads that counter of the cache")
{
	test_machine m({.slab_debug = true});
	struct kmem_cache *c = kmem_cache_create("obs100", 100, 0, 0, nullptr);
	on_cpu(0, [&] { kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL)); });
	sim::slabinfo_row r = sim::read_slabinfo_row(c);
	check_fields(sim::slabinfo_stat_columns(), r,
		     {{"listallocs", long(c->num_allocations)}, {"maxobjs", long(c->high_mark)},
		      {"grown", 1}, {"reaped", long(c->reaped)}, {"error", 0},
		      {"maxfreeable", long(c->max_freeable)}, {"nodeallocs", 0}, {"remotefrees", 0},
		      {"alienoverflow", 0}, {"allochit", 0}, {"allocmiss", 1}, {"freehit", 1}, {"freemiss", 0}});
	CHECK(c->num_allocations > 0);
}

TEST_CASE("the slabinfo rows are the caches, newest first")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("obs_newest", 64, 0, 0, nullptr);
	std::vector<sim::slabinfo_row> rows = sim::slabinfo_rows();
	REQUIRE(!rows.empty());
	CHECK(rows.front().cache == c);
	CHECK(std::string(sim::slabinfo_row_name(rows.front())) == "obs_newest");
	CHECK(rows.size() == std::size_t(std::distance(slab_caches.begin(), slab_caches.end())));
}
