// SPDX-License-Identifier: GPL-2.0-only
// A module's memory as the loader maps it (the kernel's module_layout): where its object lies,
// which of its segments hold code, and the fixed kernel address reports show for it.
//
// At rmmod the kernel frees a module's memory: a thread that wakes in it afterwards, or a
// timer whose function was in it, faults on an instruction fetch and oopses. slabsim models
// that by making the code segments inaccessible at unload (free_module_text) while the
// mapping stays reserved, so nothing else can land there; the object is closed (dlclose) only
// at machine teardown, when no task is left that could run it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sim {

struct module_segment {
	std::uintptr_t start; // page-aligned
	std::size_t size;     // whole pages
	int prot;             // PROT_* it was mapped with
};

struct module_mapping {
	std::uintptr_t base = 0, end = 0;   // first and one past the last mapped byte
	std::vector<module_segment> code;   // the executable PT_LOAD segments
	std::uint64_t kernel_base = 0;      // where %p and kallsyms place `base`
	bool text_freed = false;
};

// Finds the segments of the object dlopen() mapped as `handle` and gives the mapping a fixed
// kernel address in the module area, so reports print the same addresses on every run.
module_mapping map_module_memory(void *handle);

// rmmod's module_memfree(): the code becomes inaccessible (PROT_NONE); data stays, because
// the simulator's own lists (timers, wait queues) may still link through it.
void free_module_text(module_mapping &m);
// Teardown: the code is readable again, so tasks can unwind through it and dlclose() can run
// the object's finalizers.
void restore_module_text(module_mapping &m);
// Forgets the fixed address (just before dlclose).
void unmap_module_memory(const module_mapping &m);

bool in_module_text(const module_mapping &m, std::uintptr_t addr);

// The kernel address of the next module loaded back to the start (machine teardown).
void module_addresses_reset();

} // namespace sim
