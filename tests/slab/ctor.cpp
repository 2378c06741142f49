// SPDX-License-Identifier: GPL-2.0-only
// Constructors run when a slab is grown, once per object, and never on allocation.
#include "slab_test.h"

using namespace slabtest;

namespace {

int constructed;

struct thing {
	int state;
	char name[28];
};

void thing_ctor(void *p)
{
	constructed++;
	static_cast<thing *>(p)->state = 42;
}

} // namespace

TEST_CASE("the constructor runs for every object of a new slab and not on allocation")
{
	test_machine m;
	constructed = 0;
	struct kmem_cache *c = kmem_cache_create("thing", sizeof(thing), 0, 0, thing_ctor);
	on_cpu(0, [&] {
		thing *t = static_cast<thing *>(kmem_cache_alloc(c, GFP_KERNEL));
		CHECK(constructed == (int)c->num);
		CHECK(t->state == 42);
		kmem_cache_free(c, t);
		t = static_cast<thing *>(kmem_cache_alloc(c, GFP_KERNEL));
		CHECK(constructed == (int)c->num);
		kmem_cache_free(c, t);
	});
}

TEST_CASE("a freed object keeps the state its last user left")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("thing", sizeof(thing), 0, 0, thing_ctor);
	on_cpu(0, [&] {
		thing *t = static_cast<thing *>(kmem_cache_alloc(c, GFP_KERNEL));
		t->state = 7;
		kmem_cache_free(c, t);
		thing *again = static_cast<thing *>(kmem_cache_alloc(c, GFP_KERNEL));
		REQUIRE(again == t);
		CHECK(again->state == 7);
		kmem_cache_free(c, again);
	});
}

TEST_CASE("a cache with a constructor never keeps its freelist inside an object")
{
	test_machine m;
	struct kmem_cache *c = kmem_cache_create("thing", sizeof(thing), 0, 0, thing_ctor);
	CHECK_FALSE(OBJFREELIST_SLAB(c));
}

TEST_CASE("with poisoning the constructor runs at each allocation")
{
	test_machine m;
	constructed = 0;
	struct kmem_cache *c = kmem_cache_create("pthing", sizeof(thing), 0, SLAB_POISON, thing_ctor);
	on_cpu(0, [&] {
		thing *t = static_cast<thing *>(kmem_cache_alloc(c, GFP_KERNEL));
		CHECK(constructed == 1);
		CHECK(t->state == 42);
		kmem_cache_free(c, t);
		t = static_cast<thing *>(kmem_cache_alloc(c, GFP_KERNEL));
		CHECK(constructed == 2);
		kmem_cache_free(c, t);
	});
}
