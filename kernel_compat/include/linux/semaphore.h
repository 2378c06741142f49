/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Counting semaphores (include/linux/semaphore.h, kernel/locking/semaphore.c, v5.4): up()
 * gives the count to the first waiter directly when there is one, so waiters get it in
 * arrival order. down() sleeps uninterruptibly (state D, seen by khungtaskd); as in v5.4 it
 * has no might_sleep() (5.15 added it), so only an actual sleep in atomic context is
 * reported ("scheduling while atomic"). down_trylock() returns 0 on success, 1 otherwise;
 * down_timeout() returns -ETIME when the time runs out. Without signals in the simulator,
 * down_interruptible() and down_killable() always end with the semaphore: 0, never -EINTR.
 *
 * The fields are the kernel's (lock, count, wait_list), the lock and the list kept together
 * as a wait queue head, which is what a waiting task is shown waiting on.
 */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include "linux/wait.h"

struct semaphore {
	union {
		struct wait_queue_head __sim_wq;
		struct {
			raw_spinlock_t lock;
			struct list_head wait_list;
		};
	};
	unsigned int count;
};

#define __SEMAPHORE_INITIALIZER(name, n) \
	{ { { __SPIN_LOCK_UNLOCKED(name), LIST_HEAD_INIT((name).wait_list) } }, (n) }
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

SLABSIM_BEGIN_DECLS
void __sema_init(struct semaphore *sem, int val, const char *name);
void down(struct semaphore *sem);
int __must_check down_interruptible(struct semaphore *sem);
int __must_check down_killable(struct semaphore *sem);
int __must_check down_trylock(struct semaphore *sem);
int __must_check down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);
SLABSIM_END_DECLS

#define sema_init(sem, val) __sema_init((sem), (val), #sem)

#define down(sem) (__SIM_SITE(), down(sem))
#define down_interruptible(sem) (__SIM_SITE(), down_interruptible(sem))
#define down_killable(sem) (__SIM_SITE(), down_killable(sem))
#define down_timeout(sem, j) (__SIM_SITE(), down_timeout(sem, j))

#endif /* _LINUX_SEMAPHORE_H */
