// SPDX-License-Identifier: GPL-2.0-only
// Reader/writer semaphores (kernel/locking/rwsem.c, v5.4), granted in queue order to the
// waiters a release wakes (linux/rwsem.h says where that simplifies v5.4).
#include "linux/rwsem.h"

#include "linux/sched.h"
#include "sim/sched/sleeplock.h"

using namespace sim;

namespace {

constexpr unsigned int waiter_reader = 0x80; // a wait_queue_entry flag of our own: a reader waits
constexpr unsigned int max_readers_wakeup = 0x100;

inline unsigned long count_of(struct rw_semaphore *sem) { return static_cast<unsigned long>(atomic_long_read(&sem->count)); }
inline void count_set(struct rw_semaphore *sem, unsigned long v) { atomic_long_set(&sem->count, static_cast<long>(v)); }

// The waiters flag follows the queue; call after changing either.
void update_waiters_flag(struct rw_semaphore *sem)
{
	unsigned long c = count_of(sem) & ~RWSEM_FLAG_WAITERS;
	count_set(sem, list_empty(&sem->wait_list) ? c : c | RWSEM_FLAG_WAITERS);
}

void set_writer(struct rw_semaphore *sem, struct task_struct *owner)
{
	count_set(sem, RWSEM_WRITER_LOCKED);
	atomic_long_set(&sem->owner, reinterpret_cast<long>(owner));
}

// rwsem_mark_wake(), with the lock free (or just downgraded to readers): the first waiter
// gets it, a writer alone (unless only readers may have it now) or every queued reader.
void grant_waiters(struct rw_semaphore *sem, bool readers_only)
{
	wait_queue_entry *first = first_lock_waiter(&sem->__sim_wq);
	if (!first)
		return;
	if (!(first->flags & waiter_reader)) {
		if (!readers_only) {
			set_writer(sem, static_cast<struct task_struct *>(first->private_));
			lock_waiter_grant(first);
		}
		update_waiters_flag(sem);
		return;
	}
	wait_queue_entry *w, *next;
	unsigned int woken = 0;
	list_for_each_entry_safe(w, next, &sem->wait_list, entry) {
		if (!(w->flags & waiter_reader))
			continue;
		atomic_long_add(RWSEM_READER_BIAS, &sem->count);
		lock_waiter_grant(w);
		if (++woken >= max_readers_wakeup)
			break;
	}
	update_waiters_flag(sem);
}

// Queue (readers and writers alike, in arrival order) and sleep until granted.
void wait_granted(struct rw_semaphore *sem, unsigned int kind, long state, unsigned long *flags)
{
	wait_queue_entry waiter;
	lock_waiter_init(&waiter, kind);
	lock_waiter_enqueue(&sem->__sim_wq, &waiter);
	update_waiters_flag(sem);
	while (!list_empty(&waiter.entry)) {
		lock_wait_prepare(&sem->__sim_wq, state);
		spin_unlock_irqrestore(&sem->wait_lock, *flags);
		(schedule)();
		spin_lock_irqsave(&sem->wait_lock, *flags);
	}
	lock_waiter_done(&waiter);
}

inline bool read_may_take(struct rw_semaphore *sem) { return !(count_of(sem) & (RWSEM_WRITER_LOCKED | RWSEM_FLAG_WAITERS)); }

void read_lock(struct rw_semaphore *sem, long state)
{
	unsigned long flags;
	might_sleep();
	spin_lock_irqsave(&sem->wait_lock, flags);
	if (read_may_take(sem))
		atomic_long_add(RWSEM_READER_BIAS, &sem->count);
	else
		wait_granted(sem, waiter_reader, state, &flags);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}

void write_lock(struct rw_semaphore *sem, long state)
{
	unsigned long flags;
	might_sleep();
	spin_lock_irqsave(&sem->wait_lock, flags);
	if (!count_of(sem))
		set_writer(sem, get_current());
	else
		wait_granted(sem, 0, state, &flags);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}

// The writer lets go, keeping `readers` (itself as a reader after downgrade_write), and the
// waiters at the front get what is free: anything, or after a downgrade only read access.
void release_write(struct rw_semaphore *sem, unsigned long readers)
{
	unsigned long flags;
	spin_lock_irqsave(&sem->wait_lock, flags);
	atomic_long_set(&sem->owner, 0);
	count_set(sem, (count_of(sem) & RWSEM_FLAG_WAITERS) | readers);
	grant_waiters(sem, readers != 0);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}

} // namespace

extern "C" {

void __init_rwsem(struct rw_semaphore *sem, const char *name, void *key)
{
	atomic_long_set(&sem->count, 0);
	atomic_long_set(&sem->owner, 0);
	__init_waitqueue_head(&sem->__sim_wq, name);
}

void(down_read)(struct rw_semaphore *sem) { read_lock(sem, TASK_UNINTERRUPTIBLE); }
int(down_read_killable)(struct rw_semaphore *sem)
{
	read_lock(sem, TASK_KILLABLE);
	return 0;
}
void(down_write)(struct rw_semaphore *sem) { write_lock(sem, TASK_UNINTERRUPTIBLE); }
int(down_write_killable)(struct rw_semaphore *sem)
{
	write_lock(sem, TASK_KILLABLE);
	return 0;
}

// 1 if it took the lock: no writer holds it and none waits.
int down_read_trylock(struct rw_semaphore *sem)
{
	long tmp = atomic_long_read(&sem->count);
	while (!(static_cast<unsigned long>(tmp) & (RWSEM_WRITER_LOCKED | RWSEM_FLAG_WAITERS)))
		if (atomic_long_try_cmpxchg(&sem->count, &tmp, tmp + static_cast<long>(RWSEM_READER_BIAS)))
			return 1;
	return 0;
}

int down_write_trylock(struct rw_semaphore *sem)
{
	long tmp = 0;
	if (!atomic_long_try_cmpxchg(&sem->count, &tmp, static_cast<long>(RWSEM_WRITER_LOCKED)))
		return 0;
	atomic_long_set(&sem->owner, reinterpret_cast<long>(get_current()));
	return 1;
}

void up_read(struct rw_semaphore *sem)
{
	unsigned long flags;
	spin_lock_irqsave(&sem->wait_lock, flags);
	atomic_long_sub(RWSEM_READER_BIAS, &sem->count);
	if (!(count_of(sem) >> RWSEM_READER_SHIFT))
		grant_waiters(sem, false);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}

void up_write(struct rw_semaphore *sem) { release_write(sem, 0); }

// The writer becomes a reader; readers queued at the front join it.
void downgrade_write(struct rw_semaphore *sem) { release_write(sem, RWSEM_READER_BIAS); }

} // extern "C"
