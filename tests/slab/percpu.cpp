// SPDX-License-Identifier: GPL-2.0-only
// Per-CPU array caches: LIFO reuse, frees land on the freeing CPU, refill and flush move
// batchcount objects at a time.
#include "slab_test.h"

#include <vector>

using namespace slabtest;

namespace {

std::vector<void *> alloc_n(struct kmem_cache *c, size_t n)
{
	std::vector<void *> v;
	for (size_t i = 0; i < n; i++) {
		v.push_back(kmem_cache_alloc(c, GFP_KERNEL));
		REQUIRE(v.back());
	}
	return v;
}

void free_all(struct kmem_cache *c, std::vector<void *> &v)
{
	for (void *p : v)
		kmem_cache_free(c, p);
	v.clear();
}

} // namespace

TEST_CASE("the array is LIFO: the last object freed is the first allocated")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("lifo", 100, 0, 0, nullptr);
	on_cpu(0, [&] {
		void *a = kmem_cache_alloc(c, GFP_KERNEL), *b = kmem_cache_alloc(c, GFP_KERNEL);
		kmem_cache_free(c, a);
		kmem_cache_free(c, b);
		CHECK(kmem_cache_alloc(c, GFP_KERNEL) == b);
		CHECK(kmem_cache_alloc(c, GFP_KERNEL) == a);
		kmem_cache_free(c, a);
		kmem_cache_free(c, b);
	});
	check_consistent(c, 0);
}

TEST_CASE("an object freed on CPU 1 goes to CPU 1's array")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("crosscpu", 100, 0, 0, nullptr);
	void *p = nullptr;
	on_cpu(0, [&] { p = kmem_cache_alloc(c, GFP_KERNEL); });
	unsigned int avail0 = cpu_array(c, 0)->avail;
	on_cpu(1, [&] { kmem_cache_free(c, p); });
	CHECK(cpu_array(c, 0)->avail == avail0);
	REQUIRE(cpu_array(c, 1)->avail == 1);
	CHECK(cpu_array(c, 1)->entry[0] == p);
	on_cpu(1, [&] { CHECK(kmem_cache_alloc(c, GFP_KERNEL) == p); });
	check_consistent(c, 1);
}

TEST_CASE("a cold array refills at most 16 objects, a warm one batchcount")
{
	test_machine m({.nr_cpus = 1});
	struct kmem_cache *c = kmem_cache_create("refill", 100, 0, 0, nullptr);
	REQUIRE(c->batchcount == 60);
	std::vector<void *> held;
	on_cpu(0, [&] {
		held = alloc_n(c, 1);
		CHECK(cpu_array(c, 0)->avail == 16 - 1); // first refill: untouched array
		// Fill the slabs with free objects: 200 allocations, then 200 frees.
		auto more = alloc_n(c, 199);
		free_all(c, more);
		unsigned long free_before = get_node(c, 0)->free_objects;
		unsigned int avail = cpu_array(c, 0)->avail;
		alloc_n(c, avail); // empty the array, which stays touched
		alloc_n(c, 1);
		CHECK(cpu_array(c, 0)->avail == c->batchcount - 1);
		CHECK(get_node(c, 0)->free_objects == free_before - c->batchcount);
	});
}

TEST_CASE("a full array flushes its oldest batchcount objects to the shared array")
{
	test_machine m({.nr_cpus = 2});
	struct kmem_cache *c = kmem_cache_create("flush", 100, 0, 0, nullptr);
	REQUIRE(c->limit == 120);
	REQUIRE(get_node(c, 0)->shared->limit == 8 * 60);
	on_cpu(0, [&] {
		auto objs = alloc_n(c, c->limit + 1);
		kmem_cache_shrink(c); // the arrays start empty
		for (unsigned i = 0; i < c->limit; i++)
			kmem_cache_free(c, objs[i]);
		struct array_cache *ac = cpu_array(c, 0);
		REQUIRE(ac->avail == c->limit);
		void *oldest = ac->entry[0];
		kmem_cache_free(c, objs[c->limit]);
		struct array_cache *shared = get_node(c, 0)->shared;
		CHECK(shared->avail == c->batchcount);
		CHECK(shared->entry[0] == oldest);
		CHECK(ac->avail == c->limit - c->batchcount + 1);
	});
	check_consistent(c, 0);
}

TEST_CASE("without a shared array a flush returns objects to their slabs")
{
	test_machine m({.nr_cpus = 1});
	struct kmem_cache *c = kmem_cache_create("flushslabs", 100, 0, 0, nullptr);
	REQUIRE(get_node(c, 0)->shared == nullptr);
	on_cpu(0, [&] {
		auto objs = alloc_n(c, c->limit + 1);
		kmem_cache_shrink(c); // the array starts empty
		unsigned long free_before = get_node(c, 0)->free_objects;
		free_all(c, objs);
		CHECK(get_node(c, 0)->free_objects == free_before + c->batchcount);
		CHECK(cpu_array(c, 0)->avail == c->limit - c->batchcount + 1);
	});
	check_consistent(c, 0);
}

TEST_CASE("tunables written to /proc/slabinfo resize the arrays and bad values are ignored")
{
	test_machine m({.nr_cpus = 2});
	struct kmem_cache *c = kmem_cache_create("tuned", 100, 0, 0, nullptr);
	std::string cmd = "tuned 32 16 2";
	CHECK(slabinfo_write(cmd.data(), cmd.size()) == (long)cmd.size());
	CHECK(c->limit == 32);
	CHECK(c->batchcount == 16);
	CHECK(get_node(c, 0)->shared->limit == 32);
	std::string bad = "tuned 8 16 0"; // batchcount > limit: ignored, reported as written
	CHECK(slabinfo_write(bad.data(), bad.size()) == (long)bad.size());
	CHECK(c->limit == 32);
	std::string unknown = "nosuchcache 8 4 0";
	CHECK(slabinfo_write(unknown.data(), unknown.size()) == -EINVAL);
	std::string short_ = "tuned 8 4";
	CHECK(slabinfo_write(short_.data(), short_.size()) == -EINVAL);
}
