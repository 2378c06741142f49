// SPDX-License-Identifier: GPL-2.0-only
// The reaper on the virtual clock: idle arrays shrink by a fifth of their limit per pass,
// and untouched free slabs go back to the page allocator.
#include "slab_test.h"

#include "linux/delay.h"
#include "sim/trace/trace.h"

using namespace slabtest;

namespace {

// Lets virtual time pass: a task on CPU 1 sleeps, so the deferrable reap timers fire.
void sleep_ms(unsigned int ms)
{
	on_cpu(1, [ms] { msleep(ms); });
}

} // namespace

TEST_CASE("the reaper leaves a touched array alone once, then frees a fifth of its limit per pass")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("reaped", 100, 0, 0, nullptr);
	on_cpu(0, [&] {
		std::vector<void *> objs;
		for (unsigned i = 0; i < c->limit; i++)
			objs.push_back(kmem_cache_alloc(c, GFP_KERNEL));
		kmem_cache_shrink(c); // the array starts empty
		for (void *p : objs)
			kmem_cache_free(c, p);
	});
	REQUIRE(cpu_array(c, 0)->avail == c->limit);
	sleep_ms(1500); // first pass: only clears `touched`
	CHECK(cpu_array(c, 0)->avail == c->limit);
	sleep_ms(2000); // next pass: (120 + 4) / 5 = 24 objects go back to the slabs
	CHECK(cpu_array(c, 0)->avail == c->limit - 24);
	check_consistent(c, 0);
}

TEST_CASE("given time, an unused cache gives every slab back")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("idle", 100, 0, 0, nullptr);
	on_cpu(0, [&] {
		std::vector<void *> objs;
		for (int i = 0; i < 500; i++)
			objs.push_back(kmem_cache_alloc(c, GFP_KERNEL));
		for (void *p : objs)
			kmem_cache_free(c, p);
	});
	REQUIRE(get_node(c, 0)->total_slabs > 0);
	sleep_ms(120 * 1000);
	CHECK(cpu_array(c, 0)->avail == 0);
	CHECK(get_node(c, 0)->shared->avail == 0);
	CHECK(get_node(c, 0)->total_slabs == 0);
	check_consistent(c, 0);
}

TEST_CASE("kmem_cache_shrink empties every array and frees every free slab")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("shrunk", 100, 0, 0, nullptr);
	void *kept = nullptr;
	on_cpu(0, [&] {
		std::vector<void *> objs;
		for (int i = 0; i < 300; i++)
			objs.push_back(kmem_cache_alloc(c, GFP_KERNEL));
		kept = objs[0];
		for (size_t i = 1; i < objs.size(); i++)
			kmem_cache_free(c, objs[i]);
		CHECK(kmem_cache_shrink(c) == 1); // the slab holding `kept` stays
	});
	CHECK(get_node(c, 0)->total_slabs == 1);
	check_consistent(c, 1);
}

// mm/slab.c staggers each node's first reap by the cache's address; the simulator takes the
// address the kernel would see, so the stagger is the same in every run whatever the host's
// ASLR did (kmem_cache_boot sits in the simulator's own data, in the kernel image's).
TEST_CASE("a cache's first node reap is staggered by the cache's kernel address, never the host's")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("staggered", 100, 0, 0, nullptr);
	CHECK(sim::kernel_address(c) >> 40 == 0xffff88); // the direct map
	CHECK(get_node(c, 0)->next_reap == jiffies + REAPTIMEOUT_NODE + sim::kernel_address(c) % REAPTIMEOUT_NODE);
	CHECK(sim::kernel_address(&kmem_cache_boot) == 0xffffffff82000000ull);
	CHECK(get_node(&kmem_cache_boot, 0)->next_reap == jiffies + REAPTIMEOUT_NODE + 0xffffffff82000000ull % REAPTIMEOUT_NODE);
}
