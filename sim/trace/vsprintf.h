// SPDX-License-Identifier: GPL-2.0-only
// The kernel's printf (lib/vsprintf.c, v5.4): its number(), flag and precision rules, which
// differ from glibc's in places, and its %p extensions. printk and the kernel reports format
// through it. docs/tracing.md lists what is supported.
#pragma once

#include <cstdarg>
#include <cstddef>

namespace sim {

// As the kernel's vsnprintf: writes at most `size` bytes including the NUL and returns the
// length the whole output would have had.
int vsnprintf(char *buf, std::size_t size, const char *fmt, va_list args);
int snprintf(char *buf, std::size_t size, const char *fmt, ...) __attribute__((__format__(printf, 3, 4)));

} // namespace sim
