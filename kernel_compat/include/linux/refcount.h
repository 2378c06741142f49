/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * refcount_t (include/linux/refcount.h, lib/refcount.c), v5.4 with CONFIG_REFCOUNT_FULL: an
 * unsigned count that saturates at UINT_MAX instead of wrapping, and then stays there
 * (the object leaks, it is never freed early). Each misuse is reported once per boot
 * with lib/refcount.c's WARN text: "refcount_t: saturated; leaking memory.",
 * "refcount_t: increment on 0; use-after-free.", "refcount_t: addition on 0;
 * use-after-free.", "refcount_t: underflow; use-after-free.", "refcount_t: decrement hit
 * 0; leaking memory.". (x86_64_defconfig uses the x86 assembly variant, which saturates at
 * INT_MIN/2 and words its report differently; the generic one is what every architecture
 * gets from 5.5 on, and what the texts above belong to.)
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include "linux/atomic.h"
#include "linux/spinlock.h"

struct mutex;

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n) }
#define REFCOUNT_SATURATED UINT_MAX

static inline void refcount_set(refcount_t *r, int n) { atomic_set(&r->refs, n); }
static inline unsigned int refcount_read(const refcount_t *r) { return (unsigned int)atomic_read(&r->refs); }

SLABSIM_BEGIN_DECLS
bool refcount_add_not_zero(unsigned int i, refcount_t *r) __must_check;
void refcount_add(unsigned int i, refcount_t *r);
bool refcount_inc_not_zero(refcount_t *r) __must_check;
void refcount_inc(refcount_t *r);
bool refcount_sub_and_test(unsigned int i, refcount_t *r) __must_check;
bool refcount_dec_and_test(refcount_t *r) __must_check;
void refcount_dec(refcount_t *r);
bool refcount_dec_if_one(refcount_t *r);
bool refcount_dec_not_one(refcount_t *r);
bool refcount_dec_and_mutex_lock(refcount_t *r, struct mutex *lock) __must_check;
bool refcount_dec_and_lock(refcount_t *r, spinlock_t *lock) __must_check;
bool refcount_dec_and_lock_irqsave(refcount_t *r, spinlock_t *lock, unsigned long *flags) __must_check;
SLABSIM_END_DECLS

#endif /* _LINUX_REFCOUNT_H */
