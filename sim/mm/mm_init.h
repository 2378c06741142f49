// SPDX-License-Identifier: GPL-2.0-only
// Boot and teardown of the memory subsystem (mm_init() and friends in init/main.c).
#pragma once

namespace sim {

struct machine_config;

// Reserves physical memory, lays out ZONE_DMA (the first 16 MiB) and ZONE_NORMAL, frees
// every page frame into the buddy allocator, derives the watermarks, and resets the hog,
// fault injection and counters. Throws std::invalid_argument for a config that cannot work.
void mm_boot(const machine_config &cfg);
void mm_teardown();

} // namespace sim
