// SPDX-License-Identifier: GPL-2.0-only
// Object layout and slab order: objperslab and pagesperslab as v5.4 SLAB computes them on
// x86_64 with 4 KiB pages and more than 32 MiB of memory (slab_max_order 1).
#include "slab_test.h"

using namespace slabtest;

namespace {

struct expected_layout {
	const char *name;
	unsigned int size, num, pages;
};

} // namespace

TEST_CASE("kmalloc caches have the objsize, objperslab and pagesperslab real SLAB prints")
{
	test_machine m;
	// From /proc/slabinfo of SLAB kernels (x86_64, 4 KiB pages).
	const expected_layout table[] = {
		{"kmalloc-32", 32, 124, 1},     {"kmalloc-64", 64, 64, 1},
		{"kmalloc-96", 128, 32, 1},     {"kmalloc-128", 128, 32, 1},
		{"kmalloc-192", 192, 21, 1},    {"kmalloc-256", 256, 16, 1},
		{"kmalloc-512", 512, 8, 1},     {"kmalloc-1k", 1024, 4, 1},
		{"kmalloc-2k", 2048, 2, 1},     {"kmalloc-4k", 4096, 1, 1},
		{"kmalloc-8k", 8192, 1, 2},     {"kmalloc-16k", 16384, 1, 4},
		{"kmalloc-32k", 32768, 1, 8},   {"kmalloc-64k", 65536, 1, 16},
		{"kmalloc-128k", 131072, 1, 32}, {"kmalloc-256k", 262144, 1, 64},
		{"kmalloc-512k", 524288, 1, 128}, {"kmalloc-1M", 1048576, 1, 256},
		{"kmalloc-2M", 2097152, 1, 512}, {"kmalloc-4M", 4194304, 1, 1024},
	};
	for (const auto &e : table) {
		INFO(e.name);
		struct kmem_cache *c = sim::find_cache(e.name);
		REQUIRE(c);
		CHECK(c->size == e.size);
		CHECK(c->num == e.num);
		CHECK((1u << c->gfporder) == e.pages);
	}
}

TEST_CASE("kmalloc-192 has one colour and kmalloc-32 keeps its freelist on the slab")
{
	test_machine m;
	struct kmem_cache *c192 = sim::find_cache("kmalloc-192");
	struct kmem_cache *c32 = sim::find_cache("kmalloc-32");
	CHECK(c192->colour == 1);
	CHECK(c192->colour_off == 64);
	CHECK(OBJFREELIST_SLAB(c192));
	CHECK_FALSE(OBJFREELIST_SLAB(c32));
	CHECK_FALSE(OFF_SLAB(c32));
}

namespace {
void nop_ctor(void *) {}

struct user_case {
	const char *name;
	unsigned int size, align;
	slab_flags_t flags;
	bool ctor;
	unsigned int stride, num, pages;
	slab_flags_t layout; // CFLGS_* expected, 0 for on-slab
};
} // namespace

TEST_CASE("user caches get the stride, object count, order and freelist placement SLAB chooses")
{
	test_machine m;
	const user_case cases[] = {
		{"c100", 100, 0, 0, false, 104, 39, 1, CFLGS_OBJFREELIST_SLAB},
		{"c100ctor", 100, 0, 0, true, 104, 39, 1, 0},
		{"c8", 8, 0, 0, false, 16, 240, 1, 0},
		{"c20hw", 20, 0, SLAB_HWCACHE_ALIGN, false, 32, 124, 1, 0},
		{"c200a256", 200, 256, 0, false, 256, 16, 1, CFLGS_OBJFREELIST_SLAB},
		{"c512ctor", 512, 0, 0, true, 512, 8, 1, CFLGS_OFF_SLAB},
		{"c2100ctor", 2100, 0, 0, true, 2104, 3, 2, 0},
		{"c3000", 3000, 0, 0, false, 3000, 2, 2, CFLGS_OBJFREELIST_SLAB},
		{"c3000rcl", 3000, 0, SLAB_RECLAIM_ACCOUNT, false, 3000, 1, 1, CFLGS_OBJFREELIST_SLAB},
		{"c5000", 5000, 0, 0, false, 5000, 1, 2, CFLGS_OBJFREELIST_SLAB},
	};
	for (const auto &e : cases) {
		INFO(e.name);
		struct kmem_cache *c = kmem_cache_create(e.name, e.size, e.align, e.flags,
							 e.ctor ? nop_ctor : nullptr);
		REQUIRE(c);
		CHECK(c->size == e.stride);
		CHECK(c->num == e.num);
		CHECK((1u << c->gfporder) == e.pages);
		CHECK((c->flags & (CFLGS_OBJFREELIST_SLAB | CFLGS_OFF_SLAB)) == e.layout);
		kmem_cache_destroy(c);
	}
}

TEST_CASE("slab_debug adds red zones and a user word where the alignment allows them")
{
	test_machine m({.slab_debug = true});
	struct kmem_cache *c = kmem_cache_create("dbg100", 100, 0, 0, nullptr);
	REQUIRE(c);
	CHECK((c->flags & SLAB_DEBUG_FLAGS) == SLAB_DEBUG_FLAGS);
	CHECK(c->obj_offset == 8);
	CHECK(c->size == 128); // 104 + two red zones + the caller word
	CHECK(c->num == 32);
	// kmalloc caches are cache-line aligned: poisoning only.
	struct kmem_cache *k64 = sim::find_cache("kmalloc-64");
	CHECK((k64->flags & SLAB_DEBUG_FLAGS) == SLAB_POISON);
	CHECK(k64->num == 64);
	kmem_cache_destroy(c);
}

TEST_CASE("successive slabs of a coloured cache start one cache line further in, cycling")
{
	test_machine m;
	// 13 objects of 304 bytes leave 144 bytes of a page: two colours of 64 bytes.
	struct kmem_cache *c = kmem_cache_create("colours", 300, 0, 0, nullptr);
	REQUIRE(c->colour == 2);
	std::vector<void *> objs;
	std::vector<unsigned long> offsets;
	on_cpu(0, [&] {
		for (int slab = 0; slab < 4; slab++) {
			for (unsigned i = 0; i < c->num; i++) {
				void *p = kmem_cache_alloc(c, GFP_KERNEL);
				REQUIRE(p);
				objs.push_back(p);
			}
		}
	});
	for (void *p : objs) {
		unsigned long off = reinterpret_cast<unsigned long>(p) % PAGE_SIZE % c->size;
		if (offsets.empty() || offsets.back() != off)
			offsets.push_back(off);
	}
	CHECK(offsets == std::vector<unsigned long>{64, 0, 64, 0});
	on_cpu(0, [&] {
		for (void *p : objs)
			kmem_cache_free(c, p);
	});
	kmem_cache_destroy(c);
}
