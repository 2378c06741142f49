// SPDX-License-Identifier: GPL-2.0-only
// Shared-structure traffic (benchmarking.md G12): in an "N allocations then N frees" loop on
// every CPU, the node's list_lock is taken about once per batchcount objects, whatever the
// number of CPUs. The transfer unit is tuned to one slab (64 objects of 64 bytes): with the
// default batchcount of 60 each new slab leaves 4 objects behind, and fetching them costs a
// second lock per slab (v5.4 does the same; see docs/slab.md).
#include "slab_test.h"

#include <vector>

using namespace slabtest;

namespace {

constexpr int N = 1000;

// Lock acquisitions per CPU during the allocation half of the second round (the first
// round grows the cache to its working size).
double lock_takes_per_cpu(unsigned cpus)
{
	sim::machine m(config(cpus));
	struct kmem_cache *c = kmem_cache_create("lockcount", 64, 0, 0, nullptr);
	std::string tune = "lockcount 120 64 8";
	REQUIRE(slabinfo_write(tune.data(), tune.size()) == (long)tune.size());
	REQUIRE(c->num == 64);
	struct kmem_cache_node *n = get_node(c, 0);
	std::vector<std::vector<void *>> objs(cpus);
	auto alloc_all = [&] {
		for (unsigned cpu = 0; cpu < cpus; cpu++)
			sim::spawn(cpu, "alloc", [&, cpu] {
				for (int i = 0; i < N; i++)
					objs[cpu].push_back(kmem_cache_alloc(c, GFP_KERNEL));
			});
		sim::run();
	};
	auto free_all = [&] {
		for (unsigned cpu = 0; cpu < cpus; cpu++)
			sim::spawn(cpu, "free", [&, cpu] {
				for (void *p : objs[cpu])
					kmem_cache_free(c, p);
				objs[cpu].clear();
			});
		sim::run();
	};
	alloc_all();
	free_all();
	unsigned long before = n->list_lock.acquisitions;
	alloc_all();
	unsigned long taken = n->list_lock.acquisitions - before;
	free_all();
	check_consistent(c, 0);
	return (double)taken / cpus;
}

} // namespace

TEST_CASE("the node list lock is taken at most ceil(1000/batchcount)+1 times per 1000 allocations on 1, 2, 8 and 64 CPUs")
{
	for (unsigned cpus : {1u, 2u, 8u, 64u}) {
		INFO(cpus << " CPUs");
		CHECK(lock_takes_per_cpu(cpus) <= (N + 63) / 64 + 1);
	}
}
