// SPDX-License-Identifier: GPL-2.0-only
#include "sim/scenario/flags.h"

#include "linux/errno.h"
#include "linux/gfp.h"
#include "linux/mm.h"
#include "linux/slab.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <vector>

namespace sim::scenario {

namespace {

struct flag {
	const char *name;
	std::uint32_t value;
};

#define F(x) {#x, x}
constexpr flag gfp_flags[] = {
	F(GFP_KERNEL),     F(GFP_ATOMIC),           F(GFP_NOWAIT),       F(GFP_NOIO),
	F(GFP_NOFS),       F(GFP_USER),             F(GFP_DMA),          F(GFP_DMA32),
	F(__GFP_NOWARN),   F(__GFP_ZERO),           F(__GFP_NORETRY),    F(__GFP_NOFAIL),
	F(__GFP_RETRY_MAYFAIL), F(__GFP_HIGH),      F(__GFP_ATOMIC),     F(__GFP_IO),
	F(__GFP_FS),       F(__GFP_DIRECT_RECLAIM), F(__GFP_KSWAPD_RECLAIM), F(__GFP_RECLAIM),
	F(__GFP_MEMALLOC), F(__GFP_NOMEMALLOC),     F(__GFP_COMP),       F(__GFP_RECLAIMABLE),
	F(__GFP_ACCOUNT),
};
constexpr flag slab_flags[] = {
	F(SLAB_HWCACHE_ALIGN), F(SLAB_POISON),   F(SLAB_RED_ZONE),       F(SLAB_STORE_USER),
	F(SLAB_RECLAIM_ACCOUNT), F(SLAB_PANIC),  F(SLAB_CACHE_DMA),      F(SLAB_CACHE_DMA32),
	F(SLAB_TYPESAFE_BY_RCU), F(SLAB_ACCOUNT), F(SLAB_CONSISTENCY_CHECKS),
};
constexpr flag errnos[] = {
	F(EPERM),  F(ENOENT), F(ESRCH),  F(EINTR),   F(EIO),     F(ENXIO),        F(E2BIG),
	F(ENOEXEC), F(EBADF), F(ECHILD), F(EAGAIN),  F(ENOMEM),  F(EACCES),       F(EFAULT),
	F(ENOTBLK), F(EBUSY), F(EEXIST), F(EXDEV),   F(ENODEV),  F(ENOTDIR),      F(EISDIR),
	F(EINVAL), F(ENFILE), F(EMFILE), F(ENOTTY),  F(ETXTBSY), F(EFBIG),        F(ENOSPC),
	F(ESPIPE), F(EROFS),  F(EMLINK), F(EPIPE),   F(EDOM),    F(ERANGE),       F(EDEADLK),
	F(ENAMETOOLONG), F(ENOLCK), F(ENOSYS), F(ENOTEMPTY), F(ELOOP), F(ENODATA), F(ETIME),
	F(EOVERFLOW), F(EOPNOTSUPP), F(ETIMEDOUT), F(EALREADY), F(EINPROGRESS), F(ECANCELED),
	F(ERESTARTSYS), F(ENOTSUPP),
};
#undef F

template <std::size_t N>
std::optional<std::uint32_t> find(const flag (&table)[N], std::string_view name)
{
	for (const flag &f : table)
		if (name == f.name)
			return f.value;
	return std::nullopt;
}

template <std::size_t N>
std::string names(const flag (&table)[N])
{
	std::vector<std::string_view> out;
	for (const flag &f : table)
		out.push_back(f.name);
	return fmt::format("{}", fmt::join(out, ", "));
}

} // namespace

std::optional<std::uint32_t> gfp_flag(std::string_view name) { return find(gfp_flags, name); }

std::optional<std::uint32_t> slab_flag(std::string_view name)
{
	if (auto v = find(slab_flags, name))
		return v;
	return find(slab_flags, fmt::format("SLAB_{}", name));
}

std::optional<std::uint32_t> errno_value(std::string_view name) { return find(errnos, name); }

std::string errno_name(int err)
{
	for (const flag &f : errnos)
		if (static_cast<int>(f.value) == -err)
			return fmt::format("-{}", f.name);
	return fmt::format("{}", err);
}

std::string gfp_flag_names() { return names(gfp_flags); }
std::string slab_flag_names() { return names(slab_flags); }

} // namespace sim::scenario
