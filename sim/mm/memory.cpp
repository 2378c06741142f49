// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/memory.h"

#include "linux/page-flags.h"
#include "sim/mm/mmzone.h"

#include <cerrno>
#include <sys/mman.h>
#include <system_error>

struct page *mem_map;
unsigned long max_pfn;

namespace sim {

char *phys_base;

namespace {
// Recognisable homes for the two mappings, far from where the host puts its own (and
// above AddressSanitizer's shadow on x86-64). Used when free; anywhere otherwise.
void *const phys_hint = reinterpret_cast<void *>(0x200000000000ul);
void *const mem_map_hint = reinterpret_cast<void *>(0x300000000000ul);
std::size_t phys_len, mem_map_len;

void *reserve(void *hint, std::size_t len)
{
	const int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
	void *p = mmap(hint, len, PROT_READ | PROT_WRITE, flags | MAP_FIXED_NOREPLACE, -1, 0);
	if (p == MAP_FAILED)
		p = mmap(nullptr, len, PROT_READ | PROT_WRITE, flags, -1, 0);
	if (p == MAP_FAILED)
		throw std::system_error(errno, std::generic_category(),
					"cannot reserve address space for simulated memory");
	return p;
}
} // namespace

// max_pfn is set last: while it is 0, phys_addr_valid says no to every address.
void memory_reserve(std::uint64_t bytes)
{
	phys_len = bytes;
	mem_map_len = (bytes >> PAGE_SHIFT) * sizeof(page);
	phys_base = static_cast<char *>(reserve(phys_hint, phys_len));
	try {
		mem_map = static_cast<page *>(reserve(mem_map_hint, mem_map_len));
	} catch (...) {
		munmap(phys_base, phys_len);
		phys_base = nullptr;
		throw;
	}
	max_pfn = bytes >> PAGE_SHIFT;
}

void memory_release()
{
	if (mem_map)
		munmap(mem_map, mem_map_len);
	if (phys_base)
		munmap(phys_base, phys_len);
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
