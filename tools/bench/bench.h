// SPDX-License-Identifier: GPL-2.0-only
// What the benchmarks share: a machine booted once per process with a cache of 256-byte
// objects, a way to run a body inside a simulated task, and an escape for results.
#pragma once

#include "sim/machine.h"
#include "sim/sched/sched.h"
#include "sim/trace/printk.h"

#include "linux/slab.h"

#include <benchmark/benchmark.h>
#include <functional>

namespace bench {

constexpr size_t object_size = 256;

struct booted_machine {
	sim::machine m{quiet()};
	struct kmem_cache *cache = kmem_cache_create("bench256", object_size, 0, 0, nullptr);

	static sim::machine_config quiet()
	{
		sim::console_loglevel = 0; // a benchmark's output is its numbers
		return {};
	}
};

inline booted_machine &machine()
{
	static booted_machine bm;
	return bm;
}

// Keeps the compiler from dropping an allocation whose result is otherwise unused. (Google
// Benchmark 1.7.1's DoNotOptimize on an lvalue lets GCC hand back a clobbered value: under
// ASan the glibc peer freed a stack address.)
inline void escape(const void *p)
{
	asm volatile("" : : "g"(p) : "memory");
}

// Kernel code runs in a task: the simulated calls are timed inside one, on CPU 0.
inline void run_in_task(const std::function<void()> &body)
{
	machine();
	sim::spawn(0, "bench", body);
	sim::run();
}

// G1: one kmem_cache_alloc+kmem_cache_free of a 256-byte object an iteration (the array hit);
// also the peer the mempool's hot path is measured against.
inline void cache_pair_loop(benchmark::State &state)
{
	struct kmem_cache *c = machine().cache;
	// c by value: escape's clobber would otherwise reload it through the closure each time.
	run_in_task([&state, c] {
		for (auto _ : state) {
			void *p = kmem_cache_alloc(c, GFP_KERNEL);
			escape(p);
			kmem_cache_free(c, p);
		}
	});
}

} // namespace bench
