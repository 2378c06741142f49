// SPDX-License-Identifier: GPL-2.0-only
// A pool's table reads the pool's own numbers, and the pool says where its elements are.
#include "observe_test.h"

#include "linux/mempool.h"
#include "linux/slab.h"
#include "sim/mempool/mempool.h"
#include "sim/mempool/observe.h"
#include "sim/mm/fault_inject.h"

using namespace observetest;

namespace {

void fail_backing(bool on)
{
	sim::fault_attr_set(sim::fail_mempool_alloc, "probability", on ? 100 : 0);
	sim::fault_attr_set(sim::fail_mempool_alloc, "times", -1);
}

// Runs body with a pool of 4 objects of a 128-byte cache, then destroys both.
void with_slab_pool(const std::function<void(mempool_t *)> &body)
{
	on_cpu(0, [&] {
		struct kmem_cache *c = kmem_cache_create("obs128", 128, 0, 0, nullptr);
		mempool_t *pool = mempool_create_slab_pool(4, c);
		REQUIRE(pool);
		body(pool);
		mempool_destroy(pool);
		kmem_cache_destroy(c);
	});
}

} // namespace

TEST_CASE("every pool field reads that number of the pool")
{
	test_machine m;
	with_slab_pool([](mempool_t *pool) {
		void *a = mempool_alloc(pool, GFP_KERNEL);
		fail_backing(true);
		void *b = mempool_alloc(pool, GFP_KERNEL);
		fail_backing(false);
		mempool_free(b, pool);
		check_fields(sim::mempool_columns(), *pool,
			     {{"id", pool->sim_id}, {"min_nr", 4}, {"curr_nr", 4}, {"lowest_nr", 3},
			      {"outstanding", 1}, {"elemsize", 128}, {"alloc_backing", 1}, {"alloc_reserve", 1},
			      {"alloc_fail", 0}, {"free_reserve", 1}, {"free_backing", 0}, {"sleeps", 0},
			      {"wakeups", 0}, {"timeouts", 0}, {"nr_waiters", 0}, {"max_waiters", 0}});
		mempool_free(a, pool);
	});
}

TEST_CASE("an element in the reserve is placed there")
{
	test_machine m;
	with_slab_pool([](mempool_t *pool) {
		CHECK(sim::mempool_element_where(pool, pool->elements[0]) == sim::element_place::reserve);
	});
}

TEST_CASE("an element mempool_alloc handed out is out, and freed once the pool gives it back")
{
	test_machine m;
	with_slab_pool([](mempool_t *pool) {
		void *e = mempool_alloc(pool, GFP_KERNEL);
		CHECK(sim::mempool_element_where(pool, e) == sim::element_place::out);
		mempool_free(e, pool); // the reserve is full: back to the cache
		CHECK(sim::mempool_element_where(pool, e) == sim::element_place::freed);
	});
}

TEST_CASE("a page pool's block is out while handed out, and freed once back with the page allocator")
{
	test_machine m;
	on_cpu(0, [] {
		mempool_t *pool = mempool_create_page_pool(2, 1);
		void *block = mempool_alloc(pool, GFP_KERNEL);
		CHECK(sim::mempool_element_where(pool, block) == sim::element_place::out);
		mempool_free(block, pool);
		CHECK(sim::mempool_element_where(pool, block) == sim::element_place::freed);
		mempool_destroy(pool);
	});
}

TEST_CASE("a freed element that refills the reserve is in the reserve")
{
	test_machine m;
	with_slab_pool([](mempool_t *pool) {
		fail_backing(true);
		void *e = mempool_alloc(pool, GFP_KERNEL);
		fail_backing(false);
		CHECK(sim::mempool_element_where(pool, e) == sim::element_place::out);
		mempool_free(e, pool);
		CHECK(sim::mempool_element_where(pool, e) == sim::element_place::reserve);
	});
}

TEST_CASE("an element outside the machine's memory is unknown once it leaves the reserve")
{
	test_machine m;
	static std::byte host_blocks[2][64];
	static int next;
	on_cpu(0, [] {
		mempool_t *pool = mempool_create(
			1, [](gfp_t, void *) -> void * { return host_blocks[next++ % 2]; }, [](void *, void *) {}, nullptr);
		void *e = mempool_alloc(pool, GFP_KERNEL);
		CHECK(sim::mempool_element_where(pool, e) == sim::element_place::unknown);
		mempool_free(e, pool);
		mempool_destroy(pool);
	});
}

TEST_CASE("the pool says whether the element it just handed out came from the reserve")
{
	test_machine m;
	with_slab_pool([](mempool_t *pool) {
		void *a = mempool_alloc(pool, GFP_KERNEL);
		CHECK(sim::mempool_handed_out_from(pool, a) == sim::mempool_from::backing);
		fail_backing(true);
		void *b = mempool_alloc(pool, GFP_KERNEL);
		fail_backing(false);
		CHECK(sim::mempool_handed_out_from(pool, b) == sim::mempool_from::reserve);
		CHECK(sim::mempool_handed_out_from(pool, nullptr) == sim::mempool_from::none);
		mempool_free(a, pool);
		mempool_free(b, pool);
	});
}

TEST_CASE("element places have names")
{
	CHECK(std::string(sim::element_place_name(sim::element_place::reserve)) == "reserve");
	CHECK(std::string(sim::element_place_name(sim::element_place::out)) == "out");
	CHECK(std::string(sim::element_place_name(sim::element_place::freed)) == "freed");
	CHECK(std::string(sim::element_place_name(sim::element_place::unknown)) == "unknown");
}
