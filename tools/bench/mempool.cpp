// SPDX-License-Identifier: GPL-2.0-only
// mempool benchmarks, each beside its peers in the same run (benchmarking.md G1, G6, G7):
//   hot path: mempool_alloc+mempool_free, slab backend   vs kmem_cache_alloc+free     goal < 1.5x
//   blocking round trip (G7): a task sleeps in mempool_alloc until another task's
//     mempool_free wakes it                               vs 2 task switches + 4 cache pairs
// The peers: BM_mempool_peer_cache_pair (G1: one kmem_cache_alloc+free) and
// BM_mempool_peer_switch_pair (G6: two tasks yielding to each other, two switches an
// iteration). The simulated calls run inside simulated tasks on CPU 0, as kernel code would.
#include "bench.h"

#include "linux/mempool.h"
#include "linux/sched.h"
#include "linux/slab.h"

#include <benchmark/benchmark.h>
#include <functional>

namespace {

using bench::escape;
using bench::machine;
using bench::run_in_task;

void BM_mempool_peer_cache_pair(benchmark::State &state)
{
	bench::cache_pair_loop(state);
}
BENCHMARK(BM_mempool_peer_cache_pair);

void BM_mempool_alloc_free_slab(benchmark::State &state)
{
	struct kmem_cache *c = machine().cache;
	run_in_task([&] {
		mempool_t *pool = mempool_create_slab_pool(4, c);
		for (auto _ : state) {
			void *p = mempool_alloc(pool, GFP_KERNEL);
			escape(p);
			mempool_free(p, pool);
		}
		mempool_destroy(pool);
	});
}
BENCHMARK(BM_mempool_alloc_free_slab);

void BM_mempool_peer_switch_pair(benchmark::State &state)
{
	machine();
	bool done = false;
	sim::spawn(0, "bench", [&] {
		for (auto _ : state)
			yield();
		done = true;
	});
	sim::spawn(0, "partner", [&] {
		while (!done)
			yield();
	});
	sim::run();
}
BENCHMARK(BM_mempool_peer_switch_pair);

// The element allocator of the round trip: one 64-byte block per call while it has some,
// then NULL for ever. Frees keep nothing: the benchmark's element never goes back.
struct two_blocks {
	char blocks[2][64];
	int handed = 0;
	static void *alloc(gfp_t, void *data)
	{
		auto *t = static_cast<two_blocks *>(data);
		return t->handed < 2 ? t->blocks[t->handed++] : nullptr;
	}
	static void free(void *, void *) {}
};

// One element circulates between two pools whose allocator has run dry. `bench` takes it
// from P (sleeping until `partner` frees it there) and frees it into Q, waking `partner`,
// which does the mirror image. Each iteration: bench's mempool_alloc blocks until
// partner's mempool_free wakes it, with two task switches, as a kernel sleeper and waker.
void BM_mempool_blocking_round_trip(benchmark::State &state)
{
	two_blocks blocks;
	mempool_t p = {}, q = {};
	bool done = false;
	run_in_task([&] {
		mempool_init(&p, 1, two_blocks::alloc, two_blocks::free, &blocks);
		mempool_init(&q, 1, two_blocks::alloc, two_blocks::free, &blocks);
		mempool_alloc_preallocated(&q); // Q starts empty; its element is set aside
	});
	sim::spawn(0, "bench", [&] {
		for (auto _ : state)
			mempool_free(mempool_alloc(&p, GFP_KERNEL), &q);
		done = true;
	});
	sim::spawn(0, "partner", [&] {
		while (!done)
			mempool_free(mempool_alloc(&q, GFP_KERNEL), &p);
	});
	sim::run();
	run_in_task([&] {
		mempool_exit(&p);
		mempool_exit(&q);
	});
}
BENCHMARK(BM_mempool_blocking_round_trip);

} // namespace
