// SPDX-License-Identifier: GPL-2.0-only
// Slab debugging: every misuse is reported in the kernel's words and refused or survived,
// with the allocator's lists and counters still consistent afterwards.
#include "slab_test.h"

#include "linux/gfp.h"

using namespace slabtest;

TEST_CASE("a double free is caught by the red zones and refused")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("rz", 100, 0, SLAB_RED_ZONE | SLAB_POISON, nullptr);
	on_cpu(0, [&] {
		void *p = kmem_cache_alloc(c, GFP_KERNEL);
		kmem_cache_free(c, p);
		unsigned int avail = cpu_array(c, 0)->avail;
		kmem_cache_free(c, p);
		CHECK(cpu_array(c, 0)->avail == avail);
	});
	CHECK_LOGGED("slab error in cache_free_debugcheck(): cache `rz': double free detected");
	CHECK_LOGGED("redzone 1:0x9f911029d74e35b, redzone 2:0x9f911029d74e35b");
	check_consistent(c, 0);
}

TEST_CASE("a double free in a poison-only cache is found in the arrays and refused")
{
	test_machine m({.slab_debug = true});
	void *p = nullptr;
	on_cpu(0, [&] {
		p = kmalloc(64, GFP_KERNEL);
		kfree(p);
		kfree(p);
	});
	CHECK_LOGGED("slab: double free detected in cache 'kmalloc-64'");
	struct array_cache *ac = cpu_array(sim::find_cache("kmalloc-64"), 0);
	CHECK(std::count(ac->entry, ac->entry + ac->avail, p) == 1);
}

TEST_CASE("a write after free shows up as slab corruption at the next allocation")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("uaf", 64, 0, SLAB_POISON, nullptr);
	on_cpu(0, [&] {
		unsigned char *p = static_cast<unsigned char *>(kmem_cache_alloc(c, GFP_KERNEL));
		kmem_cache_free(c, p);
		p[3] = 0x6a; // one bit off POISON_FREE
		CHECK(kmem_cache_alloc(c, GFP_KERNEL) == p);
		kmem_cache_free(c, p);
	});
	CHECK_LOGGED("Slab corruption (Not tainted): uaf start=");
	CHECK_LOGGED("000: 6b 6b 6b 6a 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkjkkkkkkkkkkkk");
	CHECK_LOGGED("Single bit error detected. Probably bad RAM.");
	check_consistent(c, 0);
}

TEST_CASE("a write past the end of an object is caught by the red zone at free")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("overrun", 100, 0, SLAB_RED_ZONE, nullptr);
	on_cpu(0, [&] {
		char *p = static_cast<char *>(kmem_cache_alloc(c, GFP_KERNEL));
		memset(p, 0, 104 + 1); // object_size 100, padded to 104: one byte into the red zone
		kmem_cache_free(c, p);
	});
	CHECK_LOGGED("cache `overrun': memory outside object was overwritten");
	check_consistent(c, 0);
}

TEST_CASE("freeing into the wrong cache warns and frees into the object's own cache")
{
	test_machine m;
	struct kmem_cache *a = kmem_cache_create("cache_a", 100, 0, 0, nullptr);
	struct kmem_cache *b = kmem_cache_create("cache_b", 200, 0, 0, nullptr);
	on_cpu(0, [&] {
		void *p = kmem_cache_alloc(b, GFP_KERNEL);
		kmem_cache_free(a, p);
	});
	CHECK_LOGGED("kmem_cache_free: Wrong slab cache. cache_a but object is from cache_b");
	check_consistent(a, 0);
	check_consistent(b, 0);
}

TEST_CASE("kmem_cache_free with a NULL cache frees into the object's own cache")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("own", 100, 0, 0, nullptr);
	on_cpu(0, [&] { kmem_cache_free(nullptr, kmem_cache_alloc(c, GFP_KERNEL)); });
	check_consistent(c, 0);
}

TEST_CASE("freeing a pointer that is not a slab object's start is refused")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("inner", 100, 0, 0, nullptr);
	int on_host_stack = 0;
	on_cpu(0, [&] {
		char *p = static_cast<char *>(kmem_cache_alloc(c, GFP_KERNEL));
		kmem_cache_free(c, p + 8);
		kfree(&on_host_stack);
		struct page *page = alloc_pages(GFP_KERNEL, 0);
		kfree(page_address(page));
		__free_pages(page, 0);
		kmem_cache_free(c, p);
	});
	CHECK_LOGGED("cache `inner': ");
	CHECK_LOGGED("is not the start of an object");
	CHECK_LOGGED("kfree_debugcheck: out of range ptr ffffffffc"); // a kernel-like address, not the host's
	CHECK_LOGGED("kfree: Object is not a Slab page!");
	check_consistent(c, 0);
}

TEST_CASE("destroying a cache with objects reports the leak and keeps the cache")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("leaky", 100, 0, 0, nullptr);
	void *p = nullptr;
	on_cpu(0, [&] {
		p = kmem_cache_alloc(c, GFP_KERNEL);
		kmem_cache_destroy(c);
	});
	CHECK_LOGGED("kmem_cache_destroy leaky: Slab cache still has objects");
	CHECK(sim::find_cache("leaky") == c);
	check_consistent(c, 1);
	on_cpu(0, [&] { kmem_cache_free(c, p); });
	check_consistent(c, 0);
}

TEST_CASE("a cache without objects is destroyed and its slabs go back to the page allocator")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("gone", 100, 0, 0, nullptr);
	on_cpu(0, [&] {
		void *p = kmem_cache_alloc(c, GFP_KERNEL);
		kmem_cache_free(c, p);
		kmem_cache_destroy(c);
	});
	CHECK(sim::find_cache("gone") == nullptr);
}

TEST_CASE("STORE_USER records the caller of the last free")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("user", 64, 0, SLAB_STORE_USER | SLAB_RED_ZONE | SLAB_POISON,
						 nullptr);
	on_cpu(0, [&] {
		unsigned char *p = static_cast<unsigned char *>(kmem_cache_alloc(c, GFP_KERNEL));
		kmem_cache_free(c, p);
		p[0] = 0;
		kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL));
	});
	CHECK_LOGGED("Last user: (");
	CHECK_LOGGED("Redzone: 0x9f911029d74e35b/0x9f911029d74e35b");
}

TEST_CASE("the free path's object-start test accepts exactly the object starts, for any stride")
{
	for (u32 size : {16u, 24u, 40u, 96u, 136u, 192u, 256u, 1000u, 4096u, 8200u}) {
		INFO("stride " << size);
		struct exact_divisor d = exact_divisor(size);
		const u32 num = (1u << 22) / size;
		unsigned long wrong = 0;
		for (u32 off = 0; off < num * size + 2 * size; off += 4)
			wrong += (exact_divide(off, d) < num) != (off % size == 0 && off / size < num);
		for (u32 before = 1; before <= 8192; before++) // below s_mem: the offset wraps
			wrong += exact_divide(0u - before, d) < num;
		CHECK(wrong == 0);
	}
}
