// SPDX-License-Identifier: GPL-2.0-only
// /proc/buddyinfo, /proc/zoneinfo and /proc/meminfo, byte for byte.
#include "mm_fixture.h"

#include "sim/mm/vmstat.h"

TEST_CASE("/proc/buddyinfo has one line per populated zone, each ending in a space")
{
	mm_machine b({.memory_bytes = 64ull << 20});
	alloc_pages(GFP_DMA, 0);
	CHECK(sim::proc_buddyinfo() ==
	      "Node 0, zone      DMA      1      1      1      1      1      1      1      1      1      1      3 \n"
	      "Node 0, zone   Normal      0      0      0      0      0      0      0      0      0      0     12 \n");
}

TEST_CASE("/proc/buddyinfo leaves out an empty ZONE_NORMAL")
{
	mm_machine b({.memory_bytes = 8ull << 20});
	CHECK(sim::proc_buddyinfo() ==
	      "Node 0, zone      DMA      0      0      0      0      0      0      0      0      0      0      2 \n");
}

TEST_CASE("/proc/zoneinfo shows free pages, watermarks, sizes and protection per zone")
{
	mm_machine b({.memory_bytes = 64ull << 20});
	CHECK(sim::proc_zoneinfo() == "Node 0, zone      DMA\n"
				      "  pages free     4096\n"
				      "        min      64\n"
				      "        low      80\n"
				      "        high     96\n"
				      "        spanned  4096\n"
				      "        present  4096\n"
				      "        managed  4096\n"
				      "        protection: (0, 48)\n"
				      "Node 0, zone   Normal\n"
				      "  pages free     12288\n"
				      "        min      192\n"
				      "        low      240\n"
				      "        high     288\n"
				      "        spanned  12288\n"
				      "        present  12288\n"
				      "        managed  12288\n"
				      "        protection: (0, 0)\n");
}

TEST_CASE("/proc/meminfo counts in kB, labels in 16 columns, values in 8")
{
	mm_machine b({.memory_bytes = 64ull << 20});
	// MemAvailable: free minus totalreserve_pages (DMA 48 + 96, Normal 288) = 15952 pages.
	CHECK(sim::proc_meminfo() == "MemTotal:          65536 kB\n"
				     "MemFree:           65536 kB\n"
				     "MemAvailable:      63808 kB\n"
				     "KReclaimable:          0 kB\n"
				     "Slab:                  0 kB\n"
				     "SReclaimable:          0 kB\n"
				     "SUnreclaim:            0 kB\n");
}

TEST_CASE("/proc/meminfo's slab lines follow the slab layer's page counts")
{
	mm_machine b({.memory_bytes = 64ull << 20});
	sim::mod_node_page_state_slab(true, 3);
	sim::mod_node_page_state_slab(false, 5);
	std::string info = sim::proc_meminfo();
	CHECK(info.find("KReclaimable:         12 kB\n") != std::string::npos);
	CHECK(info.find("Slab:                 32 kB\n") != std::string::npos);
	CHECK(info.find("SReclaimable:         12 kB\n") != std::string::npos);
	CHECK(info.find("SUnreclaim:           20 kB\n") != std::string::npos);
	// Half of reclaimable slab (rounded down) counts as available.
	CHECK(info.find("MemAvailable:      63816 kB\n") != std::string::npos);
}

TEST_CASE("MemFree follows allocations")
{
	mm_machine b({.memory_bytes = 64ull << 20});
	alloc_pages(GFP_KERNEL, 4);
	CHECK(sim::proc_meminfo().find("MemFree:           65472 kB\n") != std::string::npos);
}
