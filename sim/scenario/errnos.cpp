// SPDX-License-Identifier: GPL-2.0-only
#include "sim/scenario/errnos.h"

#include "linux/errno.h"

#include <fmt/format.h>

namespace sim::scenario {

namespace {

struct errno_entry {
	const char *name;
	std::uint32_t value;
};

#define F(x) {#x, x}
constexpr errno_entry errnos[] = {
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

} // namespace

std::optional<std::uint32_t> errno_value(std::string_view name)
{
	for (const errno_entry &e : errnos)
		if (name == e.name)
			return e.value;
	return std::nullopt;
}

std::string errno_name(int err)
{
	for (const errno_entry &e : errnos)
		if (static_cast<int>(e.value) == -err)
			return fmt::format("-{}", e.name);
	return fmt::format("{}", err);
}

} // namespace sim::scenario
