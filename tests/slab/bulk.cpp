// SPDX-License-Identifier: GPL-2.0-only
// kmem_cache_alloc_bulk and kmem_cache_free_bulk: the same objects, in the same order and
// with the same reports, as the one-at-a-time calls they stand for.
#include "slab_test.h"

#include "linux/gfp.h"

using namespace slabtest;

namespace {

constexpr size_t bulk = 16;

// A cache whose CPU 0 array holds `warm` objects, all freed there.
struct kmem_cache *warm_cache(size_t warm)
{
	struct kmem_cache *c = kmem_cache_create("bulk", 128, 0, 0, nullptr);
	on_cpu(0, [&] {
		std::vector<void *> objs(warm);
		for (void *&p : objs)
			p = kmem_cache_alloc(c, GFP_KERNEL);
		for (void *p : objs)
			kmem_cache_free(c, p);
	});
	return c;
}

} // namespace

TEST_CASE("a bulk allocation hands out the objects single allocations would, in their order")
{
	std::vector<void *> singles(bulk), bulked(bulk);
	{
		test_machine m;
		struct kmem_cache *c = warm_cache(2 * bulk);
		on_cpu(0, [&] {
			for (void *&p : singles)
				p = kmem_cache_alloc(c, GFP_KERNEL);
		});
	}
	test_machine m;
	struct kmem_cache *c = warm_cache(2 * bulk);
	on_cpu(0, [&] { REQUIRE(kmem_cache_alloc_bulk(c, GFP_KERNEL, bulk, bulked.data()) == (int)bulk); });
	CHECK(bulked == singles);
	CHECK(cpu_array(c, 0)->avail == bulk);
	check_consistent(c, bulk);
}

TEST_CASE("a bulk allocation larger than the array refills it as single allocations would")
{
	test_machine m;
	struct kmem_cache *c = warm_cache(4);
	std::vector<void *> objs(bulk);
	on_cpu(0, [&] { REQUIRE(kmem_cache_alloc_bulk(c, GFP_KERNEL, bulk, objs.data()) == (int)bulk); });
	std::sort(objs.begin(), objs.end());
	CHECK(std::unique(objs.begin(), objs.end()) == objs.end());
	check_consistent(c, bulk);
}

TEST_CASE("a bulk allocation of nothing takes nothing and leaves the array untouched")
{
	test_machine m;
	struct kmem_cache *c = warm_cache(4);
	struct array_cache *ac = cpu_array(c, 0);
	unsigned int avail = ac->avail;
	ac->touched = 0;
	on_cpu(0, [&] { CHECK(kmem_cache_alloc_bulk(c, GFP_KERNEL, 0, nullptr) == 0); });
	CHECK(ac->avail == avail);
	CHECK(ac->touched == 0);
}

TEST_CASE("a bulk free pushes its objects in order onto this CPU's array")
{
	test_machine m;
	struct kmem_cache *c = warm_cache(0);
	std::vector<void *> objs(bulk);
	on_cpu(0, [&] {
		for (void *&p : objs)
			p = kmem_cache_alloc(c, GFP_KERNEL);
		size_t before = cpu_array(c, 0)->avail;
		kmem_cache_free_bulk(c, bulk, objs.data());
		struct array_cache *ac = cpu_array(c, 0);
		REQUIRE(ac->avail == before + bulk);
		CHECK(std::equal(objs.begin(), objs.end(), ac->entry + before));
	});
	check_consistent(c, 0);
}

TEST_CASE("a bulk free reports a bad pointer in the middle and still frees the others")
{
	test_machine m;
	struct kmem_cache *c = warm_cache(0);
	std::vector<void *> objs(bulk);
	on_cpu(0, [&] {
		for (void *&p : objs)
			p = kmem_cache_alloc(c, GFP_KERNEL);
		void *good = objs[bulk / 2];
		objs[bulk / 2] = static_cast<char *>(good) + 8;
		kmem_cache_free_bulk(c, bulk, objs.data());
		kmem_cache_free(c, good);
	});
	CHECK_LOGGED("is not the start of an object");
	check_consistent(c, 0);
}

TEST_CASE("kfree_bulk frees each object to its own cache")
{
	test_machine m;
	struct kmem_cache *small = kmalloc_slab(32, GFP_KERNEL), *large = kmalloc_slab(500, GFP_KERNEL);
	on_cpu(0, [&] {
		void *objs[3] = {kmalloc(32, GFP_KERNEL), kmalloc(500, GFP_KERNEL), kmalloc(32, GFP_KERNEL)};
		unsigned int small_avail = cpu_array(small, 0)->avail, large_avail = cpu_array(large, 0)->avail;
		kmem_cache_free_bulk(nullptr, 3, objs);
		CHECK(cpu_array(small, 0)->avail == small_avail + 2);
		CHECK(cpu_array(large, 0)->avail == large_avail + 1);
	});
}
