// SPDX-License-Identifier: GPL-2.0-only
// Shared-structure traffic (benchmarking.md G12), with a 64-byte cache (64 objects per slab;
// default tunables limit 120, batchcount 60, or tuned through /proc/slabinfo): in an "N
// allocations then N frees" loop on every CPU, the node's list_lock is taken about once per
// batchcount objects, whatever the number of CPUs. The first round is left out: it grows the
// cache to its working size.
#include "slab_test.h"

#include "sim/slab/slabinfo.h"

#include <string>
#include <vector>

using namespace slabtest;

namespace {

// Lock acquisitions per CPU in the second round of the loop, allocations and frees apart.
struct lock_takes {
	double allocs;
	double frees;
	unsigned long slabs_grown; // by the second round's allocations
};

// `tunables`, when given, is written to /proc/slabinfo first ("limit batchcount shared").
lock_takes second_round(unsigned cpus, int n_objects, const std::string &tunables = "")
{
	test_machine m({.nr_cpus = cpus});
	struct kmem_cache *c = kmem_cache_create("lockcount", 64, 0, 0, nullptr);
	REQUIRE(c->num == 64);
	if (tunables.empty()) {
		REQUIRE(c->batchcount == 60);
	} else {
		std::string cmd = "lockcount " + tunables;
		REQUIRE(slabinfo_write(cmd.data(), cmd.size()) == (long)cmd.size());
		REQUIRE(std::to_string(c->limit) + " " + std::to_string(c->batchcount) ==
			tunables.substr(0, tunables.rfind(' ')));
	}
	struct kmem_cache_node *n = get_node(c, 0);
	std::vector<std::vector<void *>> objs(cpus);
	auto alloc_all = [&] {
		for (unsigned cpu = 0; cpu < cpus; cpu++)
			sim::spawn(cpu, "alloc", [&, cpu] {
				for (int i = 0; i < n_objects; i++)
					objs[cpu].push_back(kmem_cache_alloc(c, GFP_KERNEL));
			});
		run_to_completion();
	};
	auto free_all = [&] {
		for (unsigned cpu = 0; cpu < cpus; cpu++)
			sim::spawn(cpu, "free", [&, cpu] {
				for (void *p : objs[cpu])
					kmem_cache_free(c, p);
				objs[cpu].clear();
			});
		run_to_completion();
	};
	alloc_all();
	free_all();
	unsigned long before = n->list_lock.acquisitions, slabs_before = n->total_slabs;
	alloc_all();
	unsigned long allocated = n->list_lock.acquisitions, slabs_after = n->total_slabs;
	free_all();
	unsigned long freed = n->list_lock.acquisitions;
	check_consistent(c, 0);
	return {double(allocated - before) / cpus, double(freed - allocated) / cpus,
		slabs_after - slabs_before};
}

// The G12 bound for 1000 operations: ceil(1000 / batchcount) + 1.
constexpr double bound(int batchcount)
{
	return (1000 + batchcount - 1) / batchcount + 1;
}
constexpr double bound_per_1000 = bound(60);

double per_1000(double takes, int n_objects)
{
	return takes * 1000 / n_objects;
}

} // namespace

TEST_CASE("1000 frees take the node list lock at most ceil(1000/batchcount)+1 times on 1, 2, 8 and 64 CPUs")
{
	for (unsigned cpus : {1u, 2u, 8u, 64u}) {
		INFO(cpus << " CPUs");
		CHECK(per_1000(second_round(cpus, 1000).frees, 1000) <= bound_per_1000);
	}
}

// With N = limit + batchcount the cache keeps every object the loop frees, on any number of
// CPUs: each CPU's array holds limit, and the node batchcount more per CPU (its free_limit is
// (1 + CPUs) x batchcount + num), so each refill finds a batch in the shared array or the
// slab lists and no slab is grown.
TEST_CASE("allocations the node lists can serve take the node list lock at most ceil(1000/batchcount)+1 times per 1000 on 1, 2, 8 and 64 CPUs")
{
	for (unsigned cpus : {1u, 2u, 8u, 64u}) {
		INFO(cpus << " CPUs");
		CHECK(per_1000(second_round(cpus, 180).allocs, 180) <= bound_per_1000);
	}
}

// With N = 1000 the frees give the slabs beyond free_limit back to the page allocator
// (free_block), so every round grows them again, and with batchcount 60 < num 64 a grown
// slab costs two trips to the lock: cache_grow_end files it, and the next refill takes
// the 4 objects the batch left in it. This is v5.4's cost, above the G12 bound; the next
// test shows the bound met once a batch is a whole slab.
TEST_CASE("allocations that must regrow slabs take the node list lock about twice per grown slab")
{
	for (unsigned cpus : {1u, 2u, 8u, 64u}) {
		INFO(cpus << " CPUs");
		lock_takes t = second_round(cpus, 1000);
		double takes = t.allocs;
		CHECK(t.slabs_grown > 0);
		CHECK(takes > bound_per_1000);
		CHECK(takes <= 2 * ((1000 + 63) / 64) + 1);
	}
}

// Tuned so that a batch is a whole slab (limit 128, batchcount 64 = num), a grown slab goes
// to the array in one trip to the lock and leaves nothing behind for the next refill.
TEST_CASE("with batchcount equal to objects per slab, 1000 allocations that regrow slabs take the node list lock at most ceil(1000/batchcount)+1 times on 1, 2, 8 and 64 CPUs")
{
	for (unsigned cpus : {1u, 2u, 8u, 64u}) {
		INFO(cpus << " CPUs");
		lock_takes t = second_round(cpus, 1000, cpus > 1 ? "128 64 8" : "128 64 0");
		CHECK(t.slabs_grown > 0);
		CHECK(per_1000(t.allocs, 1000) <= bound(64));
		CHECK(per_1000(t.frees, 1000) <= bound(64));
	}
}
