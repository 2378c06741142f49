// SPDX-License-Identifier: GPL-2.0-only
// mempool_resize growing and shrinking, with elements out while it runs.
#include "mempool_test.h"

using namespace mempooltest;

TEST_CASE("growing a pool while elements are out tops the reserve up from the allocator")
{
	booted b;
	backing back;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(2, backing::alloc, backing::free, &back);
		back.fail = true;
		void *out1 = mempool_alloc(pool, GFP_KERNEL), *out2 = mempool_alloc(pool, GFP_KERNEL);
		back.fail = false;
		CHECK(mempool_resize(pool, 4) == 0);
		CHECK(pool->min_nr == 4);
		CHECK(pool->curr_nr == 4);
		mempool_free(out1, pool); // the reserve is full: both go to the allocator
		mempool_free(out2, pool);
		CHECK(pool->sim_stats.free_backing == 2);
		CHECK(back.live == 4);
		mempool_destroy(pool);
	});
}

TEST_CASE("growing with a failing allocator leaves the reserve short, returns 0, and frees fill it")
{
	booted b;
	backing back;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(2, backing::alloc, backing::free, &back);
		back.fail = true;
		void *out1 = mempool_alloc(pool, GFP_KERNEL), *out2 = mempool_alloc(pool, GFP_KERNEL);
		CHECK(mempool_resize(pool, 3) == 0);
		CHECK(pool->min_nr == 3);
		CHECK(pool->curr_nr == 0);
		mempool_free(out1, pool);
		mempool_free(out2, pool);
		CHECK(pool->curr_nr == 2);
		CHECK(!mempool_is_saturated(pool));
		mempool_destroy(pool);
	});
}

TEST_CASE("shrinking a pool frees the reserve's surplus to the allocator")
{
	booted b;
	backing back;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(4, backing::alloc, backing::free, &back);
		CHECK(mempool_resize(pool, 1) == 0);
		CHECK(pool->min_nr == 1);
		CHECK(pool->curr_nr == 1);
		CHECK(back.live == 1);
		mempool_destroy(pool);
	});
}

TEST_CASE("elements out while a pool shrinks go to the allocator when they come back")
{
	booted b;
	backing back;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(3, backing::alloc, backing::free, &back);
		back.fail = true;
		void *out1 = mempool_alloc(pool, GFP_KERNEL), *out2 = mempool_alloc(pool, GFP_KERNEL);
		CHECK(mempool_resize(pool, 1) == 0);
		CHECK(pool->curr_nr == 1);
		mempool_free(out1, pool);
		mempool_free(out2, pool);
		CHECK(pool->curr_nr == 1);
		CHECK(pool->sim_stats.free_backing == 2);
		CHECK(back.live == 1);
		mempool_destroy(pool);
	});
}

TEST_CASE("resizing to zero or less is refused with a warning and changes nothing")
{
	booted b;
	backing back;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(2, backing::alloc, backing::free, &back);
		CHECK(mempool_resize(pool, 0) == -EINVAL);
		CHECK(mempool_resize(pool, -3) == -EINVAL);
		CHECK(pool->min_nr == 2);
		CHECK(pool->curr_nr == 2);
		mempool_destroy(pool);
	});
	CHECK_LOGGED("WARNING:");
	CHECK_LOGGED("mempool_resize: new_min_nr -3: a pool needs at least one element");
}
