// SPDX-License-Identifier: GPL-2.0-only
// GFP masks and page flags by name, as %pGg, %pGp and show_gfp_flags() print them.
#include "linux/gfp.h"
#include "linux/page-flags.h"
#include "sim/mm/mmflags.h"

#include <catch2/catch.hpp>

TEST_CASE("the GFP composites have the bit values of v5.4")
{
	CHECK(GFP_KERNEL == 0xcc0);
	CHECK(GFP_ATOMIC == 0xa20);
	CHECK(GFP_NOWAIT == 0x800);
	CHECK(GFP_NOIO == 0xc00);
	CHECK(GFP_NOFS == 0xc40);
	CHECK(GFP_USER == 0x100cc0);
	CHECK(GFP_HIGHUSER_MOVABLE == 0x100cca);
}

TEST_CASE("a GFP mask is named by its composites first, then its single flags")
{
	CHECK(sim::gfp_flag_names(GFP_KERNEL) == "GFP_KERNEL");
	CHECK(sim::gfp_flag_names(GFP_KERNEL | __GFP_NOWARN | __GFP_ZERO) == "GFP_KERNEL|__GFP_NOWARN|__GFP_ZERO");
	CHECK(sim::gfp_flag_names(GFP_ATOMIC | __GFP_NOMEMALLOC) == "GFP_ATOMIC|__GFP_NOMEMALLOC");
	CHECK(sim::gfp_flag_names(__GFP_RECLAIM) == "GFP_NOIO");
	CHECK(sim::gfp_flag_names(__GFP_DIRECT_RECLAIM) == "__GFP_DIRECT_RECLAIM");
	CHECK(sim::gfp_flag_names(GFP_DMA | __GFP_HIGH) == "GFP_DMA|__GFP_HIGH");
	CHECK(sim::gfp_flag_names(GFP_TRANSHUGE) == "GFP_TRANSHUGE");
}

TEST_CASE("bits no GFP name covers are printed in hex, and an empty mask as nothing")
{
	CHECK(sim::gfp_flag_names(GFP_NOWAIT | 0x800000) == "GFP_NOWAIT|0x800000");
	CHECK(sim::gfp_flag_names(0x800000) == "0x800000");
	CHECK(sim::gfp_flag_names(0) == "");
}

TEST_CASE("page flags are named in the order of the kernel's table")
{
	CHECK(sim::page_flag_names(1ul << PG_slab | 1ul << PG_head) == "slab|head");
	CHECK(sim::page_flag_names(1ul << PG_locked | 1ul << PG_waiters | 1ul << PG_error) == "locked|waiters|error");
	CHECK(sim::page_flag_names(0) == "");
}
