/* SPDX-License-Identifier: GPL-2.0-only */
/* The kernel's string functions are the C library's: they behave the same. */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <string.h>
#include "linux/types.h"

SLABSIM_BEGIN_DECLS
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
SLABSIM_END_DECLS

#endif /* _LINUX_STRING_H */
