// SPDX-License-Identifier: GPL-2.0-only
// The random API-sequence stress run (tests/stress/random_api.cpp): tasks on every CPU
// draw kernel calls from one seeded PRNG — kmem_cache_alloc/free and the bulk calls,
// kmalloc/kfree of many sizes, mempool_alloc/free, alloc_pages/__free_pages, cache and pool
// create/destroy, short sleeps — under failslab and fail_page_alloc, checking the machine's
// invariants as they go. What it found is in its result; it never asserts from a task.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace stress {

struct options {
	std::uint64_t seed = 1;
	std::uint64_t ops = 1000000;     // in total, over all tasks
	std::uint64_t check_every = 4096; // ops between check_machine() calls from a task
	std::uint64_t engine_every = 64;  // engine steps between checks by the run loop's hook
	unsigned cpus = 4;
	unsigned fail_percent = 3;        // failslab and fail_page_alloc probability
	unsigned preempt_percent = 5;     // seeded preemption at preemption points
	bool slab_debug = false;          // red zones, poisoning and caller tracking on every cache
};

struct result {
	std::uint64_t ops = 0;        // calls made
	std::uint64_t failed = 0;     // allocations that returned NULL (fault injection, pools)
	std::uint64_t checks = 0;     // check_machine() calls from the tasks
	std::vector<std::string> violations; // what check_machine() found, with the op count
	std::vector<std::string> leaks;      // what was not given back at the end
	std::vector<std::string> reports;    // kernel reports of a misuse or a broken invariant
	std::string run_status;       // why the engine's run ended ("idle" when every task finished)
};

// Boots a machine, runs the sequence, frees everything and checks for leaks.
result run(const options &o);

} // namespace stress
