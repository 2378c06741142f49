// SPDX-License-Identifier: GPL-2.0-only
// Counting semaphores (kernel/locking/semaphore.c, v5.4).
#include "linux/semaphore.h"

#include "linux/errno.h"
#include "linux/sched.h"
#include "sim/sched/sleeplock.h"

using namespace sim;

namespace {

// __down_common(): queue at the tail and sleep until up() hands the count over (it takes the
// waiter off the queue) or the timeout runs out. Entered and left with sem->lock held.
int __down_common(struct semaphore *sem, long state, long timeout, unsigned long *flags)
{
	wait_queue_entry waiter;
	lock_waiter_init(&waiter, 0);
	lock_waiter_enqueue(&sem->__sim_wq, &waiter);
	int ret = 0;
	for (;;) {
		if (unlikely(timeout <= 0)) {
			lock_waiter_dequeue(&waiter);
			ret = -ETIME;
			break;
		}
		lock_wait_prepare(&sem->__sim_wq, state);
		spin_unlock_irqrestore(&sem->lock, *flags);
		timeout = (schedule_timeout)(timeout);
		spin_lock_irqsave(&sem->lock, *flags);
		if (list_empty(&waiter.entry))
			break;
	}
	lock_waiter_done(&waiter);
	return ret;
}

int down_state(struct semaphore *sem, long state, long timeout)
{
	unsigned long flags;
	int ret = 0;
	spin_lock_irqsave(&sem->lock, flags);
	if (likely(sem->count > 0))
		sem->count--;
	else
		ret = __down_common(sem, state, timeout, &flags);
	spin_unlock_irqrestore(&sem->lock, flags);
	return ret;
}

} // namespace

extern "C" {

void __sema_init(struct semaphore *sem, int val, const char *name)
{
	__init_waitqueue_head(&sem->__sim_wq, name);
	sem->count = static_cast<unsigned int>(val);
}

void(down)(struct semaphore *sem) { down_state(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT); }
int(down_interruptible)(struct semaphore *sem) { return down_state(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT); }
int(down_killable)(struct semaphore *sem) { return down_state(sem, TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT); }
int(down_timeout)(struct semaphore *sem, long timeout) { return down_state(sem, TASK_UNINTERRUPTIBLE, timeout); }

int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	spin_lock_irqsave(&sem->lock, flags);
	int count = static_cast<int>(sem->count) - 1;
	if (likely(count >= 0))
		sem->count = static_cast<unsigned int>(count);
	spin_unlock_irqrestore(&sem->lock, flags);
	return count < 0;
}

void up(struct semaphore *sem)
{
	unsigned long flags;
	spin_lock_irqsave(&sem->lock, flags);
	if (wait_queue_entry *w = first_lock_waiter(&sem->__sim_wq))
		lock_waiter_grant(w);
	else
		sem->count++;
	spin_unlock_irqrestore(&sem->lock, flags);
}

} // extern "C"
