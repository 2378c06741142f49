// SPDX-License-Identifier: GPL-2.0-only
// Booting simulated memory: zones, bad configurations, and what a large machine costs.
#include "mm_fixture.h"

#include "sim/mm/memory.h"

#include <sys/mman.h>
#include <stdexcept>

namespace {
// Bytes of [p, p + len) the host has backed with real memory.
std::size_t resident_bytes(const void *p, std::size_t len)
{
	std::vector<unsigned char> vec((len + 4095) / 4096);
	REQUIRE(mincore(const_cast<void *>(p), len, vec.data()) == 0);
	std::size_t pages = 0;
	for (unsigned char v : vec)
		pages += v & 1;
	return pages * 4096;
}
} // namespace

TEST_CASE("ZONE_DMA is the first 16 MiB and ZONE_NORMAL the rest")
{
	mm_machine b({.memory_bytes = 64ull << 20});
	const auto &dma = contig_page_data.node_zones[ZONE_DMA], &normal = contig_page_data.node_zones[ZONE_NORMAL];
	CHECK((dma.zone_start_pfn == 0 && dma.spanned_pages == 4096));
	CHECK((normal.zone_start_pfn == 4096 && normal.spanned_pages == 12288));
	CHECK(totalram_pages() == 16384);
}

TEST_CASE("a machine with no memory or a size that is not whole pages is refused")
{
	sim::machine_config cfg;
	cfg.memory_bytes = 0;
	CHECK_THROWS_AS(sim::machine(cfg), std::invalid_argument);
	cfg.memory_bytes = (64ull << 20) + 100;
	CHECK_THROWS_WITH(sim::machine(cfg), "memory size 67108964 is not a multiple of the page size (4096)");
	cfg.memory_bytes = 64ull << 20;
	cfg.min_free_kbytes = -5;
	CHECK_THROWS_AS(sim::machine(cfg), std::invalid_argument);
	cfg.min_free_kbytes = -1;
	test_machine after_refusals(cfg); // nothing was left half-booted
	require_invariants();
}

TEST_CASE("sizes are read as the kernel's memparse reads them")
{
	CHECK(sim::memparse("65536") == 65536);
	CHECK(sim::memparse("64K") == 64ull << 10);
	CHECK(sim::memparse("64M") == 64ull << 20);
	CHECK(sim::memparse("16G") == 16ull << 30);
	CHECK_THROWS_AS(sim::memparse("12X"), std::invalid_argument);
	CHECK_THROWS_AS(sim::memparse("M"), std::invalid_argument);
	CHECK_THROWS_AS(sim::memparse("99999999999G"), std::invalid_argument);
}

TEST_CASE("a 16 GiB machine boots touching one struct page per 4 MiB block and no memory")
{
	mm_machine b({.memory_bytes = 16ull << 30});
	CHECK(totalram_pages() == 4194304);
	CHECK(nr_free(ZONE_NORMAL, 10) == 4096 - 4);
	// 4096 block heads, each on its own page of mem_map: 16 MiB of a 352 MiB array.
	CHECK(resident_bytes(mem_map, max_pfn * sizeof(struct page)) <= 4096ul * 4096);
	CHECK(resident_bytes(sim::phys_base, max_pfn * PAGE_SIZE) == 0);
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	*static_cast<long *>(page_address(page)) = 1;
	CHECK(resident_bytes(sim::phys_base, max_pfn * PAGE_SIZE) == 4096);
}

TEST_CASE("addresses, page frames and struct pages convert into each other")
{
	mm_machine b;
	struct page *page = pfn_to_page(5000);
	CHECK(page_to_pfn(page) == 5000);
	CHECK(page_address(page) == sim::phys_base + 5000 * PAGE_SIZE);
	CHECK(virt_to_page(sim::phys_base + 5000 * PAGE_SIZE + 123) == page);
	CHECK(virt_addr_valid(sim::phys_base + 16384 * PAGE_SIZE - 1));
	CHECK_FALSE(virt_addr_valid(sim::phys_base + 16384 * PAGE_SIZE));
}

namespace {
// Maps one page at each of `homes`, as another mapping of the host process would.
struct squatters {
	std::vector<void *> pages;
	explicit squatters(std::initializer_list<std::uintptr_t> homes)
	{
		for (std::uintptr_t home : homes) {
			void *p = mmap(reinterpret_cast<void *>(home), 4096, PROT_READ,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
			REQUIRE(p == reinterpret_cast<void *>(home));
			pages.push_back(p);
		}
	}
	~squatters()
	{
		for (void *p : pages)
			munmap(p, 4096);
	}
};
} // namespace

TEST_CASE("simulated memory lives at a fixed address, and at the next fixed one when that is taken")
{
	{
		mm_machine b;
		CHECK(reinterpret_cast<std::uintptr_t>(sim::phys_base) == 0x200000000000ul);
		CHECK(reinterpret_cast<std::uintptr_t>(mem_map) == 0x300000000000ul);
	}
	squatters taken({0x200000000000ul, 0x300000000000ul});
	mm_machine b;
	CHECK(reinterpret_cast<std::uintptr_t>(sim::phys_base) == 0x220000000000ul);
	CHECK(reinterpret_cast<std::uintptr_t>(mem_map) == 0x320000000000ul);
}

TEST_CASE("a machine none of whose fixed addresses is free is refused, never placed where the host chooses")
{
	squatters taken({0x200000000000ul, 0x220000000000ul, 0x240000000000ul, 0x260000000000ul, 0x280000000000ul,
			 0x2a0000000000ul, 0x2c0000000000ul, 0x2e0000000000ul});
	CHECK_THROWS_WITH(mm_machine(), Catch::Contains("cannot reserve 67108864 bytes of address space for simulated "
							"memory at 0x200000000000 or the 7 fixed addresses after it"));
	CHECK(sim::phys_base == nullptr);
}

