/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * spinlock_t, laid out as CONFIG_DEBUG_SPINLOCK keeps it (magic, owner, owner_cpu), plus
 * an acquisition counter so tests and benchmarks can count lock traffic (for example the
 * kmem_cache_node list_lock) and a contention counter. `name` is the lock's lockdep-style
 * name, the text of the expression given to spin_lock_init()/DEFINE_SPINLOCK.
 */
#ifndef _LINUX_SPINLOCK_TYPES_H
#define _LINUX_SPINLOCK_TYPES_H

#include "linux/types.h"

#define SPINLOCK_MAGIC 0xdead4ead
#define SPINLOCK_OWNER_INIT ((void *)-1L)

typedef struct spinlock {
	unsigned int locked;          /* with magic, the first word: the fast paths test both at once */
	unsigned int magic;
	int owner_cpu;
	void *owner;                  /* struct task_struct * of the holder */
	unsigned long acquisitions;   /* successful locks since init */
	unsigned long contentions;    /* locks that found it held by another task */
	const char *name;
} spinlock_t;

typedef spinlock_t raw_spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname) \
	{ 0, SPINLOCK_MAGIC, -1, SPINLOCK_OWNER_INIT, 0, 0, #lockname }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

#endif /* _LINUX_SPINLOCK_TYPES_H */
