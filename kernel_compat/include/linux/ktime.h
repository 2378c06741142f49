/* SPDX-License-Identifier: GPL-2.0-only */
/* ktime_t: nanoseconds of virtual time (the machine has one clock: local_clock()). */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include "linux/sched/clock.h"
#include "linux/types.h"

typedef s64 ktime_t;

static inline ktime_t ktime_get(void) { return (ktime_t)local_clock(); }
static inline u64 ktime_get_ns(void) { return local_clock(); }
static inline s64 ktime_to_ns(ktime_t kt) { return kt; }
static inline ktime_t ns_to_ktime(u64 ns) { return (ktime_t)ns; }
static inline ktime_t ktime_add_ns(ktime_t kt, u64 ns) { return kt + (ktime_t)ns; }
static inline ktime_t ktime_sub(ktime_t a, ktime_t b) { return a - b; }
static inline s64 ktime_to_us(ktime_t kt) { return kt / 1000; }
static inline s64 ktime_to_ms(ktime_t kt) { return kt / 1000000; }

#endif /* _LINUX_KTIME_H */
