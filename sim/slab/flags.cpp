// SPDX-License-Identifier: GPL-2.0-only
#include "sim/slab/flags.h"

#include "linux/slab.h"
#include "sim/slab/slab_def.h"

namespace sim {

namespace {

#define F(x, create) {x, #x, create}
constexpr slab_flag_name names[] = {
	F(SLAB_HWCACHE_ALIGN, true),    F(SLAB_POISON, true),       F(SLAB_RED_ZONE, true),
	F(SLAB_STORE_USER, true),       F(SLAB_RECLAIM_ACCOUNT, true), F(SLAB_PANIC, true),
	F(SLAB_CACHE_DMA, true),        F(SLAB_CACHE_DMA32, true),  F(SLAB_TYPESAFE_BY_RCU, true),
	F(SLAB_ACCOUNT, true),          F(SLAB_CONSISTENCY_CHECKS, true),
	F(SLAB_MEM_SPREAD, false),      F(SLAB_TRACE, false),       F(SLAB_DEBUG_OBJECTS, false),
	F(SLAB_NOLEAKTRACE, false),     F(SLAB_FAILSLAB, false),    F(SLAB_DEACTIVATED, false),
	F(CFLGS_OBJFREELIST_SLAB, false), F(CFLGS_OFF_SLAB, false),
};
#undef F

} // namespace

std::span<const slab_flag_name> slab_flag_names() { return names; }

std::optional<slab_flags_t> slab_create_flag(std::string_view name)
{
	for (const slab_flag_name &f : names)
		if (f.create && (name == f.name || std::string_view(f.name).substr(5) == name))
			return f.mask;
	return std::nullopt;
}

std::string slab_create_flag_list()
{
	std::string out;
	for (const slab_flag_name &f : names)
		if (f.create)
			out += (out.empty() ? "" : ", ") + std::string(f.name);
	return out;
}

} // namespace sim
