/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdarg.h> /* the compiler's, as the kernel uses it */
#include "linux/compiler.h"
#include "linux/types.h"
#include "linux/limits.h"
#include "linux/string.h"
#include "linux/printk.h"
#include "linux/bug.h"
#include "linux/err.h"

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define PTR_ALIGN(p, a) ((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y) ((x) - ((x) % (y)))

#ifndef __cplusplus
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))
#define min(x, y) ({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); _x < _y ? _x : _y; })
#define max(x, y) ({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); _x > _y ? _x : _y; })
#define min_t(type, x, y) ({ type _x = (x); type _y = (y); _x < _y ? _x : _y; })
#define max_t(type, x, y) ({ type _x = (x); type _y = (y); _x > _y ? _x : _y; })
#define clamp(val, lo, hi) min(max(val, lo), hi)
#define swap(a, b) do { __typeof__(a) _t = (a); (a) = (b); (b) = _t; } while (0)
#endif

#define KERN_SOH_ASCII '\001'

/* Taint flags (kernel/panic.c): their letters print in this order in "Tainted: ...". */
#define TAINT_PROPRIETARY_MODULE	0
#define TAINT_FORCED_MODULE		1
#define TAINT_CPU_OUT_OF_SPEC		2
#define TAINT_FORCED_RMMOD		3
#define TAINT_MACHINE_CHECK		4
#define TAINT_BAD_PAGE			5
#define TAINT_USER			6
#define TAINT_DIE			7
#define TAINT_OVERRIDDEN_ACPI_TABLE	8
#define TAINT_WARN			9
#define TAINT_CRAP			10
#define TAINT_FIRMWARE_WORKAROUND	11
#define TAINT_OOT_MODULE		12
#define TAINT_UNSIGNED_MODULE		13
#define TAINT_SOFTLOCKUP		14
#define TAINT_LIVEPATCH			15
#define TAINT_AUX			16
#define TAINT_RANDSTRUCT		17
#define TAINT_FLAGS_COUNT		18

enum lockdep_ok {
	LOCKDEP_STILL_OK,
	LOCKDEP_NOW_UNRELIABLE,
};

#ifdef __cplusplus
#include <stdio.h> /* the simulator's C++ formats with the C library's */
#else
/* sprintf and friends (lib/vsprintf.c): the C library's, whose output is the kernel's for what
 * modules format with them, and scnprintf/vscnprintf, which it lacks. */
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
__printf(2, 0) int vsprintf(char *buf, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__attribute__((__format__(scanf, 2, 3))) int sscanf(const char *buf, const char *fmt, ...);
__attribute__((__format__(scanf, 2, 0))) int vsscanf(const char *buf, const char *fmt, va_list args);
#endif

SLABSIM_BEGIN_DECLS
struct completion;
/* kernel/exit.c: completes `comp` (if any), then ends the calling thread with `code`. */
void complete_and_exit(struct completion *comp, long code) __attribute__((__noreturn__));
/* As snprintf, but returns what was written (at most size - 1), not what would have been. */
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
void add_taint(unsigned flag, enum lockdep_ok);
int test_taint(unsigned flag);
unsigned long get_taint(void);
/* "Not tainted", or "Tainted: " and one column per flag: "Tainted: G      D    O     ". */
const char *print_tainted(void);
__printf(2, 3) char *kasprintf(gfp_t gfp, const char *fmt, ...);
/* lib/kstrtox.c: the whole string is the number; -EINVAL if malformed, -ERANGE if too big. */
int __must_check kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int __must_check kstrtoll(const char *s, unsigned int base, long long *res);
int __must_check kstrtoul(const char *s, unsigned int base, unsigned long *res);
int __must_check kstrtol(const char *s, unsigned int base, long *res);
int __must_check kstrtouint(const char *s, unsigned int base, unsigned int *res);
int __must_check kstrtoint(const char *s, unsigned int base, int *res);
int __must_check kstrtou16(const char *s, unsigned int base, u16 *res);
int __must_check kstrtos16(const char *s, unsigned int base, s16 *res);
int __must_check kstrtou8(const char *s, unsigned int base, u8 *res);
int __must_check kstrtos8(const char *s, unsigned int base, s8 *res);
SLABSIM_END_DECLS

#endif /* _LINUX_KERNEL_H */
