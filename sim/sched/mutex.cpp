// SPDX-License-Identifier: GPL-2.0-only
// Mutexes (kernel/locking/mutex.c and mutex-debug.c, v5.4, CONFIG_DEBUG_MUTEXES): the owner
// word with its flags, the FIFO of waiters, handoff to a starving first waiter. No optimistic
// spinning: simulated CPUs take turns, so an owner is never running while a waiter spins.
#include "linux/mutex.h"

#include "linux/bug.h"
#include "linux/sched.h"
#include "sim/sched/sleeplock.h"

namespace sim {
extern bool debug_locks; // spinlock.cpp: off after the first lock bug of a boot
}

using namespace sim;

// v5.4's debug_locks.h: a WARNING naming the condition, for the first lock bug only.
#define DEBUG_LOCKS_WARN_ON(c) ({                                                  \
	bool __c = (c);                                                            \
	if (unlikely(__c) && debug_locks) {                                        \
		debug_locks = false;                                               \
		__sim_warn(__FILE__, __LINE__, "DEBUG_LOCKS_WARN_ON(%s)", #c);      \
	}                                                                          \
	__c;                                                                       \
})

namespace {

inline struct task_struct *__owner_task(unsigned long owner)
{
	return reinterpret_cast<struct task_struct *>(owner & ~static_cast<unsigned long>(MUTEX_FLAGS));
}

inline unsigned long __owner_flags(unsigned long owner) { return owner & MUTEX_FLAGS; }

inline unsigned long owner_word(struct mutex *lock) { return static_cast<unsigned long>(atomic_long_read(&lock->owner)); }

inline unsigned long owner_cmpxchg(struct mutex *lock, unsigned long old, unsigned long new_val)
{
	return static_cast<unsigned long>(atomic_long_cmpxchg(&lock->owner, static_cast<long>(old), static_cast<long>(new_val)));
}

inline void set_flag(struct mutex *lock, unsigned long flag) { atomic_long_or(static_cast<long>(flag), &lock->owner); }
inline void clear_flag(struct mutex *lock, unsigned long flag) { atomic_long_andnot(static_cast<long>(flag), &lock->owner); }

// Takes the lock if it is free, or handed to this task; returns the owner found otherwise.
struct task_struct *__mutex_trylock_or_owner(struct mutex *lock)
{
	unsigned long curr = reinterpret_cast<unsigned long>(get_current());
	unsigned long owner = owner_word(lock);
	for (;;) {
		unsigned long flags = __owner_flags(owner);
		unsigned long task = owner & ~static_cast<unsigned long>(MUTEX_FLAGS);
		if (task) {
			if (task != curr || !(flags & MUTEX_FLAG_PICKUP))
				break;
			flags &= ~static_cast<unsigned long>(MUTEX_FLAG_PICKUP);
		} else {
			DEBUG_LOCKS_WARN_ON(flags & MUTEX_FLAG_PICKUP);
		}
		// A HANDOFF this task set must not outlive its acquiring the lock.
		flags &= ~static_cast<unsigned long>(MUTEX_FLAG_HANDOFF);
		unsigned long old = owner_cmpxchg(lock, owner, curr | flags);
		if (old == owner)
			return nullptr;
		owner = old;
	}
	return __owner_task(owner);
}

inline bool __mutex_trylock(struct mutex *lock) { return !__mutex_trylock_or_owner(lock); }

inline bool __mutex_trylock_fast(struct mutex *lock)
{
	return owner_cmpxchg(lock, 0, reinterpret_cast<unsigned long>(get_current())) == 0;
}

inline bool __mutex_unlock_fast(struct mutex *lock)
{
	unsigned long curr = reinterpret_cast<unsigned long>(get_current());
	return owner_cmpxchg(lock, curr, 0) == curr;
}

inline bool waiter_is_first(struct mutex *lock, wait_queue_entry *w) { return first_lock_waiter(&lock->__sim_wq) == w; }

// Gives the lock to `task`, which picks it up when it runs (the unlocking task still owns it).
void __mutex_handoff(struct mutex *lock, struct task_struct *task)
{
	unsigned long owner = owner_word(lock);
	for (;;) {
		DEBUG_LOCKS_WARN_ON(__owner_task(owner) != get_current());
		DEBUG_LOCKS_WARN_ON(owner & MUTEX_FLAG_PICKUP);
		unsigned long new_val = owner & MUTEX_FLAG_WAITERS;
		new_val |= reinterpret_cast<unsigned long>(task);
		if (task)
			new_val |= MUTEX_FLAG_PICKUP;
		unsigned long old = owner_cmpxchg(lock, owner, new_val);
		if (old == owner)
			break;
		owner = old;
	}
}

// Sleeps in `state` until the lock is this task's. Always 0: no signals to interrupt it.
int __mutex_lock_common(struct mutex *lock, long state)
{
	DEBUG_LOCKS_WARN_ON(lock->magic != lock);
	if (__mutex_trylock(lock))
		return 0;
	spin_lock(&lock->wait_lock);
	if (__mutex_trylock(lock)) {
		spin_unlock(&lock->wait_lock);
		return 0;
	}
	wait_queue_entry waiter;
	lock_waiter_init(&waiter, 0);
	lock_waiter_enqueue(&lock->__sim_wq, &waiter);
	if (waiter_is_first(lock, &waiter))
		set_flag(lock, MUTEX_FLAG_WAITERS);
	lock_wait_prepare(&lock->__sim_wq, state);
	bool first = false;
	for (;;) {
		if (__mutex_trylock(lock))
			break;
		spin_unlock(&lock->wait_lock);
		(schedule)();
		// Woken first and still beaten to it: the next unlock hands the lock over.
		if (!first) {
			first = waiter_is_first(lock, &waiter);
			if (first)
				set_flag(lock, MUTEX_FLAG_HANDOFF);
		}
		lock_wait_prepare(&lock->__sim_wq, state);
		spin_lock(&lock->wait_lock);
	}
	lock_waiter_dequeue(&waiter);
	if (list_empty(&lock->wait_list))
		clear_flag(lock, MUTEX_FLAGS);
	spin_unlock(&lock->wait_lock);
	lock_waiter_done(&waiter);
	return 0;
}

int mutex_lock_state(struct mutex *lock, long state)
{
	might_sleep();
	if (__mutex_trylock_fast(lock))
		return 0;
	return __mutex_lock_common(lock, state);
}

void __mutex_unlock_slowpath(struct mutex *lock)
{
	unsigned long owner = owner_word(lock);
	for (;;) {
		DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current);
		DEBUG_LOCKS_WARN_ON(owner & MUTEX_FLAG_PICKUP);
		if (owner & MUTEX_FLAG_HANDOFF)
			break;
		unsigned long old = owner_cmpxchg(lock, owner, __owner_flags(owner));
		if (old == owner) {
			if (owner & MUTEX_FLAG_WAITERS)
				break;
			return;
		}
		owner = old;
	}
	spin_lock(&lock->wait_lock);
	if (likely(debug_locks))
		DEBUG_LOCKS_WARN_ON(lock->magic != lock);
	wait_queue_entry *next = first_lock_waiter(&lock->__sim_wq);
	struct task_struct *next_task = next ? static_cast<struct task_struct *>(next->private_) : nullptr;
	if (owner & MUTEX_FLAG_HANDOFF)
		__mutex_handoff(lock, next_task);
	spin_unlock(&lock->wait_lock);
	// The waiter stays queued until it has the lock (v5.4's wake_q): only woken here.
	if (next_task)
		wake_up_process(next_task);
}

} // namespace

extern "C" {

void __mutex_init(struct mutex *lock, const char *name, void *key)
{
	atomic_long_set(&lock->owner, 0);
	__init_waitqueue_head(&lock->__sim_wq, name);
	lock->magic = lock;
}

void mutex_destroy(struct mutex *lock)
{
	DEBUG_LOCKS_WARN_ON(mutex_is_locked(lock));
	lock->magic = nullptr;
}

void(mutex_lock)(struct mutex *lock) { mutex_lock_state(lock, TASK_UNINTERRUPTIBLE); }
void(mutex_lock_io)(struct mutex *lock) { mutex_lock_state(lock, TASK_UNINTERRUPTIBLE); }
int(mutex_lock_interruptible)(struct mutex *lock) { return mutex_lock_state(lock, TASK_INTERRUPTIBLE); }
int(mutex_lock_killable)(struct mutex *lock) { return mutex_lock_state(lock, TASK_KILLABLE); }

int mutex_trylock(struct mutex *lock)
{
	DEBUG_LOCKS_WARN_ON(lock->magic != lock);
	return __mutex_trylock(lock);
}

void mutex_unlock(struct mutex *lock)
{
	if (__mutex_unlock_fast(lock))
		return;
	__mutex_unlock_slowpath(lock);
}

// Decrements cnt; if that takes it to 0, returns 1 with the lock held.
int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock)
{
	if (atomic_add_unless(cnt, -1, 1))
		return 0;
	(mutex_lock)(lock);
	if (!atomic_dec_and_test(cnt)) {
		mutex_unlock(lock);
		return 0;
	}
	return 1;
}

} // extern "C"
