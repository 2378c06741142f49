// SPDX-License-Identifier: GPL-2.0-only
// The later kernels' additions: mempool_alloc_preallocated, mempool_is_saturated,
// zero-minimum pools, the bulk calls and the fail_mempool_alloc fault attributes.
#include "mempool_test.h"

#include "linux/delay.h"

using namespace mempooltest;

namespace {

void fail_always(sim::fault_attr &attr)
{
	sim::fault_attr_set(attr, "probability", 100);
	sim::fault_attr_set(attr, "times", -1);
}

} // namespace

TEST_CASE("mempool_alloc_preallocated takes from the reserve only, and NULL when it is empty")
{
	test_machine m;
	backing back;
	with_pool(back, 1, [&](mempool_t *pool) {
		back.masks.clear();
		void *top = pool->elements[0];
		CHECK(mempool_alloc_preallocated(pool) == top);
		CHECK(mempool_alloc_preallocated(pool) == nullptr);
		CHECK(back.masks.empty());
		CHECK(pool->sim_stats.alloc_reserve == 1);
		CHECK(pool->sim_stats.alloc_fail == 1);
		mempool_free(top, pool);
	});
}

TEST_CASE("mempool_is_saturated tells whether the reserve is full")
{
	test_machine m;
	backing back;
	with_pool(back, 2, [&](mempool_t *pool) {
		CHECK(mempool_is_saturated(pool));
		void *e = mempool_alloc_preallocated(pool);
		CHECK(!mempool_is_saturated(pool));
		mempool_free(e, pool);
		CHECK(mempool_is_saturated(pool));
	});
}

TEST_CASE("a zero-minimum pool (v6.16) keeps one element and a free refills it when empty")
{
	test_machine m;
	sim::mempool_mode.zero_minimum = true;
	backing back;
	with_pool(back, 0, [&](mempool_t *pool) {
		REQUIRE(pool);
		CHECK(pool->curr_nr == 1);
		back.fail = true;
		void *e = mempool_alloc(pool, GFP_ATOMIC);
		CHECK(e);
		CHECK(mempool_alloc(pool, GFP_ATOMIC) == nullptr);
		back.fail = false;
		void *extra = mempool_alloc(pool, GFP_ATOMIC);
		mempool_free(e, pool);
		CHECK(pool->curr_nr == 1);
		mempool_free(extra, pool);
		CHECK(pool->sim_stats.free_backing == 1);
	});
	CHECK(!logged("no reserve"));
}

TEST_CASE("a zero-minimum pool wakes its sleeper when a free refills it")
{
	test_machine m;
	sim::mempool_mode.zero_minimum = true;
	backing back;
	mempool_t *pool = nullptr;
	void *held = nullptr, *got = nullptr;
	on_cpu(0, [&] {
		pool = mempool_create(0, backing::alloc, backing::free, &back);
		back.fail = true;
		held = mempool_alloc(pool, GFP_KERNEL);
	});
	sim::spawn(0, "sleeper", [&] { got = mempool_alloc(pool, GFP_KERNEL); });
	sim::spawn(1, "freer", [&] {
		msleep(10);
		mempool_free(held, pool);
	});
	run_to_completion();
	CHECK(got == held);
	CHECK(pool->sim_stats.wakeups == 1);
	on_cpu(0, [&] {
		mempool_free(got, pool);
		mempool_destroy(pool);
	});
}

TEST_CASE("mempool_alloc_bulk takes every missing element from the reserve at once when the allocator fails")
{
	test_machine m;
	struct one_then_fail : backing {
		static void *alloc(gfp_t gfp, void *data)
		{
			auto *self = static_cast<one_then_fail *>(data);
			self->fail = self->masks.size() >= 5; // 4 prefills, then one success
			return backing::alloc(gfp, data);
		}
	} back;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(4, one_then_fail::alloc, backing::free, &back);
		void *elems[3] = {};
		CHECK(mempool_alloc_bulk(pool, elems, 3, 0) == 0);
		CHECK((elems[0] && elems[1] && elems[2]));
		CHECK(pool->curr_nr == 2);
		CHECK(pool->sim_stats.alloc_backing == 1);
		CHECK(pool->sim_stats.alloc_reserve == 2);
		for (void *e : elems)
			mempool_free(e, pool);
		mempool_destroy(pool);
	});
}

TEST_CASE("mempool_free_bulk refills the reserve from the front and leaves the rest to the caller")
{
	test_machine m;
	backing back;
	with_pool(back, 2, [&](mempool_t *pool) {
		void *elems[3] = {mempool_alloc_preallocated(pool), mempool_alloc(pool, GFP_KERNEL),
				  mempool_alloc(pool, GFP_KERNEL)};
		CHECK(mempool_free_bulk(pool, elems, 3) == 1);
		CHECK(pool->elements[1] == elems[0]);
		CHECK(pool->curr_nr == 2);
		backing::free(elems[1], &back); // the caller's part
		backing::free(elems[2], &back);
		CHECK(sim::mempool_outstanding(pool) == 0);
	});
}

TEST_CASE("fail_mempool_alloc skips the allocator and forces the reserve path")
{
	test_machine m;
	backing back;
	with_pool(back, 1, [&](mempool_t *pool) {
		back.masks.clear();
		fail_always(sim::fail_mempool_alloc);
		void *e = mempool_alloc(pool, GFP_KERNEL);
		CHECK(e);
		CHECK(back.masks.empty());
		CHECK(pool->sim_stats.alloc_reserve == 1);
		CHECK(mempool_alloc(pool, GFP_ATOMIC) == nullptr);
		sim::fault_attr_set(sim::fail_mempool_alloc, "probability", 0);
		mempool_free(e, pool);
	});
	CHECK_LOGGED("forcing mempool usage for mempool 1 (alloc)");
	CHECK(!logged("FAULT_INJECTION"));
}

TEST_CASE("fail_mempool_alloc_bulk makes a bulk allocation take all it needs from the reserve")
{
	test_machine m;
	backing back;
	with_pool(back, 3, [&](mempool_t *pool) {
		back.masks.clear();
		fail_always(sim::fail_mempool_alloc_bulk);
		void *elems[2] = {};
		mempool_alloc_bulk(pool, elems, 2, 0);
		sim::fault_attr_set(sim::fail_mempool_alloc_bulk, "probability", 0);
		CHECK(back.masks.empty());
		CHECK(pool->curr_nr == 1);
		for (void *e : elems)
			mempool_free(e, pool);
	});
}
