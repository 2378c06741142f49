// SPDX-License-Identifier: GPL-2.0-only
#include "sim/mm/mmflags.h"

#include "linux/gfp.h"
#include "linux/page-flags.h"

#include <fmt/format.h>
#include <span>

namespace sim {

namespace {
struct flag_name {
	unsigned long mask;
	const char *name;
};

// The order matters: a composite is printed when all of its bits are set, and its bits
// are then used up, so the larger composites come first.
constexpr flag_name gfpflag_names[] = {
	{GFP_TRANSHUGE, "GFP_TRANSHUGE"},
	{GFP_TRANSHUGE_LIGHT, "GFP_TRANSHUGE_LIGHT"},
	{GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE"},
	{GFP_HIGHUSER, "GFP_HIGHUSER"},
	{GFP_USER, "GFP_USER"},
	{GFP_KERNEL_ACCOUNT, "GFP_KERNEL_ACCOUNT"},
	{GFP_KERNEL, "GFP_KERNEL"},
	{GFP_NOFS, "GFP_NOFS"},
	{GFP_ATOMIC, "GFP_ATOMIC"},
	{GFP_NOIO, "GFP_NOIO"},
	{GFP_NOWAIT, "GFP_NOWAIT"},
	{GFP_DMA, "GFP_DMA"},
	{__GFP_HIGHMEM, "__GFP_HIGHMEM"},
	{GFP_DMA32, "GFP_DMA32"},
	{__GFP_HIGH, "__GFP_HIGH"},
	{__GFP_ATOMIC, "__GFP_ATOMIC"},
	{__GFP_IO, "__GFP_IO"},
	{__GFP_FS, "__GFP_FS"},
	{__GFP_NOWARN, "__GFP_NOWARN"},
	{__GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL"},
	{__GFP_NOFAIL, "__GFP_NOFAIL"},
	{__GFP_NORETRY, "__GFP_NORETRY"},
	{__GFP_COMP, "__GFP_COMP"},
	{__GFP_ZERO, "__GFP_ZERO"},
	{__GFP_NOMEMALLOC, "__GFP_NOMEMALLOC"},
	{__GFP_MEMALLOC, "__GFP_MEMALLOC"},
	{__GFP_HARDWALL, "__GFP_HARDWALL"},
	{__GFP_THISNODE, "__GFP_THISNODE"},
	{__GFP_RECLAIMABLE, "__GFP_RECLAIMABLE"},
	{__GFP_MOVABLE, "__GFP_MOVABLE"},
	{__GFP_ACCOUNT, "__GFP_ACCOUNT"},
	{__GFP_WRITE, "__GFP_WRITE"},
	{__GFP_RECLAIM, "__GFP_RECLAIM"},
	{__GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM"},
	{__GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM"},
};

constexpr flag_name pageflag_names[] = {
	{1UL << PG_locked, "locked"},       {1UL << PG_waiters, "waiters"},
	{1UL << PG_error, "error"},         {1UL << PG_referenced, "referenced"},
	{1UL << PG_uptodate, "uptodate"},   {1UL << PG_dirty, "dirty"},
	{1UL << PG_lru, "lru"},             {1UL << PG_active, "active"},
	{1UL << PG_workingset, "workingset"}, {1UL << PG_slab, "slab"},
	{1UL << PG_owner_priv_1, "owner_priv_1"}, {1UL << PG_arch_1, "arch_1"},
	{1UL << PG_reserved, "reserved"},   {1UL << PG_private, "private"},
	{1UL << PG_private_2, "private_2"}, {1UL << PG_writeback, "writeback"},
	{1UL << PG_head, "head"},           {1UL << PG_mappedtodisk, "mappedtodisk"},
	{1UL << PG_reclaim, "reclaim"},     {1UL << PG_swapbacked, "swapbacked"},
	{1UL << PG_unevictable, "unevictable"}, {1UL << PG_mlocked, "mlocked"},
};

// lib/vsprintf.c's format_flags(): names joined by '|', what is left over in hex.
std::string format_flags(unsigned long flags, std::span<const flag_name> names)
{
	std::string out;
	for (const auto &n : names) {
		if (!flags)
			break;
		if ((flags & n.mask) != n.mask)
			continue;
		out += n.name;
		flags &= ~n.mask;
		if (flags)
			out += '|';
	}
	if (flags)
		out += fmt::format("{:#x}", flags);
	return out;
}
} // namespace

std::string gfp_flag_names(gfp_t gfp_mask) { return format_flags(gfp_mask, gfpflag_names); }

bool gfp_flag_value(const std::string &name, gfp_t *mask)
{
	for (const flag_name &n : gfpflag_names)
		if (name == n.name) {
			*mask = static_cast<gfp_t>(n.mask);
			return true;
		}
	return false;
}

std::string gfp_flag_list()
{
	std::string out;
	for (const flag_name &n : gfpflag_names)
		out += (out.empty() ? "" : ", ") + std::string(n.name);
	return out;
}

std::string page_flag_names(unsigned long flags)
{
	return format_flags(flags & ((1UL << __NR_PAGEFLAGS) - 1), pageflag_names);
}

} // namespace sim
