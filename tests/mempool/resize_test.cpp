// SPDX-License-Identifier: GPL-2.0-only
// mempool_resize growing and shrinking, with elements out while it runs.
#include "mempool_test.h"

using namespace mempooltest;

TEST_CASE("growing a pool while elements are out tops the reserve up from the allocator")
{
	test_machine m;
	backing back;
	with_pool(back, 2, [&](mempool_t *pool) {
		std::vector<void *> out = take_reserved(pool, back, 2);
		CHECK(mempool_resize(pool, 4) == 0);
		CHECK(pool->min_nr == 4);
		CHECK(pool->curr_nr == 4);
		free_all(pool, out); // the reserve is full: both go to the allocator
		CHECK(pool->sim_stats.free_backing == 2);
		CHECK(back.live == 4);
	});
}

TEST_CASE("growing with a failing allocator leaves the reserve short, returns 0, and frees fill it")
{
	test_machine m;
	backing back;
	with_pool(back, 2, [&](mempool_t *pool) {
		std::vector<void *> out = take_reserved(pool, back, 2);
		back.fail = true;
		CHECK(mempool_resize(pool, 3) == 0);
		CHECK(pool->min_nr == 3);
		CHECK(pool->curr_nr == 0);
		free_all(pool, out);
		CHECK(pool->curr_nr == 2);
		CHECK(!mempool_is_saturated(pool));
	});
}

TEST_CASE("shrinking a pool frees the reserve's surplus to the allocator")
{
	test_machine m;
	backing back;
	with_pool(back, 4, [&](mempool_t *pool) {
		CHECK(mempool_resize(pool, 1) == 0);
		CHECK(pool->min_nr == 1);
		CHECK(pool->curr_nr == 1);
		CHECK(back.live == 1);
	});
}

TEST_CASE("elements out while a pool shrinks go to the allocator when they come back")
{
	test_machine m;
	backing back;
	with_pool(back, 3, [&](mempool_t *pool) {
		std::vector<void *> out = take_reserved(pool, back, 2);
		CHECK(mempool_resize(pool, 1) == 0);
		CHECK(pool->curr_nr == 1);
		free_all(pool, out);
		CHECK(pool->curr_nr == 1);
		CHECK(pool->sim_stats.free_backing == 2);
		CHECK(back.live == 1);
	});
}

TEST_CASE("resizing to zero or less is refused with a warning and changes nothing")
{
	test_machine m;
	backing back;
	with_pool(back, 2, [&](mempool_t *pool) {
		CHECK(mempool_resize(pool, 0) == -EINVAL);
		CHECK(mempool_resize(pool, -3) == -EINVAL);
		CHECK(pool->min_nr == 2);
		CHECK(pool->curr_nr == 2);
	});
	CHECK_LOGGED("WARNING:");
	CHECK_LOGGED("mempool_resize: new_min_nr -3: a pool needs at least one element");
}
