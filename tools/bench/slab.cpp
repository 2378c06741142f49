// SPDX-License-Identifier: GPL-2.0-only
// SLAB benchmarks (benchmarking.md G1-G4), each beside its peer in the same run:
//   G1 kmem_cache_alloc+free of 256 bytes (array hit)  vs glibc malloc+free      goal <= 0.5x
//   G2 kmalloc+kfree of 256 bytes                       vs G1                     goal <= 1.25x
//   G3 1024 allocations then 1024 frees, per object     vs glibc the same         goal <= 1.0x
//   G4 kmem_cache_alloc_bulk/free_bulk of 16, per object vs a loop of 16 singles   goal <= 0.6x
// The simulated calls run inside a simulated task on CPU 0, as kernel code would.
#include "bench.h"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <functional>
#include <vector>

namespace {

using bench::escape;
using bench::machine;
using bench::object_size;
using bench::run_in_task;

void BM_G1_kmem_cache_alloc_free(benchmark::State &state)
{
	bench::cache_pair_loop(state);
}
BENCHMARK(BM_G1_kmem_cache_alloc_free);

void BM_G1_glibc_malloc_free(benchmark::State &state)
{
	for (auto _ : state) {
		void *p = malloc(object_size);
		escape(p);
		free(p);
	}
}
BENCHMARK(BM_G1_glibc_malloc_free);

void BM_G2_kmalloc_kfree(benchmark::State &state)
{
	volatile size_t run_time_size = object_size; // as most kmalloc callers pass
	size_t size = run_time_size;
	run_in_task([&state, size] {
		for (auto _ : state) {
			void *p = kmalloc(size, GFP_KERNEL);
			escape(p);
			kfree(p);
		}
	});
}
BENCHMARK(BM_G2_kmalloc_kfree);

constexpr int N = 1024;

void BM_G3_kmem_cache_N_then_N(benchmark::State &state)
{
	struct kmem_cache *c = machine().cache;
	std::vector<void *> objs(N);
	run_in_task([&] {
		for (auto _ : state) {
			for (int i = 0; i < N; i++)
				objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
			for (int i = 0; i < N; i++)
				kmem_cache_free(c, objs[i]);
		}
	});
	state.SetItemsProcessed(state.iterations() * N);
}
BENCHMARK(BM_G3_kmem_cache_N_then_N);

void BM_G3_glibc_N_then_N(benchmark::State &state)
{
	std::vector<void *> objs(N);
	for (auto _ : state) {
		for (int i = 0; i < N; i++)
			objs[i] = malloc(object_size);
		escape(objs.data());
		for (int i = 0; i < N; i++)
			free(objs[i]);
	}
	state.SetItemsProcessed(state.iterations() * N);
}
BENCHMARK(BM_G3_glibc_N_then_N);

constexpr int bulk = 16;

void BM_G4_bulk16(benchmark::State &state)
{
	struct kmem_cache *c = machine().cache;
	void *objs[bulk];
	run_in_task([&] {
		for (auto _ : state) {
			kmem_cache_alloc_bulk(c, GFP_KERNEL, bulk, objs);
			escape(objs);
			kmem_cache_free_bulk(c, bulk, objs);
		}
	});
	state.SetItemsProcessed(state.iterations() * bulk);
}
BENCHMARK(BM_G4_bulk16);

void BM_G4_single16(benchmark::State &state)
{
	struct kmem_cache *c = machine().cache;
	void *objs[bulk];
	run_in_task([&] {
		for (auto _ : state) {
			for (int i = 0; i < bulk; i++)
				objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
			escape(objs);
			for (int i = 0; i < bulk; i++)
				kmem_cache_free(c, objs[i]);
		}
	});
	state.SetItemsProcessed(state.iterations() * bulk);
}
BENCHMARK(BM_G4_single16);

} // namespace
