// SPDX-License-Identifier: GPL-2.0-only
// The page allocator's order-0 round trip against glibc's malloc/free of the same 4096
// bytes, in the same process. Compare the two with tools/bench/run.sh (ratio of medians).
#include "bench.h"

#include "linux/gfp.h"

#include <benchmark/benchmark.h>
#include <cstdlib>

namespace {

void BM_alloc_pages_order0(benchmark::State &state)
{
	bench::machine();
	for (auto _ : state) {
		struct page *page = alloc_pages(GFP_KERNEL, 0);
		bench::escape(page);
		__free_pages(page, 0);
	}
}
BENCHMARK(BM_alloc_pages_order0);

void BM_glibc_malloc_4096(benchmark::State &state)
{
	for (auto _ : state) {
		void *p = std::malloc(4096);
		bench::escape(p);
		std::free(p);
	}
}
BENCHMARK(BM_glibc_malloc_4096);

} // namespace
