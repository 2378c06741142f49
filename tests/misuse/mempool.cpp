// SPDX-License-Identifier: GPL-2.0-only
// Misuse of mempools: reported as docs/mempool.md says (v5.4 has no mempool misuse
// reports), and the machine goes on.
#include "misuse/misuse.h"

#include "sim/mempool/mempool.h"

#include <fmt/format.h>

using namespace misuse;

TEST_CASE("mempool_free into the wrong pool is reported in debug mode and ignored")
{
	booted b;
	sim::mempool_mode.debug = true;
	mempool_t *small = mempool_create_kmalloc_pool(2, 64);
	mempool_t *large = mempool_create_kmalloc_pool(2, 96);
	void *e = mempool_alloc(small, GFP_KERNEL);
	void *f = mempool_alloc_preallocated(large); // the reserve is one short: a wrong element would go in
	mempool_free(e, large);
	require_logged("BUG: mempool_free: element ");
	require_logged(" was not allocated from mempool 2 (kmalloc:96)\n");
	require_logged(" belongs to mempool 1 (kmalloc:64)\n");
	require_logged("ignoring this free: the element is left where it is\n");
	CHECK(large->curr_nr == 1);
	mempool_free(e, small); // still the small pool's
	mempool_free(f, large);
	mempool_destroy(small);
	mempool_destroy(large);
	require_machine_goes_on();
}

TEST_CASE("without debug mode, an element freed into the wrong pool's reserve is caught by the invariant checker")
{
	booted b;
	mempool_t *small = mempool_create_kmalloc_pool(2, 64);
	mempool_t *large = mempool_create_kmalloc_pool(2, 1024);
	void *e = mempool_alloc(small, GFP_KERNEL);
	void *f = mempool_alloc_preallocated(large);
	mempool_free(e, large); // v5.4 takes it: the reserve is below min_nr
	CHECK(sim::log_records().empty());
	std::vector<std::string> bad = sim::check_machine();
	REQUIRE(bad.size() == 1);
	CHECK(bad[0].find("mempool 2 (kmalloc:1024): elements[1] ") == 0);
	CHECK(bad[0].find(" is not an allocated kmalloc object of 1024 bytes or more") != std::string::npos);
	CHECK(mempool_alloc_preallocated(large) == e); // the repair: take it back out
	mempool_free(e, small);
	mempool_free(f, large);
	mempool_destroy(small);
	mempool_destroy(large);
	require_machine_goes_on();
}

TEST_CASE("using a pool after mempool_destroy is reported and touches nothing")
{
	booted b;
	mempool_t *pool = mempool_create_kmalloc_pool(2, 64);
	void *e = mempool_alloc(pool, GFP_KERNEL);
	mempool_destroy(pool);
	sim::log_clear();
	mempool_free(e, pool);
	require_logged("BUG: mempool_free: mempool 1 (kmalloc:64) used after mempool_exit/mempool_destroy\n");
	CHECK(mempool_alloc(pool, GFP_KERNEL) == nullptr);
	require_logged("BUG: mempool_alloc: mempool 1 (kmalloc:64) used after mempool_exit/mempool_destroy\n");
	kfree(e); // the element was left to its owner
	require_machine_goes_on();
	mempool_t *fresh = mempool_create_kmalloc_pool(1, 64);
	void *g = mempool_alloc(fresh, GFP_KERNEL);
	CHECK(g);
	mempool_free(g, fresh);
	mempool_destroy(fresh);
}
