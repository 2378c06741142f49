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

/*
 * locked and magic as one 64-bit word (locked in the low half: x86-64 and arm64 are
 * little-endian), so "free with a good magic" or "held once with a good magic" is one compare.
 */
#define __SIM_SPIN_FREE ((u64)SPINLOCK_MAGIC << 32)
#define __SIM_SPIN_HELD (__SIM_SPIN_FREE | 1)

static __always_inline u64 __sim_spin_word(const spinlock_t *lock)
{
	u64 word;

	__builtin_memcpy(&word, &lock->locked, sizeof(word));
	return word;
}

/*
 * The fast paths read the running CPU and task once, into locals: the stores into the lock
 * may alias the globals as far as the compiler knows, and reloading them after each store
 * is most of what an uncontended lock would otherwise cost.
 */
static __always_inline void __sim_spin_take(spinlock_t *lock, struct sim_cpu_ctx *cpu)
{
	struct task_struct *me = __sim_current;

	cpu->preempt_count++;
	barrier();
	if (unlikely(__sim_spin_word(lock) != __SIM_SPIN_FREE)) {
		__sim_spin_lock_slow(lock);
		return;
	}
	lock->locked = 1;
	lock->owner = me;
	lock->owner_cpu = (int)cpu->cpu;
	lock->acquisitions++;
}

/* Held, by this task, on this CPU, with a good magic: three compares, else the report. */
static __always_inline void __sim_spin_release(spinlock_t *lock, struct sim_cpu_ctx *cpu)
{
	if (unlikely(__sim_spin_word(lock) != __SIM_SPIN_HELD || lock->owner != (void *)__sim_current ||
		     lock->owner_cpu != (int)cpu->cpu)) {
		__sim_spin_unlock_slow(lock);
		return;
	}
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lock->locked = 0;
	barrier();
	if (unlikely(--cpu->preempt_count < __sim_preempt_armed))
		__sim_preempt_count_dropped();
}

static inline void spin_lock(spinlock_t *lock) { __sim_spin_take(lock, __sim_this_cpu); }
static inline void spin_unlock(spinlock_t *lock) { __sim_spin_release(lock, __sim_this_cpu); }

static inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (__sim_spin_word(lock) != __SIM_SPIN_FREE) {
		preempt_enable();
		return 0;
	}
	lock->locked = 1;
	lock->owner = __sim_current;
	lock->owner_cpu = (int)__sim_this_cpu->cpu;
	lock->acquisitions++;
	return 1;
}

/* As the kernel's: interrupts off (a load and a store of the EFLAGS image), then the lock. */
static inline unsigned long _raw_spin_lock_irqsave(spinlock_t *lock)
{
	struct sim_cpu_ctx *cpu = __sim_this_cpu;
	unsigned long flags = cpu->flags;

	cpu->flags = 0;
	__sim_spin_take(lock, cpu);
	return flags;
}

/* The CPU is read again after the unlock: a preemption point may have moved the task. */
static inline void _raw_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	__sim_spin_release(lock, __sim_this_cpu);
	local_irq_restore(flags);
}

static inline int spin_is_locked(const spinlock_t *lock) { return lock->locked != 0; }

#define spin_lock_irq(lock) do { local_irq_disable(); spin_lock(lock); } while (0)
#define spin_unlock_irq(lock) do { spin_unlock(lock); local_irq_enable(); } while (0)
#define spin_lock_irqsave(lock, flags) do { (flags) = _raw_spin_lock_irqsave(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) _raw_spin_unlock_irqrestore((lock), (flags))
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
