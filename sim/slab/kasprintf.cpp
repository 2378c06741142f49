// SPDX-License-Identifier: GPL-2.0-only
// kasprintf (lib/kasprintf.c): a formatted string in a kmalloc'ed buffer of exactly its size.
#include "linux/kernel.h"
#include "linux/slab.h"

#include <cstdarg>
#include <cstdio>

extern "C" char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap, aq;

	va_start(ap, fmt);
	va_copy(aq, ap);
	int len = vsnprintf(nullptr, 0, fmt, aq);
	va_end(aq);
	char *p = len < 0 ? nullptr : static_cast<char *>(__kmalloc_track_caller(len + 1, gfp, _RET_IP_));
	if (p)
		vsnprintf(p, len + 1, fmt, ap);
	va_end(ap);
	return p;
}
