// SPDX-License-Identifier: GPL-2.0-only
// A simulated machine: its configuration, and the object whose lifetime is "booted".
//
// The kernel's API has no machine parameter (alloc_pages, kmem_cache_alloc, current, ...),
// so each subsystem keeps its state in globals, as the kernel does. One machine is booted
// at a time; constructing a `machine` boots every subsystem in the order the kernel's
// start_kernel() does (memory, scheduler, slab, ...), destroying it tears them down in reverse.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sim {

struct machine_config {
	std::uint64_t memory_bytes = 64ull << 20; // simulated physical memory
	unsigned nr_cpus = 2;                     // 1..64
	unsigned hz = 250;                        // CONFIG_HZ
	std::uint64_t seed = 1;                   // every PRNG in the machine derives from this
	long min_free_kbytes = -1;                // -1: derive as the kernel does at boot
	unsigned preempt_percent = 0;             // seeded mode: chance (0..100) of a switch at each preemption point
	bool slab_debug = false;                  // like booting with slab_debug: debug flags on every cache
	std::uint64_t time_limit_ns = 600'000'000'000; // no run goes past this virtual time (docs/engine.md, "Limits")
};

// Throws std::invalid_argument with a message fit for a user when `cfg` cannot work.
void validate(const machine_config &cfg);

class machine {
public:
	explicit machine(const machine_config &cfg = {});
	~machine();
	machine(const machine &) = delete;
	machine &operator=(const machine &) = delete;

	const machine_config &config() const { return cfg_; }

private:
	machine_config cfg_;
};

// A size as the kernel's memparse() reads it: "65536", "64K", "64M", "16G" (bytes).
// Throws std::invalid_argument with a message fit for a user.
std::uint64_t memparse(std::string_view text);

} // namespace sim
