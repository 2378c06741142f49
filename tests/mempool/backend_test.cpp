// SPDX-License-Identifier: GPL-2.0-only
// The stock element allocators: slab cache, kmalloc and pages, each behind a pool, and each
// falling back to the reserve when the real allocator fails (through its fault injection).
#include "mempool_test.h"

#include "linux/mm.h"
#include "linux/slab.h"
#include "sim/mm/fail_page_alloc.h"
#include "sim/slab/failslab.h"

#include <cstring>

using namespace mempooltest;

namespace {

void fail_every_call(bool (*set)(const std::string &, long))
{
	set("probability", 100);
	set("times", -1);
	set("verbose", 0);
	set("ignore-gfp-wait", 0);
}

} // namespace

TEST_CASE("a slab pool serves objects of its cache and falls back to its reserve when the cache fails")
{
	test_machine m;
	on_cpu(0, [] {
		struct kmem_cache *cache = kmem_cache_create("mp_obj", 200, 0, 0, nullptr);
		mempool_t *pool = mempool_create_slab_pool(3, cache);
		REQUIRE(pool);
		CHECK(std::string(pool->sim_name) == "slab:mp_obj");
		CHECK(sim::mempool_element_size(pool) == 200);

		void *fresh = mempool_alloc(pool, GFP_NOIO);
		fail_every_call(sim::failslab_set);
		void *reserved = mempool_alloc(pool, GFP_NOIO);
		sim::failslab_set("probability", 0);
		CHECK(pool->sim_stats.alloc_backing == 1);
		CHECK(pool->sim_stats.alloc_reserve == 1);
		CHECK(pool->curr_nr == 2);

		mempool_free(reserved, pool);
		mempool_free(fresh, pool);
		mempool_destroy(pool);
		kmem_cache_destroy(cache);
	});
	CHECK(!logged("still has objects"));
}

TEST_CASE("a kmalloc pool serves blocks of its size and falls back to its reserve when kmalloc fails")
{
	test_machine m;
	on_cpu(1, [] {
		mempool_t *pool = mempool_create_kmalloc_pool(2, 100);
		REQUIRE(pool);
		CHECK(std::string(pool->sim_name) == "kmalloc:100");

		void *fresh = mempool_alloc(pool, GFP_KERNEL);
		CHECK(ksize(fresh) >= 100);
		fail_every_call(sim::failslab_set);
		void *reserved = mempool_alloc(pool, GFP_KERNEL);
		sim::failslab_set("probability", 0);
		CHECK(reserved);
		CHECK(pool->sim_stats.alloc_reserve == 1);

		mempool_free(reserved, pool);
		mempool_free(fresh, pool);
		mempool_destroy(pool);
	});
}

TEST_CASE("a page pool serves blocks of its order and falls back to its reserve when the page allocator fails")
{
	test_machine m;
	on_cpu(0, [] {
		mempool_t *pool = mempool_create_page_pool(2, 1);
		REQUIRE(pool);
		CHECK(std::string(pool->sim_name) == "pages:1");
		CHECK(sim::mempool_element_size(pool) == 2 * PAGE_SIZE);

		auto *fresh = static_cast<struct page *>(mempool_alloc(pool, GFP_KERNEL));
		REQUIRE(fresh);
		std::memset(page_address(fresh), 1, 2 * PAGE_SIZE); // the whole block is ours
		fail_every_call(sim::fail_page_alloc_set);
		void *reserved = mempool_alloc(pool, GFP_KERNEL);
		sim::fail_page_alloc_set("probability", 0);
		CHECK(reserved);
		CHECK(pool->sim_stats.alloc_reserve == 1);

		mempool_free(reserved, pool);
		mempool_free(fresh, pool);
		mempool_destroy(pool);
	});
}

// Seed 003: md raid1 sizes each r1bio from the pool_data it passes its own alloc function.
TEST_CASE("a pool with its own alloc function sizes elements from pool_data, as raid1's r1bio pool")
{
	struct pool_info {
		int raid_disks;
	};
	struct r1bio {
		int state;
		void *bios[];
	};
	struct r1 {
		static void *alloc(gfp_t gfp, void *data)
		{
			auto *pi = static_cast<pool_info *>(data);
			return kzalloc(sizeof(r1bio) + pi->raid_disks * sizeof(void *), gfp);
		}
		static void free(void *element, void *data) { kfree(element); }
	};
	test_machine m;
	on_cpu(0, [] {
		pool_info two{2}, eight{8};
		mempool_t *small = mempool_create(2, r1::alloc, r1::free, &two);
		mempool_t *big = mempool_create(2, r1::alloc, r1::free, &eight);
		void *e = mempool_alloc(big, GFP_NOIO);
		CHECK(ksize(e) >= sizeof(r1bio) + 8 * sizeof(void *));
		CHECK(ksize(small->elements[0]) < ksize(e));
		CHECK(sim::mempool_element_size(big) == 0);
		mempool_free(e, big);
		mempool_destroy(small);
		mempool_destroy(big);
	});
}
