/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Spinlocks with CONFIG_DEBUG_SPINLOCK's checks (kernel/locking/spinlock_debug.c).
 *
 * The uncontended path is inline: raise the preempt count, take the lock, count it.
 * Everything unusual goes out of line: a bad magic, recursion on the same task or CPU,
 * a lock held by another task (which can only be a task that slept holding it, since
 * simulated CPUs take turns: the waiter spins by yielding its CPU, burning virtual time),
 * and unlocking a lock that is not held or held by someone else. Misuse is reported as
 * the kernel's "BUG: spinlock <msg> on CPU#N" and leaves the lock as it was.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include "linux/irqflags.h"
#include "linux/preempt.h"
#include "linux/sched.h"
#include "linux/spinlock_types.h"

SLABSIM_BEGIN_DECLS
void __sim_spin_lock_slow(spinlock_t *lock);
void __sim_spin_unlock_slow(spinlock_t *lock);
void __sim_spin_not_held(spinlock_t *lock, const char *file, int line);
void __raw_spin_lock_init(spinlock_t *lock, const char *name);
SLABSIM_END_DECLS

#define spin_lock_init(lock) __raw_spin_lock_init((lock), #lock)
#define raw_spin_lock_init(lock) spin_lock_init(lock)

static inline int __sim_spin_is_ours(const spinlock_t *lock)
{
	return lock->owner == (void *)__sim_current && lock->owner_cpu == (int)__sim_this_cpu->cpu;
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	if (unlikely(lock->locked || lock->magic != SPINLOCK_MAGIC)) {
		__sim_spin_lock_slow(lock);
		return;
	}
	lock->locked = 1;
	lock->owner = __sim_current;
	lock->owner_cpu = (int)__sim_this_cpu->cpu;
	lock->acquisitions++;
}

static inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (lock->locked || lock->magic != SPINLOCK_MAGIC) {
		preempt_enable();
		return 0;
	}
	lock->locked = 1;
	lock->owner = __sim_current;
	lock->owner_cpu = (int)__sim_this_cpu->cpu;
	lock->acquisitions++;
	return 1;
}

static inline void spin_unlock(spinlock_t *lock)
{
	if (unlikely(!lock->locked || !__sim_spin_is_ours(lock) || lock->magic != SPINLOCK_MAGIC)) {
		__sim_spin_unlock_slow(lock);
		return;
	}
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lock->locked = 0;
	preempt_enable();
}

static inline int spin_is_locked(const spinlock_t *lock) { return lock->locked != 0; }

#define spin_lock_irq(lock) do { local_irq_disable(); spin_lock(lock); } while (0)
#define spin_unlock_irq(lock) do { spin_unlock(lock); local_irq_enable(); } while (0)
#define spin_lock_irqsave(lock, flags) do { local_irq_save(flags); spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) do { spin_unlock(lock); local_irq_restore(flags); } while (0)
#define spin_lock_bh(lock) spin_lock(lock)
#define spin_unlock_bh(lock) spin_unlock(lock)

#define raw_spin_lock(lock) spin_lock(lock)
#define raw_spin_unlock(lock) spin_unlock(lock)
#define raw_spin_lock_irqsave(lock, flags) spin_lock_irqsave(lock, flags)
#define raw_spin_unlock_irqrestore(lock, flags) spin_unlock_irqrestore(lock, flags)

#define assert_spin_locked(lock) \
	do { if (unlikely(!spin_is_locked(lock))) __sim_spin_not_held((lock), __FILE__, __LINE__); } while (0)
#define lockdep_assert_held(lock) assert_spin_locked(lock)

#endif /* _LINUX_SPINLOCK_H */
