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
#include <utility>

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

// The element allocator of the round trip: one 64-byte block, then NULL for ever. Frees
// keep nothing: the benchmark's element never goes back.
struct one_block {
	char block[64];
	bool handed = false;
	static void *alloc(gfp_t, void *data)
	{
		auto *b = static_cast<one_block *>(data);
		return std::exchange(b->handed, true) ? nullptr : b->block;
	}
	static void free(void *, void *) {}
};

// One element, a pool whose allocator has run dry, two tasks on one CPU. Each iteration is
// one blocking round trip: `bench` sleeps in mempool_alloc (a switch to `partner`),
// partner's mempool_free puts the element it was handed back into the reserve and wakes
// bench, and partner's yield switches back: two switches, one sleep, one wake, as the peer
// (two switches + four cache pairs) counts them.
void BM_mempool_blocking_round_trip(benchmark::State &state)
{
	one_block block;
	mempool_t pool = {};
	void *handed = nullptr;
	bool done = false;
	run_in_task([&] {
		mempool_init(&pool, 1, one_block::alloc, one_block::free, &block);
		handed = mempool_alloc_preallocated(&pool); // the reserve starts empty
	});
	sim::spawn(0, "bench", [&] {
		for (auto _ : state)
			handed = mempool_alloc(&pool, GFP_KERNEL);
		done = true;
	});
	sim::spawn(0, "partner", [&] {
		for (; !done; yield())
			mempool_free(std::exchange(handed, nullptr), &pool); // NULL is ignored
		mempool_free(handed, &pool);
	});
	sim::run();
	run_in_task([&] { mempool_exit(&pool); });
}
BENCHMARK(BM_mempool_blocking_round_trip);

} // namespace
