// SPDX-License-Identifier: GPL-2.0-only
// mempool_init/create, mempool_alloc's passes over the allocator and the reserve, and
// mempool_free's refill rule (docs/mempool.md, "The algorithm").
#include "mempool_test.h"

using namespace mempooltest;

TEST_CASE("mempool_create fills the reserve with min_nr elements from the allocator")
{
	test_machine m;
	backing back;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(4, backing::alloc, backing::free, &back);
		REQUIRE(pool);
		CHECK(pool->min_nr == 4);
		CHECK(pool->curr_nr == 4);
		CHECK(back.live == 4);
		CHECK(back.masks == std::vector<gfp_t>(4, GFP_KERNEL));
		mempool_destroy(pool);
		CHECK(back.live == 0);
	});
}

TEST_CASE("a failed prefill gives back what it allocated and returns -ENOMEM")
{
	test_machine m;
	struct failing_third : backing {
		static void *alloc(gfp_t gfp, void *data)
		{
			auto *self = static_cast<failing_third *>(data);
			self->fail = self->masks.size() == 2;
			return backing::alloc(gfp, data);
		}
	} back;
	on_cpu(0, [&] {
		mempool_t pool = {};
		CHECK(mempool_init(&pool, 4, failing_third::alloc, backing::free, &back) == -ENOMEM);
		CHECK(back.live == 0);
		CHECK(!mempool_initialized(&pool));
		CHECK(sim::mempools().empty());
	});
}

TEST_CASE("mempool_alloc takes from the allocator first and leaves the reserve full")
{
	test_machine m;
	backing back;
	with_pool(back, 2, [&](mempool_t *pool) {
		void *e = mempool_alloc(pool, GFP_KERNEL);
		CHECK(e);
		CHECK(pool->curr_nr == 2);
		CHECK(pool->sim_stats.alloc_backing == 1);
		mempool_free(e, pool);
	});
}

TEST_CASE("the first pass drops __GFP_DIRECT_RECLAIM and __GFP_IO and adds NOMEMALLOC, NORETRY, NOWARN")
{
	test_machine m;
	backing back;
	with_pool(back, 1, [&](mempool_t *pool) {
		back.masks.clear();
		void *e = mempool_alloc(pool, GFP_KERNEL);
		const gfp_t added = __GFP_NOMEMALLOC | __GFP_NORETRY | __GFP_NOWARN;
		CHECK(back.masks == std::vector<gfp_t>{(GFP_KERNEL | added) & ~(__GFP_DIRECT_RECLAIM | __GFP_IO)});
		mempool_free(e, pool);
	});
}

TEST_CASE("when the allocator fails, mempool_alloc takes the element added to the reserve last")
{
	test_machine m;
	backing back;
	with_pool(back, 3, [&](mempool_t *pool) {
		void *top = pool->elements[2];
		back.fail = true;
		CHECK(mempool_alloc(pool, GFP_KERNEL) == top);
		CHECK(pool->curr_nr == 2);
		CHECK(pool->sim_stats.alloc_reserve == 1);
		CHECK(back.masks.size() == 4); // three prefills, one failed first pass: no second call
		mempool_free(top, pool);
	});
}

TEST_CASE("with the reserve empty, a GFP_KERNEL caller retries the allocator at once with the full mask")
{
	test_machine m;
	struct second_call_works : backing {
		static void *alloc(gfp_t gfp, void *data)
		{
			auto *self = static_cast<second_call_works *>(data);
			self->fail = !(gfp & __GFP_DIRECT_RECLAIM);
			return backing::alloc(gfp, data);
		}
	} back;
	on_cpu(0, [&] {
		mempool_t pool = {};
		REQUIRE(mempool_init(&pool, 1, second_call_works::alloc, backing::free, &back) == 0);
		void *held = mempool_alloc_preallocated(&pool); // empty the reserve
		back.masks.clear();
		u64 before = sim::now_ns;
		void *e = mempool_alloc(&pool, GFP_NOIO);
		REQUIRE(e);
		const gfp_t full = GFP_NOIO | __GFP_NOMEMALLOC | __GFP_NORETRY | __GFP_NOWARN;
		CHECK(back.masks == std::vector<gfp_t>{full & ~__GFP_DIRECT_RECLAIM, full});
		CHECK(pool.sim_stats.sleeps == 0);
		CHECK(sim::now_ns - before < 1000000); // no sleep
		mempool_free(e, &pool);
		mempool_free(held, &pool);
		mempool_exit(&pool);
	});
}

TEST_CASE("GFP_ATOMIC gets NULL once the reserve is empty, after a single allocator call")
{
	test_machine m;
	backing back;
	with_pool(back, 1, [&](mempool_t *pool) {
		std::vector<void *> out = take_reserved(pool, back, 1);
		back.fail = true;
		back.masks.clear();
		CHECK(mempool_alloc(pool, GFP_ATOMIC) == nullptr);
		CHECK(back.masks.size() == 1);
		CHECK(pool->sim_stats.alloc_fail == 1);
		CHECK(pool->sim_stats.sleeps == 0);
		free_all(pool, out);
	});
}

TEST_CASE("GFP_NOWAIT gets NULL once the reserve is empty")
{
	test_machine m;
	backing back;
	with_pool(back, 2, [&](mempool_t *pool) {
		std::vector<void *> out = take_reserved(pool, back, 2);
		back.fail = true;
		CHECK(mempool_alloc(pool, GFP_NOWAIT) == nullptr);
		CHECK(pool->sim_stats.alloc_fail == 1);
		free_all(pool, out);
	});
}

TEST_CASE("mempool_free refills the reserve to min_nr before freeing to the allocator")
{
	test_machine m;
	backing back;
	with_pool(back, 2, [&](mempool_t *pool) {
		std::vector<void *> reserved = take_reserved(pool, back, 2);
		void *r1 = reserved[0], *r2 = reserved[1];
		void *b1 = mempool_alloc(pool, GFP_KERNEL);
		CHECK(pool->curr_nr == 0);
		mempool_free(b1, pool); // into the reserve, though it came from the allocator
		mempool_free(r1, pool);
		CHECK(pool->curr_nr == 2);
		CHECK(pool->elements[0] == b1);
		long live = back.live;
		mempool_free(r2, pool); // reserve full: back to the allocator
		CHECK(back.live == live - 1);
		CHECK(pool->sim_stats.free_reserve == 2);
		CHECK(pool->sim_stats.free_backing == 1);
	});
}

TEST_CASE("mempool_free ignores NULL")
{
	test_machine m;
	backing back;
	with_pool(back, 1, [&](mempool_t *pool) {
		mempool_free(nullptr, pool);
		CHECK(pool->sim_stats.free_reserve + pool->sim_stats.free_backing == 0);
	});
}

TEST_CASE("mempool_exit leaves a zeroed, never initialised pool alone")
{
	test_machine m;
	on_cpu(0, [] {
		mempool_t pool = {};
		mempool_exit(&pool);
		mempool_exit(&pool);
		mempool_destroy(nullptr);
	});
	CHECK(log_text().empty());
}
