// SPDX-License-Identifier: GPL-2.0-only
// Simulated physical memory and mem_map.
//
// Both are one reservation of address space each (mmap with MAP_NORESERVE), backed by the
// host only where touched: a 16 GiB machine costs what its live pages and the struct pages
// the allocator has written cost. The mappings are placed at fixed, recognisable addresses
// (or fail to boot), never where the host's ASLR would put them: page frame N is at
// phys_base + N * 4096.
#pragma once

#include "linux/mm.h"
#include "sim/mm/page.h"

#include <cstdint>

extern struct page *mem_map; // one struct page per page frame, pfn 0 first
extern unsigned long max_pfn; // page frames in the machine

namespace sim {

extern char *phys_base; // the address of page frame 0

// Reserves memory and mem_map for `bytes` of physical memory (a multiple of PAGE_SIZE).
// Throws std::system_error when the host refuses the address space.
void memory_reserve(std::uint64_t bytes);
void memory_release();

inline unsigned long pfn_of(const page *p) { return static_cast<unsigned long>(p - mem_map); }

// The kernel's virt_addr_valid and virt_to_page for simulated memory, inline for the slab's
// free path: one subtraction and one compare (an address below the base wraps high; with no
// memory reserved max_pfn is 0).
inline bool phys_addr_valid(const void *addr)
{
	std::uintptr_t pfn = (reinterpret_cast<std::uintptr_t>(addr) - reinterpret_cast<std::uintptr_t>(phys_base)) >> PAGE_SHIFT;
	return pfn < max_pfn;
}

inline page *phys_to_page(const void *addr)
{
	return mem_map + ((reinterpret_cast<std::uintptr_t>(addr) - reinterpret_cast<std::uintptr_t>(phys_base)) >> PAGE_SHIFT);
}

// True when p points at a struct page of this machine's mem_map (not into the middle of one).
inline bool page_in_mem_map(const void *p)
{
	auto a = reinterpret_cast<std::uintptr_t>(p), base = reinterpret_cast<std::uintptr_t>(mem_map);
	return mem_map && a >= base && a < base + max_pfn * sizeof(page) && (a - base) % sizeof(page) == 0;
}

} // namespace sim
