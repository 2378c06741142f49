/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Mutexes (include/linux/mutex.h, kernel/locking/mutex.c, v5.4) with CONFIG_DEBUG_MUTEXES.
 *
 * `owner` holds the holder's task_struct pointer with the kernel's three flags in its low
 * bits (MUTEX_FLAG_WAITERS, _HANDOFF, _PICKUP); waiters queue in arrival order and sleep in
 * the deterministic scheduler, uninterruptibly for mutex_lock() (state D: a deadlock is a
 * hung task for khungtaskd). As in v5.4, an unlock wakes the first waiter and a task that
 * comes along first may take the lock before it; a woken first waiter that finds the lock
 * taken sets HANDOFF, and the next unlock hands the lock to it directly.
 *
 * Debug checks as CONFIG_DEBUG_MUTEXES prints them, through DEBUG_LOCKS_WARN_ON() (a WARNING
 * with the condition's text, only for the first lock bug of a boot): unlocking a mutex the
 * task does not own ("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)"), using one never
 * initialised or destroyed ("DEBUG_LOCKS_WARN_ON(lock->magic != lock)"), destroying a locked
 * one ("DEBUG_LOCKS_WARN_ON(mutex_is_locked(lock))"). mutex_lock() in atomic context is
 * might_sleep()'s report.
 *
 * The simulator has no signals: mutex_lock_interruptible() and mutex_lock_killable() sleep
 * until they get the lock (in state S and D) and return 0, never -EINTR.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include "linux/atomic.h"
#include "linux/wait.h"

#define MUTEX_FLAG_WAITERS 0x01
#define MUTEX_FLAG_HANDOFF 0x02
#define MUTEX_FLAG_PICKUP 0x04
#define MUTEX_FLAGS 0x07

struct mutex {
	atomic_long_t owner;
	union {
		/* wait_lock and wait_list as a wait queue head: what a waiter's task waits on */
		struct wait_queue_head __sim_wq;
		struct {
			spinlock_t wait_lock;
			struct list_head wait_list;
		};
	};
	void *magic; /* CONFIG_DEBUG_MUTEXES: the mutex's own address while initialised */
};

#define __MUTEX_INITIALIZER(lockname) \
	{ ATOMIC_LONG_INIT(0), { { __SPIN_LOCK_UNLOCKED(lockname), LIST_HEAD_INIT((lockname).wait_list) } }, &(lockname) }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

SLABSIM_BEGIN_DECLS
void __mutex_init(struct mutex *lock, const char *name, void *key);
void mutex_destroy(struct mutex *lock);
void mutex_lock(struct mutex *lock);
int __must_check mutex_lock_interruptible(struct mutex *lock);
int __must_check mutex_lock_killable(struct mutex *lock);
void mutex_lock_io(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock);
SLABSIM_END_DECLS

#define mutex_init(mutex) __mutex_init((mutex), #mutex, NULL)

/* The sleeping ones note the caller's site for the hung-task report (linux/sched.h). */
#define mutex_lock(lock) (__SIM_SITE(), mutex_lock(lock))
#define mutex_lock_interruptible(lock) (__SIM_SITE(), mutex_lock_interruptible(lock))
#define mutex_lock_killable(lock) (__SIM_SITE(), mutex_lock_killable(lock))
#define mutex_lock_io(lock) (__SIM_SITE(), mutex_lock_io(lock))
#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
#define mutex_lock_interruptible_nested(lock, subclass) mutex_lock_interruptible(lock)
#define mutex_lock_killable_nested(lock, subclass) mutex_lock_killable(lock)

static inline struct task_struct *__mutex_owner(struct mutex *lock)
{
	return (struct task_struct *)(atomic_long_read(&lock->owner) & ~(long)MUTEX_FLAGS);
}

static inline bool mutex_is_locked(struct mutex *lock) { return __mutex_owner(lock) != NULL; }

enum mutex_trylock_recursive_enum {
	MUTEX_TRYLOCK_FAILED = 0,
	MUTEX_TRYLOCK_SUCCESS = 1,
	MUTEX_TRYLOCK_RECURSIVE,
};

static inline enum mutex_trylock_recursive_enum mutex_trylock_recursive(struct mutex *lock)
{
	if (unlikely(__mutex_owner(lock) == get_current()))
		return MUTEX_TRYLOCK_RECURSIVE;
	return (enum mutex_trylock_recursive_enum)mutex_trylock(lock);
}

#endif /* _LINUX_MUTEX_H */
