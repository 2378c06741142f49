// SPDX-License-Identifier: GPL-2.0-only
// scnprintf and vscnprintf (lib/vsprintf.c): the kernel's formatting, returning the length
// written rather than the length the whole output would have had.
#include "sim/trace/vsprintf.h"

#include "linux/kernel.h"

extern "C" {

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int i = sim::vsnprintf(buf, size, fmt, args);
	if (static_cast<size_t>(i) < size)
		return i;
	return size != 0 ? static_cast<int>(size - 1) : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	int i = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return i;
}

} // extern "C"
