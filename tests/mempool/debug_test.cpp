// SPDX-License-Identifier: GPL-2.0-only
// Debug mode (poisoning, the record of handed-out elements) and the reports for misuse.
#include "mempool_test.h"

#include "linux/poison.h"
#include "linux/slab.h"
#include "linux/spinlock.h"

#include <algorithm>

using namespace mempooltest;

namespace {

void force_reserve(bool on)
{
	sim::fault_attr_set(sim::fail_mempool_alloc, "probability", on ? 100 : 0);
	sim::fault_attr_set(sim::fail_mempool_alloc, "times", -1);
}

bool all_bytes(const void *p, size_t n, u8 value)
{
	auto *b = static_cast<const u8 *>(p);
	return std::all_of(b, b + n, [=](u8 x) { return x == value; });
}

} // namespace

TEST_CASE("debug mode poisons an element entering the reserve, ending it with POISON_END")
{
	test_machine m({.slab_debug = true});
	on_cpu(0, [] {
		mempool_t *pool = mempool_create_kmalloc_pool(2, 40);
		auto *e = static_cast<u8 *>(pool->elements[0]);
		size_t size = ksize(e);
		CHECK(all_bytes(e, size - 1, POISON_FREE));
		CHECK(e[size - 1] == POISON_END);
		mempool_destroy(pool);
	});
}

TEST_CASE("debug mode fills an element leaving the reserve with POISON_INUSE")
{
	test_machine m({.slab_debug = true});
	on_cpu(0, [] {
		mempool_t *pool = mempool_create_kmalloc_pool(2, 40);
		force_reserve(true);
		void *e = mempool_alloc(pool, GFP_KERNEL);
		force_reserve(false);
		CHECK(all_bytes(e, ksize(e), POISON_INUSE));
		mempool_free(e, pool);
		mempool_destroy(pool);
	});
	CHECK(!logged("poison mismatch"));
}

TEST_CASE("poisoning catches a write into an element while the reserve holds it")
{
	test_machine m({.slab_debug = true});
	on_cpu(0, [] {
		mempool_t *pool = mempool_create_kmalloc_pool(2, 40);
		auto *victim = static_cast<u8 *>(pool->elements[1]);
		victim[20] = 0x00; // a stray write through a stale pointer
		force_reserve(true);
		void *e = mempool_alloc(pool, GFP_KERNEL);
		force_reserve(false);
		CHECK(e == victim);
		CHECK(victim[20] == 0x00); // handed out as found
		mempool_free(e, pool);
		mempool_destroy(pool);
	});
	CHECK_LOGGED("BUG: mempool element poison mismatch\n");
	CHECK_LOGGED("size 64\n");
	CHECK_LOGGED(" nr=1 @ ");
	CHECK_LOGGED(": ... 0x6b 6b 6b 6b 6b 6b 6b 6b 0 6b 6b 6b 6b 6b 6b 6b ...\n");
}

TEST_CASE("pools outside debug mode are not poisoned")
{
	test_machine m;
	on_cpu(0, [] {
		mempool_t *pool = mempool_create_kmalloc_pool(1, 40);
		auto *e = static_cast<u8 *>(pool->elements[0]);
		CHECK(e[ksize(e) - 1] != POISON_END);
		mempool_destroy(pool);
	});
}

TEST_CASE("debug mode reports an element freed to a pool it did not come from, and ignores the free")
{
	test_machine m({.slab_debug = true});
	on_cpu(0, [] {
		mempool_t *a = mempool_create_kmalloc_pool(1, 96);
		mempool_t *small = mempool_create_kmalloc_pool(1, 32);
		force_reserve(true);
		void *e = mempool_alloc(a, GFP_KERNEL);
		force_reserve(false);
		mempool_free(e, small); // small's reserve is full, but a wrong-size element must not get near it
		CHECK(small->curr_nr == 1);
		CHECK(small->sim_stats.free_backing == 0);
		mempool_free(e, a); // the right pool still takes it
		CHECK(a->curr_nr == 1);
		mempool_destroy(a);
		mempool_destroy(small);
	});
	CHECK_LOGGED("BUG: mempool_free: element ");
	CHECK_LOGGED("was not allocated from mempool 2 (kmalloc:32)");
	CHECK_LOGGED("belongs to mempool 1 (kmalloc:96)");
}

TEST_CASE("debug mode reports an element freed twice")
{
	test_machine m({.slab_debug = true});
	on_cpu(0, [] {
		mempool_t *pool = mempool_create_kmalloc_pool(1, 64);
		void *e = mempool_alloc(pool, GFP_KERNEL);
		mempool_free(e, pool);
		mempool_free(e, pool);
		CHECK(pool->sim_stats.free_backing == 1);
		mempool_destroy(pool);
	});
	CHECK_LOGGED("no mempool has element");
}

TEST_CASE("mempool_free after mempool_destroy is reported and touches nothing")
{
	test_machine m;
	backing back;
	void *leaked = nullptr;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(1, backing::alloc, backing::free, &back);
		leaked = mempool_alloc(pool, GFP_KERNEL);
		mempool_destroy(pool);
		mempool_free(leaked, pool);
		mempool_destroy(pool);
	});
	CHECK_LOGGED("mempool 1 (alloc) destroyed with 1 element still allocated");
	CHECK_LOGGED("BUG: mempool_free: mempool 1 (alloc) used after mempool_exit/mempool_destroy");
	CHECK_LOGGED("BUG: mempool_destroy: mempool 1 (alloc) used after mempool_exit/mempool_destroy");
	CHECK(back.live == 1); // the element was left alone
	backing::free(leaked, &back);
}

TEST_CASE("initialising a live pool again is refused")
{
	test_machine m;
	backing back;
	on_cpu(0, [&] {
		mempool_t pool = {};
		REQUIRE(mempool_init(&pool, 2, backing::alloc, backing::free, &back) == 0);
		CHECK(mempool_init(&pool, 5, backing::alloc, backing::free, &back) == -EBUSY);
		CHECK(pool.min_nr == 2);
		mempool_exit(&pool);
		CHECK(back.live == 0);
	});
	CHECK_LOGGED("BUG: mempool_init_node: mempool 1 (alloc) initialised twice");
}

TEST_CASE("a negative min_nr fails with -ENOMEM and a report, as v5.4's array size overflows")
{
	test_machine m;
	backing back;
	on_cpu(0, [&] {
		CHECK(mempool_create(-1, backing::alloc, backing::free, &back) == nullptr);
		mempool_t pool = {};
		CHECK(mempool_init(&pool, -5, backing::alloc, backing::free, &back) == -ENOMEM);
		CHECK(back.masks.empty());
	});
	CHECK_LOGGED("mempool_init_node: min_nr -1 is negative");
}

TEST_CASE("min_nr 0 gives a pool without a reserve, with a warning, as v5.4 does")
{
	test_machine m;
	backing back;
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(0, backing::alloc, backing::free, &back);
		REQUIRE(pool);
		CHECK(mempool_initialized(pool));
		CHECK(pool->curr_nr == 0);
		back.fail = true;
		CHECK(mempool_alloc(pool, GFP_ATOMIC) == nullptr);
		back.fail = false;
		void *e = mempool_alloc(pool, GFP_ATOMIC);
		mempool_free(e, pool);
		CHECK(pool->sim_stats.free_backing == 1);
		mempool_destroy(pool);
	});
	CHECK_LOGGED("min_nr 0: the pool has no reserve");
}

namespace {

// mempool_alloc with `gfp` while holding a spinlock (the allocator succeeds: nothing sleeps).
void alloc_under_spinlock(gfp_t gfp)
{
	backing back;
	with_pool(back, 1, [&](mempool_t *pool) {
		DEFINE_SPINLOCK(lock);
		spin_lock(&lock);
		void *e = mempool_alloc(pool, gfp);
		spin_unlock(&lock);
		mempool_free(e, pool);
	});
}

} // namespace

TEST_CASE("a sleeping mempool_alloc under a spinlock is reported as sleeping in atomic context")
{
	test_machine m;
	alloc_under_spinlock(GFP_KERNEL);
	CHECK_LOGGED("BUG: sleeping function called from invalid context at ");
	CHECK_LOGGED("sim/mempool/mempool.cpp:");
}

TEST_CASE("a non-sleeping mempool_alloc under a spinlock is fine")
{
	test_machine m;
	alloc_under_spinlock(GFP_ATOMIC);
	CHECK(log_text().empty());
}
