// SPDX-License-Identifier: GPL-2.0-only
// idr and ida: lowest free ids, reuse, ranges, iteration, and the memory they take.
#include "support/machine.h"
#include "sim/slab/check.h"
#include "sim/slab/slabinfo.h"

#include "linux/errno.h"
#include "linux/idr.h"
#include "linux/slab.h"

#include <catch2/catch.hpp>
#include <vector>

TEST_CASE("idr_alloc hands out the lowest free id in its range and reuses removed ones")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_IDR(idr);
		int a, b, c;
		CHECK(idr_alloc(&idr, &a, 0, 0, GFP_KERNEL) == 0);
		CHECK(idr_alloc(&idr, &b, 0, 0, GFP_KERNEL) == 1);
		CHECK(idr_alloc(&idr, &c, 5, 0, GFP_KERNEL) == 5);
		CHECK(idr_find(&idr, 1) == &b);
		CHECK(idr_find(&idr, 2) == nullptr);
		CHECK(idr_remove(&idr, 0) == &a);
		CHECK(idr_alloc(&idr, &c, 0, 0, GFP_KERNEL) == 0);
		CHECK(idr_alloc(&idr, &a, 1, 3, GFP_KERNEL) == 2);
		CHECK(idr_alloc(&idr, &a, 1, 3, GFP_KERNEL) == -ENOSPC);
		CHECK(idr_replace(&idr, &a, 5) == &c);
		CHECK(idr_replace(&idr, &a, 7) == ERR_PTR(-ENOENT));
		idr_destroy(&idr);
		CHECK(idr_is_empty(&idr));
	});
}

TEST_CASE("idr_alloc_cyclic goes on after the last id it gave and wraps to the start")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_IDR(idr);
		int x;
		CHECK(idr_alloc_cyclic(&idr, &x, 1, 4, GFP_KERNEL) == 1);
		CHECK(idr_alloc_cyclic(&idr, &x, 1, 4, GFP_KERNEL) == 2);
		idr_remove(&idr, 1);
		CHECK(idr_alloc_cyclic(&idr, &x, 1, 4, GFP_KERNEL) == 3);
		CHECK(idr_alloc_cyclic(&idr, &x, 1, 4, GFP_KERNEL) == 1);
		CHECK(idr_alloc_cyclic(&idr, &x, 1, 4, GFP_KERNEL) == -ENOSPC);
		idr_destroy(&idr);
	});
}

namespace {
int collect(int id, void *p, void *data)
{
	static_cast<std::vector<int> *>(data)->push_back(id);
	return id == 6 ? 42 : 0;
}
} // namespace

TEST_CASE("idr_for_each and idr_for_each_entry visit the non-NULL entries in id order")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_IDR(idr);
		int v[4];
		for (int id : {6, 2, 9, 4})
			CHECK(idr_alloc(&idr, &v[0], id, id + 1, GFP_KERNEL) == id);
		CHECK(idr_alloc(&idr, nullptr, 3, 4, GFP_KERNEL) == 3); // reserved, no entry
		std::vector<int> ids;
		CHECK(idr_for_each(&idr, collect, &ids) == 42);
		CHECK(ids == std::vector<int>{2, 4, 6});
		ids.clear();
		void *entry; // C++ will not convert idr_get_next()'s void * as C does
		int id;
		idr_for_each_entry(&idr, entry, id)
			ids.push_back(id);
		CHECK(ids == std::vector<int>{2, 4, 6, 9});
		CHECK(entry == nullptr);
		idr_destroy(&idr);
	});
}

TEST_CASE("an idr's ids take kmalloc memory until removed or destroyed")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_IDR(idr);
		kmem_cache *kmalloc64 = sim::find_cache("kmalloc-64");
		unsigned long before = sim::slab_objects_in_use(kmalloc64);
		int x;
		for (int i = 0; i < 100; i++)
			REQUIRE(idr_alloc(&idr, &x, 0, 0, GFP_KERNEL) == i);
		CHECK(sim::slab_objects_in_use(kmalloc64) == before + 100);
		idr_remove(&idr, 50);
		CHECK(sim::slab_objects_in_use(kmalloc64) == before + 99);
		idr_destroy(&idr);
		CHECK(sim::slab_objects_in_use(kmalloc64) == before);
	});
}

TEST_CASE("ida hands out the lowest free id and reuses freed ones")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_IDA(ida);
		CHECK(ida_simple_get(&ida, 0, 0, GFP_KERNEL) == 0);
		CHECK(ida_simple_get(&ida, 0, 0, GFP_KERNEL) == 1);
		CHECK(ida_alloc(&ida, GFP_KERNEL) == 2);
		ida_simple_remove(&ida, 1);
		CHECK(ida_alloc(&ida, GFP_KERNEL) == 1);
		CHECK(ida_alloc_min(&ida, 10, GFP_KERNEL) == 10);
		CHECK(ida_simple_get(&ida, 10, 11, GFP_KERNEL) == -ENOSPC);
		CHECK(ida_alloc_max(&ida, 2, GFP_KERNEL) == -ENOSPC);
		ida_destroy(&ida);
		CHECK(ida_is_empty(&ida));
	});
}

TEST_CASE("ida_free of an id not allocated is v5.4's warning")
{
	test_machine tm;
	on_cpu(0, [] {
		DEFINE_IDA(ida);
		CHECK(ida_alloc(&ida, GFP_KERNEL) == 0);
		ida_free(&ida, 3);
		ida_free(&ida, 0);
		CHECK(ida_is_empty(&ida));
	});
	CHECK_LOGGED("ida_free called for id=3 which is not allocated.\n");
}
