/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reader/writer semaphores (include/linux/rwsem.h, kernel/locking/rwsem.c, v5.4): many
 * readers or one writer. `count` keeps v5.4's layout: bit 0 a writer holds it, bit 1 there
 * are waiters, the readers counted from bit 8. Waiters queue in arrival order and sleep
 * uninterruptibly (state D, seen by khungtaskd). A reader that finds waiters queues behind
 * them, so a waiting writer is not starved. Releasing the lock wakes the first waiter: a
 * writer, or if it is a reader, every reader queued (v5.4's phase-fair wakeup, up to 256).
 *
 * Where the simulator simplifies: the lock is granted to the waiters woken (v5.4 does that for
 * readers; a woken writer there retries and may lose to a newcomer until it sets HANDOFF),
 * there is no optimistic spinning, and no CONFIG_DEBUG_RWSEMS checks. No signals: the
 * _killable variants return 0.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include "linux/atomic.h"
#include "linux/wait.h"

#define RWSEM_WRITER_LOCKED (1UL << 0)
#define RWSEM_FLAG_WAITERS (1UL << 1)
#define RWSEM_READER_SHIFT 8
#define RWSEM_READER_BIAS (1UL << RWSEM_READER_SHIFT)

struct rw_semaphore {
	atomic_long_t count;
	atomic_long_t owner; /* the writer's task_struct *, while a writer holds it */
	union {
		struct wait_queue_head __sim_wq;
		struct {
			raw_spinlock_t wait_lock;
			struct list_head wait_list;
		};
	};
};

#define __RWSEM_INITIALIZER(name) \
	{ ATOMIC_LONG_INIT(0), ATOMIC_LONG_INIT(0), { { __SPIN_LOCK_UNLOCKED(name), LIST_HEAD_INIT((name).wait_list) } } }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

SLABSIM_BEGIN_DECLS
void __init_rwsem(struct rw_semaphore *sem, const char *name, void *key);
void down_read(struct rw_semaphore *sem);
int __must_check down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int __must_check down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
SLABSIM_END_DECLS

#define init_rwsem(sem) __init_rwsem((sem), #sem, NULL)

#define down_read(sem) (__SIM_SITE(), down_read(sem))
#define down_read_killable(sem) (__SIM_SITE(), down_read_killable(sem))
#define down_write(sem) (__SIM_SITE(), down_write(sem))
#define down_write_killable(sem) (__SIM_SITE(), down_write_killable(sem))
#define down_read_nested(sem, subclass) down_read(sem)
#define down_write_nested(sem, subclass) down_write(sem)
#define down_read_non_owner(sem) down_read(sem)
#define up_read_non_owner(sem) up_read(sem)

static inline int rwsem_is_locked(struct rw_semaphore *sem) { return atomic_long_read(&sem->count) != 0; }

#endif /* _LINUX_RWSEM_H */
