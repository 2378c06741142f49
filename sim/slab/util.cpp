// SPDX-License-Identifier: GPL-2.0-only
// mm/util.c's string and memory duplicates, in kmalloc'ed buffers charged to their caller.
#include "linux/slab.h"
#include "linux/string.h"

extern "C" {

char *kstrdup(const char *s, gfp_t gfp)
{
	if (!s)
		return nullptr;
	size_t len = strlen(s) + 1;
	auto *copy = static_cast<char *>(__kmalloc_track_caller(len, gfp, _RET_IP_));
	if (copy)
		memcpy(copy, s, len);
	return copy;
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	if (!s)
		return nullptr;
	size_t len = strnlen(s, max);
	auto *copy = static_cast<char *>(__kmalloc_track_caller(len + 1, gfp, _RET_IP_));
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = __kmalloc_track_caller(len, gfp, _RET_IP_);
	if (p)
		memcpy(p, src, len);
	return p;
}

} // extern "C"
