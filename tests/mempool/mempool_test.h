// SPDX-License-Identifier: GPL-2.0-only
// Helpers for the mempool tests, on top of the shared machine fixture: a backing allocator
// the test controls (it fails on demand and records the masks it was called with), and a
// pool to run code with.
#pragma once

#include "support/machine.h"

#include "linux/gfp.h"
#include "linux/jiffies.h"
#include "linux/mempool.h"
#include "linux/sched.h"
#include "sim/mempool/mempool.h"
#include "sim/sched/clock.h"

#include <catch2/catch.hpp>
#include <cstddef>
#include <vector>

namespace mempooltest {

// A backing allocator under the test's control: 64-byte host blocks, or NULL while `fail`.
struct backing {
	bool fail = false;
	std::vector<gfp_t> masks; // every call's mask, in order
	long live = 0;            // blocks handed out and not freed

	static void *alloc(gfp_t gfp, void *data)
	{
		auto *b = static_cast<backing *>(data);
		b->masks.push_back(gfp);
		if (b->fail)
			return nullptr;
		b->live++;
		return new std::byte[64];
	}
	static void free(void *element, void *data)
	{
		static_cast<backing *>(data)->live--;
		delete[] static_cast<std::byte *>(element);
	}
};

// Runs body in a task on CPU 0 with a new pool of `min_nr` elements over `back`, and
// destroys the pool afterwards.
inline void with_pool(backing &back, int min_nr, const std::function<void(mempool_t *)> &body)
{
	on_cpu(0, [&] {
		mempool_t *pool = mempool_create(min_nr, backing::alloc, backing::free, &back);
		REQUIRE(pool);
		body(pool);
		mempool_destroy(pool);
	});
}

// Takes `n` elements out of the reserve (the allocator failing meanwhile) and returns them.
inline std::vector<void *> take_reserved(mempool_t *pool, backing &back, int n)
{
	std::vector<void *> out;
	bool failing = back.fail;
	back.fail = true;
	for (int i = 0; i < n; i++)
		out.push_back(mempool_alloc(pool, GFP_KERNEL));
	back.fail = failing;
	return out;
}

inline void free_all(mempool_t *pool, const std::vector<void *> &elements)
{
	for (void *e : elements)
		mempool_free(e, pool);
}

inline double now_seconds() { return static_cast<double>(sim::now_ns) / 1e9; }

} // namespace mempooltest
