// SPDX-License-Identifier: GPL-2.0-only
// Random allocation and free on several CPUs, with fault injection failing some requests:
// whatever happens, lists, counters, arrays and slabinfo agree.
#include "slab_test.h"

#include "sim/mm/fail_page_alloc.h"

#include <random>
#include <vector>

using namespace slabtest;

TEST_CASE("random alloc and free on four CPUs under fault injection keep every count consistent")
{
	test_machine m({.nr_cpus = 4});
	struct kmem_cache *caches[] = {
		kmem_cache_create("inv64", 64, 0, 0, nullptr),
		kmem_cache_create("inv700", 700, 0, SLAB_HWCACHE_ALIGN, nullptr),
		kmem_cache_create("inv5000", 5000, 0, 0, nullptr),
	};
	REQUIRE(sim::failslab_set("probability", 5));
	REQUIRE(sim::failslab_set("times", -1));
	REQUIRE(sim::failslab_set("ignore-gfp-wait", 0));
	REQUIRE(sim::failslab_set("verbose", 0));
	REQUIRE(sim::fail_page_alloc_set("probability", 5));
	REQUIRE(sim::fail_page_alloc_set("times", -1));
	REQUIRE(sim::fail_page_alloc_set("min-order", 0));
	REQUIRE(sim::fail_page_alloc_set("verbose", 0));

	std::vector<std::pair<int, void *>> live; // cache index, object (shared by all CPUs)
	std::mt19937 rng(7);
	unsigned long failures = 0;
	for (int round = 0; round < 40; round++) {
		unsigned cpu = rng() % 4;
		on_cpu(cpu, [&] {
			for (int i = 0; i < 200; i++) {
				if (live.empty() || rng() % 3) {
					int k = (int)(rng() % 3);
					void *p = kmem_cache_alloc(caches[k], GFP_ATOMIC);
					if (p)
						live.emplace_back(k, p);
					else
						failures++;
				} else {
					size_t at = rng() % live.size();
					kmem_cache_free(caches[live[at].first], live[at].second);
					live[at] = live.back();
					live.pop_back();
				}
			}
		});
	}
	CHECK(failures > 0);
	for (int k = 0; k < 3; k++) {
		INFO(caches[k]->name);
		unsigned long held = std::count_if(live.begin(), live.end(), [k](auto &e) { return e.first == k; });
		check_consistent(caches[k], held);
	}
}
