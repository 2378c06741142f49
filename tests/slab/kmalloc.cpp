// SPDX-License-Identifier: GPL-2.0-only
// kmalloc size classes, variants and the helpers around them.
#include "slab_test.h"

using namespace slabtest;

TEST_CASE("kmalloc serves each size from the smallest class that holds it")
{
	test_machine m;
	const std::pair<size_t, const char *> table[] = {
		{1, "kmalloc-32"},    {32, "kmalloc-32"},   {33, "kmalloc-64"},  {64, "kmalloc-64"},
		{65, "kmalloc-96"},   {96, "kmalloc-96"},   {97, "kmalloc-128"}, {129, "kmalloc-192"},
		{192, "kmalloc-192"}, {193, "kmalloc-256"}, {1025, "kmalloc-2k"}, {4194304, "kmalloc-4M"},
	};
	for (auto [size, name] : table) {
		INFO(size);
		CHECK(std::string(kmalloc_slab(size, GFP_KERNEL)->name) == name);
	}
}

TEST_CASE("reclaimable and DMA requests use the kmalloc-rcl and dma-kmalloc caches")
{
	test_machine m;
	CHECK(std::string(kmalloc_slab(1024, GFP_KERNEL | __GFP_RECLAIMABLE)->name) == "kmalloc-rcl-1k");
	CHECK(std::string(kmalloc_slab(100, GFP_KERNEL | __GFP_DMA)->name) == "dma-kmalloc-128");
	CHECK(std::string(kmalloc_slab(100, GFP_KERNEL | __GFP_DMA | __GFP_RECLAIMABLE)->name) ==
	      "dma-kmalloc-128");
	CHECK(sim::find_cache("kmalloc-rcl-4M")->flags & SLAB_RECLAIM_ACCOUNT);
}

TEST_CASE("kmalloc of zero bytes returns ZERO_SIZE_PTR and kfree accepts it")
{
	test_machine m;
	on_cpu(0, [] {
		size_t zero = 0;
		void *p = kmalloc(zero, GFP_KERNEL);
		CHECK(p == ZERO_SIZE_PTR);
		kfree(p);
		kfree(nullptr);
		CHECK(ksize(p) == 0);
	});
}

TEST_CASE("kmalloc above the largest class returns NULL")
{
	test_machine m;
	on_cpu(0, [] {
		size_t big = KMALLOC_MAX_CACHE_SIZE + 1;
		CHECK(kmalloc(big, GFP_KERNEL) == nullptr);
	});
}

TEST_CASE("ksize reports the class's object size")
{
	test_machine m;
	on_cpu(0, [] {
		size_t forty = 40, seventy = 70;
		void *a = kmalloc(forty, GFP_KERNEL), *b = kmalloc(seventy, GFP_KERNEL);
		CHECK(ksize(a) == 64);
		CHECK(ksize(b) == 96);
		kfree(a);
		kfree(b);
	});
}

TEST_CASE("krealloc keeps the block while it fits and moves the contents when it grows")
{
	test_machine m;
	on_cpu(0, [] {
		char *p = static_cast<char *>(kmalloc(40, GFP_KERNEL));
		strcpy(p, "slab");
		CHECK(krealloc(p, 60, GFP_KERNEL) == p);
		char *q = static_cast<char *>(krealloc(p, 500, GFP_KERNEL));
		REQUIRE(q != p);
		CHECK(std::string(q) == "slab");
		CHECK(ksize(q) == 512);
		CHECK(krealloc(q, 0, GFP_KERNEL) == ZERO_SIZE_PTR);
	});
}

TEST_CASE("kzalloc and kcalloc return zeroed memory, kmalloc_array refuses an overflowing size")
{
	test_machine m;
	on_cpu(0, [] {
		unsigned char *p = static_cast<unsigned char *>(kmalloc(64, GFP_KERNEL));
		memset(p, 0xff, 64);
		kfree(p);
		unsigned char *z = static_cast<unsigned char *>(kzalloc(64, GFP_KERNEL));
		CHECK(z == p); // LIFO reuse: the same, dirty, object comes back...
		CHECK(std::count(z, z + 64, 0) == 64); // ...zeroed
		kfree(z);
		CHECK(kmalloc_array(SIZE_MAX / 2, 4, GFP_KERNEL) == nullptr);
		int *a = static_cast<int *>(kcalloc(10, sizeof(int), GFP_KERNEL));
		CHECK(std::count(a, a + 10, 0) == 10);
		kfree(a);
	});
}
