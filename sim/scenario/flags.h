// SPDX-License-Identifier: GPL-2.0-only
// The kernel flag and errno names a scenario may write, with the values the kernel's headers give them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim::scenario {

// GFP_KERNEL, GFP_ATOMIC, __GFP_NOWARN, ... (linux/gfp.h)
std::optional<std::uint32_t> gfp_flag(std::string_view name);
// SLAB_HWCACHE_ALIGN or HWCACHE_ALIGN, SLAB_POISON or POISON, ... (linux/slab.h)
std::optional<std::uint32_t> slab_flag(std::string_view name);
// ENOMEM, EBUSY, ... (linux/errno.h): the positive value, and the name of one.
std::optional<std::uint32_t> errno_value(std::string_view name);
std::string errno_name(int err);
// The names a message lists when a flag is unknown.
std::string gfp_flag_names();
std::string slab_flag_names();

} // namespace sim::scenario
