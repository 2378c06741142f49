// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/memory.h"
#include "sim/mm/state.h"

#include "linux/page-flags.h"
#include "sim/mm/mmzone.h"

#include <cerrno>
#include <fmt/format.h>
#include <sys/mman.h>
#include <system_error>

struct page *mem_map;
unsigned long max_pfn;

namespace sim {

char *phys_base;

namespace {
// Recognisable homes for the two mappings, far from where the host puts its own (and
// above AddressSanitizer's shadow on x86-64). When one is taken, the next of a fixed list:
// never an address the host picks, so the simulator's addresses are the same in every run
// whatever ASLR did (docs/tracing.md, "Determinism").
constexpr std::uintptr_t phys_home = 0x200000000000ul;
constexpr std::uintptr_t mem_map_home = 0x300000000000ul;
constexpr std::uintptr_t home_stride = 0x20000000000ul; // 2 TiB; 8 homes stay below the next base
constexpr int nr_homes = 8;

void *reserve(std::uintptr_t home, std::size_t len, const char *what)
{
	const int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE;
	int err = EEXIST;
	for (int i = 0; i < nr_homes && err == EEXIST; i++) {
		void *hint = reinterpret_cast<void *>(home + i * home_stride);
		void *p = mmap(hint, len, PROT_READ | PROT_WRITE, flags, -1, 0);
		if (p == hint)
			return p;
		err = p == MAP_FAILED ? errno : EEXIST;
		if (p != MAP_FAILED) // a kernel before 4.17 takes MAP_FIXED_NOREPLACE as a hint
			munmap(p, len);
	}
	throw std::system_error(err, std::generic_category(),
				fmt::format("cannot reserve {} bytes of address space for {} at {:#x} or the {} "
					    "fixed addresses after it",
					    len, what, home, nr_homes - 1));
}
} // namespace

// max_pfn is set last: while it is 0, phys_addr_valid says no to every address.
void memory_reserve(std::uint64_t bytes)
{
	mm_globals.phys_len = bytes;
	mm_globals.mem_map_len = (bytes >> PAGE_SHIFT) * sizeof(page);
	phys_base = static_cast<char *>(reserve(phys_home, mm_globals.phys_len, "simulated memory"));
	try {
		mem_map = static_cast<page *>(reserve(mem_map_home, mm_globals.mem_map_len, "mem_map"));
	} catch (...) {
		munmap(phys_base, mm_globals.phys_len);
		phys_base = nullptr;
		throw;
	}
	max_pfn = bytes >> PAGE_SHIFT;
}

void memory_release()
{
	if (mem_map)
		munmap(mem_map, mm_globals.mem_map_len);
	if (phys_base)
		munmap(phys_base, mm_globals.phys_len);
	mem_map = nullptr;
	phys_base = nullptr;
	max_pfn = 0;
}

} // namespace sim

extern "C" {

void *page_address(const struct page *page)
{
	return sim::phys_base + (sim::pfn_of(page) << PAGE_SHIFT);
}

struct page *virt_to_page(const void *addr) { return sim::phys_to_page(addr); }

unsigned long page_to_pfn(const struct page *page) { return sim::pfn_of(page); }

struct page *pfn_to_page(unsigned long pfn) { return mem_map + pfn; }

bool virt_addr_valid(const void *addr) { return sim::phys_addr_valid(addr); }

int page_ref_count(const struct page *page) { return page->_refcount.counter; }

void get_page(struct page *page) { compound_head(page)->_refcount.counter++; }

void put_page(struct page *page)
{
	page = compound_head(page);
	__free_pages(page, compound_order(page));
}

} // extern "C"
