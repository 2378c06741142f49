// SPDX-License-Identifier: GPL-2.0-only
// Misuse of the slab allocator: each gets v5.4's report (mm/slab.c, mm/slab_common.c) where
// v5.4 makes one, and the machine goes on. Where v5.4 detects nothing without slab
// debugging, the test shows what happens instead (docs/slab.md, "Misuse").
#include "misuse/misuse.h"

#include "linux/poison.h"

#include <cstring>
#include <fmt/format.h>

using namespace misuse;

namespace {
// The redzone line slab debugging prints after its report: "<objp>: redzone 1:0x..., redzone 2:0x...".
std::string redzones(unsigned long long rz1, unsigned long long rz2)
{
	return fmt::format(": redzone 1:0x{:x}, redzone 2:0x{:x}\n", rz1, rz2);
}

// Allocates an object, frees it, clears the log and frees it again.
void *free_twice(struct kmem_cache *c)
{
	void *p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	sim::log_clear();
	kmem_cache_free(c, p);
	return p;
}

// The second free was refused: the object comes back once, then others do.
void require_refused(struct kmem_cache *c, void *p)
{
	CHECK(kmem_cache_alloc(c, GFP_KERNEL) == p);
	CHECK(kmem_cache_alloc(c, GFP_KERNEL) != p);
	require_machine_goes_on();
}
} // namespace

TEST_CASE("a double kfree into a cache without debugging is not detected: the next two allocations alias")
{
	booted b;
	void *p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	kfree(p);
	CHECK(sim::log_records().empty()); // v5.4 says nothing either
	// The object sits twice in the CPU's array: only the invariant checker sees it.
	std::vector<std::string> bad = sim::check_machine();
	REQUIRE(bad.size() == 1);
	CHECK(bad[0].find("cache kmalloc-64: object ") == 0);
	CHECK(bad[0].find(" is in its arrays more than once (a double free?)") != std::string::npos);
	void *first = kmalloc(64, GFP_KERNEL);
	void *second = kmalloc(64, GFP_KERNEL);
	CHECK(first == p);
	CHECK(second == p); // two owners of one object
	kfree(first);       // the second owner's pointer now dangles; it must not be freed again
	require_machine_goes_on();
}

TEST_CASE("a double kfree with slab debugging is reported as a double free and refused")
{
	booted b(true);
	void *p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	sim::log_clear();
	kfree(p);
	// kmalloc-64 has no red zones under slab_debug here, so the freelist and arrays tell.
	require_logged("slab: double free detected in cache 'kmalloc-64', objp ");
	void *first = kmalloc(64, GFP_KERNEL);
	void *second = kmalloc(64, GFP_KERNEL);
	CHECK(first != second); // refused: the object went back once
	kfree(first);
	kfree(second);
	require_machine_goes_on();
}

TEST_CASE("a double kmem_cache_free into a red-zoned cache is reported from its red zones and refused")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("zoned", 64, 0, SLAB_RED_ZONE, nullptr);
	void *p = free_twice(c);
	// v5.4 names verify_redzone_free(), which cache_free_debugcheck() calls, as the reporter.
	require_logged("slab error in ", "(): cache `zoned': double free detected\n");
	require_logged(redzones(RED_INACTIVE, RED_INACTIVE));
	require_refused(c, p);
}

TEST_CASE("a double kmem_cache_free into a poisoned cache without red zones is reported and refused")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("poisoned", 64, 0, SLAB_POISON, nullptr);
	void *p = free_twice(c);
	require_logged("slab: double free detected in cache 'poisoned', objp ");
	require_refused(c, p);
}

TEST_CASE("freeing an object into the wrong cache warns and frees it into its own")
{
	booted b;
	struct kmem_cache *a = kmem_cache_create("cache-a", 64, 0, 0, nullptr);
	struct kmem_cache *other = kmem_cache_create("cache-b", 64, 0, 0, nullptr);
	void *p = kmem_cache_alloc(a, GFP_KERNEL);
	kmem_cache_free(other, p);
	require_logged("WARNING: CPU: 0 PID: 0 at ");
	require_logged("kmem_cache_free: Wrong slab cache. cache-b but object is from cache-a\n");
	CHECK(kmem_cache_alloc(a, GFP_KERNEL) == p); // back in cache-a's array
	require_machine_goes_on();
}

TEST_CASE("freeing a pointer into the middle of an object is reported and refused")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("middle", 64, 0, 0, nullptr);
	char *p = static_cast<char *>(kmem_cache_alloc(c, GFP_KERNEL));
	kmem_cache_free(c, p + 8);
	require_logged("slab error in kmem_cache_free(): cache `middle': ", " is not the start of an object\n");
	sim::log_clear();
	kfree(p + 8);
	require_logged("slab error in kfree(): cache `middle': ");
	kmem_cache_free(c, p); // the object is still the caller's
	require_machine_goes_on();
}

TEST_CASE("a write after free into a poisoned cache is reported as slab corruption at the next allocation")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("uaf", 64, 0, SLAB_POISON | SLAB_RED_ZONE, nullptr);
	char *p = static_cast<char *>(kmem_cache_alloc(c, GFP_KERNEL));
	kmem_cache_free(c, p);
	p[3] = 0x42;
	sim::log_clear();
	CHECK(kmem_cache_alloc(c, GFP_KERNEL) == p);
	require_logged("Slab corruption (Not tainted): uaf start=", ", len=64\n");
	require_logged(fmt::format("Redzone: 0x{:x}/0x{:x}\n", RED_INACTIVE, RED_INACTIVE));
	require_logged("000: 6b 6b 6b 42 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkBkkkkkkkkkkkk\n");
	kmem_cache_free(c, p);
	require_machine_goes_on();
}

TEST_CASE("writing past the end of an object is reported when it is freed")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("overrun", 64, 0, SLAB_RED_ZONE, nullptr);
	char *p = static_cast<char *>(kmem_cache_alloc(c, GFP_KERNEL));
	std::memset(p + 64, 0, 8); // the red zone after the object
	kmem_cache_free(c, p);
	require_logged("slab error in cache_free_debugcheck(): cache `overrun': memory outside object was overwritten\n");
	require_logged(redzones(RED_ACTIVE, 0));
	require_machine_goes_on();
}

TEST_CASE("destroying a cache that still has objects is reported and leaves the cache in place")
{
	booted b;
	struct kmem_cache *c = kmem_cache_create("leaky", 64, 0, 0, nullptr);
	void *p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_destroy(c);
	require_logged("kmem_cache_destroy leaky: Slab cache still has objects\n");
	kmem_cache_free(c, p); // the cache and its object are still there
	require_machine_goes_on();
}
