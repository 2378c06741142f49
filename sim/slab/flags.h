// SPDX-License-Identifier: GPL-2.0-only
// The SLAB_* cache flags by name: the one table that scenarios (cache ... flags), messages and
// the gdb helpers take their names from. The values are linux/slab.h's and slab_def.h's.
#pragma once

#include "linux/types.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sim {

struct slab_flag_name {
	slab_flags_t mask;
	const char *name;  // the kernel's macro, "SLAB_POISON"
	bool create;       // a kmem_cache_create caller may pass it
};

// The flags a caller passes first, in the order a message lists them; then those the kernel
// sets or keeps for itself.
std::span<const slab_flag_name> slab_flag_names();

// The value of a flag a kmem_cache_create caller may pass: "SLAB_POISON", or "POISON".
std::optional<slab_flags_t> slab_create_flag(std::string_view name);
// "SLAB_HWCACHE_ALIGN, SLAB_POISON, ...": those flags, for a message.
std::string slab_create_flag_list();

} // namespace sim
