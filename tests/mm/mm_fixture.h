// SPDX-License-Identifier: GPL-2.0-only
// What every page-allocator test needs: a booted machine with a quiet console and an
// empty log, and the invariant check to call after each step.
#pragma once

#include "linux/gfp.h"
#include "linux/mm.h"
#include "sim/machine.h"
#include "sim/mm/check.h"
#include "sim/mm/mm_init.h"
#include "sim/mm/mmzone.h"
#include "sim/mm/proc.h"
#include "sim/trace/printk.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

// The memory subsystem alone, booted as sim::machine boots it first: the page
// allocator's tests see exactly the memory layout of boot, before the slab layer
// or the scheduler take any pages.
struct booted_machine {
	explicit booted_machine(std::uint64_t memory_bytes = 64ull << 20, long min_free_kbytes = -1, std::uint64_t seed = 1)
	{
		sim::console_loglevel = 0;
		sim::machine_config cfg;
		cfg.memory_bytes = memory_bytes;
		cfg.min_free_kbytes = min_free_kbytes;
		cfg.seed = seed;
		sim::validate(cfg);
		sim::mm_boot(cfg);
		sim::log_clear();
	}
	~booted_machine() { sim::mm_teardown(); }
	booted_machine(const booted_machine &) = delete;
	booted_machine &operator=(const booted_machine &) = delete;
};

inline void require_invariants()
{
	REQUIRE(sim::check_page_allocator() == std::vector<std::string>{});
}

// The whole kernel log as one string, for "contains" checks.
inline std::string log_text()
{
	std::string all;
	for (const auto &r : sim::log_records())
		all += r.text;
	return all;
}

// Free blocks of one order in one zone (the numbers /proc/buddyinfo prints).
inline unsigned long nr_free(enum zone_type zone, unsigned int order)
{
	return contig_page_data.node_zones[zone].free_area[order].nr_free;
}
