/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * jiffies and HZ. HZ is the booted machine's run-time value (machine_config::hz, default
 * 250) rather than a compile-time constant, so expressions like 5*HZ work but HZ cannot
 * size a static array. jiffies starts at INITIAL_JIFFIES, five minutes before the 32-bit
 * wrap, as in the kernel, and advances with virtual time.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include "linux/limits.h"

#include "linux/types.h"

SLABSIM_BEGIN_DECLS
extern unsigned long volatile jiffies;
extern unsigned int __sim_hz;
unsigned int jiffies_to_msecs(const unsigned long j);
unsigned int jiffies_to_usecs(const unsigned long j);
unsigned long msecs_to_jiffies(const unsigned int m);
unsigned long usecs_to_jiffies(const unsigned int u);
unsigned long nsecs_to_jiffies(u64 n);
u64 jiffies_to_nsecs(const unsigned long j);
SLABSIM_END_DECLS

#define HZ __sim_hz
#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * (int)HZ))
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)
#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L

static inline u64 get_jiffies_64(void) { return jiffies; }

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)

#endif /* _LINUX_JIFFIES_H */
